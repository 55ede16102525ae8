// Axes, gridlines and legends shared by the chart families.

import GalleyCore

/// A value axis from zero: its top and the step between gridlines.
struct ValueScale {
    let top: Double
    let step: Double
    /// Decimals the tick labels need (0 for a step of 1 or more, else enough to show it).
    let decimals: Int

    /// About five gridlines up to `maximum`, on steps of 1, 2 or 5 times a power of ten.
    ///
    /// Found by multiplication only (no `log10`/`pow`), so the axis is the same on every libm.
    init(maximum: Double) {
        let raw = max(maximum, 1e-6) / 5
        var power = 1e-6
        var decimals = 6
        while power * 10 <= raw {
            power *= 10
            decimals = max(0, decimals - 1)
        }
        var step = power * 10
        if let m = [1.0, 2.0, 5.0].first(where: { $0 * power >= raw }) {
            step = m * power
        } else {
            decimals = max(0, decimals - 1)
        }
        if step >= 1 { decimals = 0 }
        self.step = step
        self.decimals = decimals
        top = max(step, (maximum / step).rounded(.up) * step)
    }

    var ticks: [Double] {
        let count = Int((top / step).rounded())
        return (0...count).map { Double($0) * step }
    }
}

/// How a legend marks a series: a swatch for areas and bars, a short stroke for lines.
enum LegendMarker { case swatch, stroke }

extension ChartDrawer {
    /// Horizontal gridlines with their values at the left; returns the plot area right of the
    /// labels, with room below for the category labels.
    func valueGrid(_ scale: ValueScale, in plot: Rect, rightInset: Double = 0, on canvas: inout Canvas) -> Rect {
        let labels = scale.ticks.map { number($0, decimals: scale.decimals) }
        let labelWidth = labels.map { canvas.measure($0, style: muted) }.max() ?? 0
        let area = Rect(
            x: plot.minX + labelWidth + 5, y: plot.minY + textSize * 0.4,
            width: plot.width - labelWidth - 5 - rightInset, height: plot.height - textSize * 2.2)
        for (k, tick) in scale.ticks.enumerated() {
            let y = area.maxY - tick / scale.top * area.height
            if k == 0 {
                canvas.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), color: style.ink, width: 0.7)
            } else {
                canvas.line(from: Point(x: area.minX, y: y), to: Point(x: area.maxX, y: y), color: style.grid, width: 0.4)
            }
            canvas.text(labels[k], style: muted, at: Point(x: area.minX - 4, y: y + textSize * 0.33), align: .right)
        }
        return area
    }

    /// Category labels under the area: centred under slots (bars) or on points (lines),
    /// thinned out when they would touch, and kept inside `bounds`.
    func categoryLabels(_ labels: [String], under area: Rect, centered: Bool, bounds: Rect, on canvas: inout Canvas) {
        let n = labels.count
        guard n > 0 else { return }
        let slot = area.width / Double(centered ? n : max(1, n - 1))
        let widest = labels.map { canvas.measure($0, style: muted) }.max() ?? 0
        var every = 1
        while Double(every) * slot < widest + textSize * 1.5 && every < n { every += 1 }
        let y = area.maxY + textSize * 1.5
        for (k, label) in labels.enumerated() where k % every == 0 || (!centered && k == n - 1 && every == 1) {
            let x = centered ? area.minX + slot * (Double(k) + 0.5) : area.minX + slot * Double(k)
            let half = canvas.measure(label, style: muted) / 2
            let clamped = min(max(x, bounds.minX + half), bounds.maxX - half)
            canvas.line(from: Point(x: x, y: area.maxY), to: Point(x: x, y: area.maxY + 2.5), color: style.ink, width: 0.5)
            canvas.text(label, style: muted, at: Point(x: clamped, y: y), align: .center)
        }
    }

    /// The height a legend of `names` takes when wrapped to `width`.
    func legendHeight(_ names: [String], width: Double, canvas: Canvas) -> Double {
        Double(legendRows(names, width: width, canvas: canvas).count) * textSize * 1.6
    }

    /// Draws the legend from the top left of `origin`, wrapping entries onto new rows.
    func legend(_ names: [String], at origin: Point, width: Double, marker: LegendMarker, on canvas: inout Canvas) {
        var y = origin.y + textSize
        for row in legendRows(names, width: width, canvas: canvas) {
            var x = origin.x
            for (index, name) in row {
                switch marker {
                case .swatch:
                    canvas.rect(Rect(x: x, y: y - textSize * 0.75, width: textSize * 0.9, height: textSize * 0.75), fill: color(index))
                case .stroke:
                    canvas.line(
                        from: Point(x: x, y: y - textSize * 0.35), to: Point(x: x + textSize * 1.4, y: y - textSize * 0.35),
                        color: color(index), width: 2)
                }
                x += markerWidth(marker)
                x += canvas.text(name, style: text(textSize), at: Point(x: x, y: y)) + textSize * 1.4
            }
            y += textSize * 1.6
        }
    }

    private func markerWidth(_ marker: LegendMarker) -> Double {
        (marker == .swatch ? textSize * 0.9 : textSize * 1.4) + textSize * 0.4
    }

    private func legendRows(_ names: [String], width: Double, canvas: Canvas) -> [[(Int, String)]] {
        var rows: [[(Int, String)]] = [[]]
        var x = 0.0
        for (index, name) in names.enumerated() where !name.isEmpty {
            let w = markerWidth(.stroke) + canvas.measure(name, style: text(textSize))
            if x > 0 && x + w > width {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((index, name))
            x += w + textSize * 1.4
        }
        return rows.filter { !$0.isEmpty }
    }
}
