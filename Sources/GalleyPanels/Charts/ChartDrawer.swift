// Draws chart data into a rectangle of a canvas: title, plot, axes, legend, source line.

import Foundation
import GalleyCore
import GalleyText

/// Draws a `ChartData` as a news graphic in the panel style.
struct ChartDrawer {
    let style: PanelStyle
    let language: String

    func draw(_ chart: ChartData, in box: Rect, on canvas: inout Canvas, sourceLine: String) {
        let pad = max(8, box.width * 0.03)
        let title = style.style(style.titleSize, bold: true, language: language)
        let small = style.style(style.textSize, color: style.muted, language: language)
        var y = box.minY + pad + style.titleSize
        canvas.text(canvas.fitting(chart.title, style: title, width: box.width - 2 * pad - 60), style: title, at: Point(x: box.minX + pad, y: y))
        if let unit = chart.unit, chart.type != .donut {
            y += style.textSize * 1.6
            canvas.text(unit, style: small, at: Point(x: box.minX + pad, y: y))
        }
        let sourceY = box.maxY - pad
        canvas.text(sourceLine, style: small, at: Point(x: box.minX + pad, y: sourceY))
        let plot = Rect(
            x: box.minX + pad, y: y + style.textSize * 1.8, width: box.width - 2 * pad,
            height: sourceY - style.textSize * 2.2 - (y + style.textSize * 1.8))
        guard plot.height > 20, plot.width > 40 else { return }
        switch chart.type {
        case .bar: bars(chart, plot, &canvas)
        case .line: lines(chart, plot, &canvas, stacked: false)
        case .area: lines(chart, plot, &canvas, stacked: true)
        case .donut: donut(chart, plot, &canvas)
        case .ranking: ranking(chart, plot, &canvas)
        case .timeline: timeline(chart, plot, &canvas)
        }
    }

    private func color(_ i: Int) -> Color { style.palette[i % style.palette.count] }
    private var axisText: TextStyle { style.style(style.textSize, color: style.muted, language: language) }

    /// A «nice» step for about four gridlines up to `maximum`: 1, 2 or 5 times a power of ten.
    private func niceStep(_ maximum: Double) -> Double {
        let raw = max(maximum, 1e-9) / 4
        let power = pow(10, floor(log10(raw)))
        for m in [1.0, 2.0, 5.0, 10.0] where m * power >= raw { return m * power }
        return 10 * power
    }

    /// Horizontal gridlines with values at the left; returns the plot area right of the labels.
    private func grid(_ maximum: Double, _ plot: Rect, _ canvas: inout Canvas) -> (area: Rect, top: Double) {
        let step = niceStep(maximum)
        let top = ceil(maximum / step) * step
        let decimals = step < 1 ? 1 : 0
        let labels = stride(from: 0.0, through: top + step / 2, by: step).map { NumberText.format($0, decimals: decimals, language: language) }
        let labelWidth = labels.map { canvas.measure($0, style: axisText) }.max() ?? 0
        let area = Rect(x: plot.minX + labelWidth + 6, y: plot.minY + 4, width: plot.width - labelWidth - 6, height: plot.height - style.textSize * 2 - 4)
        for (k, label) in labels.enumerated() {
            let v = Double(k) * step
            let y = area.maxY - v / top * area.height
            canvas.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), color: k == 0 ? style.muted : style.grid, width: k == 0 ? 0.8 : 0.5)
            canvas.text(label, style: axisText, at: Point(x: area.minX - 5, y: y + style.textSize * 0.35), align: .right)
        }
        return (area, top)
    }

    private func xLabels(_ labels: [String], _ area: Rect, _ canvas: inout Canvas, centered: Bool) {
        let n = labels.count
        guard n > 0 else { return }
        let slot = area.width / Double(centered ? n : max(1, n - 1))
        let every = max(1, Int(ceil(canvas.measure("0000", style: axisText) * 1.4 / slot)))
        for (k, label) in labels.enumerated() where k % every == 0 {
            let x = centered ? area.minX + slot * (Double(k) + 0.5) : area.minX + slot * Double(k)
            canvas.text(label, style: axisText, at: Point(x: x, y: area.maxY + style.textSize * 1.5), align: .center)
        }
    }

    private func legend(_ names: [String], at origin: Point, _ canvas: inout Canvas) {
        var x = origin.x
        for (k, name) in names.enumerated() where !name.isEmpty {
            canvas.rect(Rect(x: x, y: origin.y - style.textSize * 0.75, width: 8, height: style.textSize * 0.75), fill: color(k))
            x += 11 + canvas.text(name, style: axisText, at: Point(x: x + 11, y: origin.y)) + 12
        }
    }

    private func bars(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let values = chart.series[0].values
        let (area, top) = grid(values.max() ?? 1, plot, &canvas)
        let slot = area.width / Double(values.count)
        for (k, v) in values.enumerated() {
            let h = max(0, v) / top * area.height
            let isLast = k == values.count - 1
            canvas.rect(
                Rect(x: area.minX + slot * Double(k) + slot * 0.18, y: area.maxY - h, width: slot * 0.64, height: h),
                fill: isLast ? color(1) : color(0))
            if isLast {
                canvas.text(
                    NumberText.format(v, decimals: 1, language: language),
                    style: style.style(style.textSize, bold: true, language: language),
                    at: Point(x: area.minX + slot * (Double(k) + 0.5), y: area.maxY - h - 3), align: .center)
            }
        }
        xLabels(Array(chart.labels.prefix(values.count)), area, &canvas, centered: true)
    }

    private func lines(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas, stacked: Bool) {
        let n = chart.series.map(\.values.count).min() ?? 0
        guard n >= 2 else { return bars(chart, plot, &canvas) }
        var totals = [Double](repeating: 0, count: n)
        var tops: [[Double]] = []
        for s in chart.series {
            let row = (0..<n).map { stacked ? totals[$0] + max(0, s.values[$0]) : s.values[$0] }
            if stacked { totals = row }
            tops.append(row)
        }
        let maximum = tops.flatMap { $0 }.max() ?? 1
        var legendPlot = plot
        legendPlot.size.height -= style.textSize * 2
        let (area, top) = grid(maximum, legendPlot, &canvas)
        func point(_ k: Int, _ v: Double) -> Point {
            Point(x: area.minX + area.width * Double(k) / Double(n - 1), y: area.maxY - max(0, v) / top * area.height)
        }
        for (s, row) in tops.enumerated().reversed() {
            if stacked {
                let below = s > 0 ? tops[s - 1] : [Double](repeating: 0, count: n)
                var path: [PathElement] = [.move(point(0, row[0]))]
                for k in 1..<n { path.append(.line(point(k, row[k]))) }
                for k in stride(from: n - 1, through: 0, by: -1) { path.append(.line(point(k, below[k]))) }
                path.append(.close)
                canvas.path(path, fill: color(s).lightened(by: 0.15), stroke: Stroke(color: .white, width: 0.6))
            } else {
                var path: [PathElement] = [.move(point(0, row[0]))]
                for k in 1..<n { path.append(.line(point(k, row[k]))) }
                canvas.path(path, stroke: Stroke(color: color(s), width: 1.8))
                for k in [0, n - 1] {
                    let p = point(k, row[k])
                    canvas.path([.arc(center: p, radius: 2.4, start: 0, end: 2 * .pi), .close], fill: color(s))
                }
            }
        }
        xLabels(Array(chart.labels.prefix(n)), area, &canvas, centered: false)
        legend(chart.series.map(\.name), at: Point(x: area.minX, y: plot.maxY - 1), &canvas)
    }

    private func donut(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let values = chart.series[0].values.map { max(0, $0) }
        let total = values.reduce(0, +)
        guard total > 0 else { return }
        let radius = min(plot.height, plot.width * 0.5) / 2 - 2
        let center = Point(x: plot.minX + radius + 4, y: plot.midY)
        var angle = -Double.pi / 2
        for (k, v) in values.enumerated() {
            let sweep = v / total * 2 * .pi
            canvas.path(
                [.arc(center: center, radius: radius, start: angle, end: angle + sweep), .line(center), .close],
                fill: color(k), stroke: Stroke(color: style.paper, width: 1.5))
            angle += sweep
        }
        canvas.path([.arc(center: center, radius: radius * 0.55, start: 0, end: 2 * .pi), .close], fill: style.paper)
        // The legend: one line per part with its share.
        let x = center.x + radius + 20
        let lineHeight = style.textSize * 2.2
        var y = plot.midY - lineHeight * Double(values.count) / 2 + lineHeight * 0.7
        for (k, v) in values.enumerated() {
            canvas.rect(Rect(x: x, y: y - style.textSize * 0.8, width: 9, height: 9), fill: color(k))
            let label = k < chart.labels.count ? chart.labels[k] : ""
            canvas.text(label, style: style.style(style.textSize + 1, language: language), at: Point(x: x + 14, y: y))
            canvas.text(
                NumberText.format(v / total * 100, decimals: 0, language: language) + " %",
                style: style.style(style.textSize + 1, bold: true, language: language), at: Point(x: plot.maxX, y: y), align: .right)
            y += lineHeight
        }
    }

    private func ranking(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let values = chart.series[0].values
        let maximum = max(values.max() ?? 1, 1e-9)
        let labelStyle = style.style(style.textSize + 1, language: language)
        let labelWidth = chart.labels.prefix(values.count).map { canvas.measure($0, style: labelStyle) }.max() ?? 0
        let barX = plot.minX + labelWidth + 10
        let barMax = plot.width - labelWidth - 10 - 40
        let row = min(plot.height / Double(values.count), 26)
        for (k, v) in values.enumerated() {
            let y = plot.minY + row * Double(k)
            let label = k < chart.labels.count ? chart.labels[k] : ""
            canvas.text(label, style: labelStyle, at: Point(x: plot.minX, y: y + row * 0.62))
            let w = max(0, v) / maximum * barMax
            canvas.rect(Rect(x: barX, y: y + row * 0.2, width: w, height: row * 0.6), fill: k == 0 ? color(1) : color(0))
            canvas.text(
                NumberText.format(v, decimals: 1, language: language), style: style.style(style.textSize + 1, bold: true, language: language),
                at: Point(x: barX + w + 4, y: y + row * 0.62))
        }
    }

    private func timeline(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let years = chart.series[0].values
        let n = min(years.count, chart.labels.count)
        guard n >= 2 else { return }
        let y = plot.midY
        let inset = plot.width * 0.08
        canvas.line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), color: style.muted, width: 1.2)
        let step = (plot.width - 2 * inset) / Double(n - 1)
        let labelStyle = style.style(style.textSize + 0.5, language: language)
        for k in 0..<n {
            let x = plot.minX + inset + step * Double(k)
            canvas.path([.arc(center: Point(x: x, y: y), radius: 4.5, start: 0, end: 2 * .pi), .close], fill: color(k % 2 == 0 ? 0 : 1), stroke: Stroke(color: style.paper, width: 1.5))
            let above = k % 2 == 0
            canvas.line(from: Point(x: x, y: y + (above ? -6 : 6)), to: Point(x: x, y: y + (above ? -22 : 22)), color: style.grid, width: 0.8)
            canvas.text(
                NumberText.format(years[k], decimals: 0, language: "en"),
                style: style.style(style.titleSize, bold: true, language: language),
                at: Point(x: x, y: above ? y - 28 : y + 36), align: .center)
            let label = canvas.fitting(chart.labels[k], style: labelStyle, width: step * 1.8)
            canvas.text(label, style: labelStyle, at: Point(x: x, y: above ? y - 28 - style.titleSize * 1.2 : y + 36 + style.textSize * 1.6), align: .center)
        }
    }
}

extension Rect {
    var midY: Double { origin.y + size.height / 2 }
}
