// Line charts (series as lines, values labelled at the right end) and stacked areas.

import GalleyCore

extension ChartDrawer {
    func lines(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas, stacked: Bool) {
        let n = chart.series.map(\.values.count).min() ?? 0
        guard n >= 2 else { return bars(chart, plot, &canvas) }
        // Stacked: each row is the running total, so the top of the last series is the total.
        var tops: [[Double]] = []
        var totals = [Double](repeating: 0, count: n)
        for series in chart.series {
            let row = (0..<n).map { stacked ? totals[$0] + max(0, series.values[$0]) : series.values[$0] }
            if stacked { totals = row }
            tops.append(row)
        }
        let names = chart.series.map(\.name)
        let legendSpace = legendHeight(names, width: plot.width, canvas: canvas)
        legend(
            names, at: Point(x: plot.minX, y: plot.minY - textSize * 0.6), width: plot.width,
            marker: stacked ? .swatch : .stroke, on: &canvas)
        let below = Rect(x: plot.minX, y: plot.minY + legendSpace, width: plot.width, height: plot.height - legendSpace)
        let scale = ValueScale(maximum: tops.flatMap { $0 }.max() ?? 1)
        let valueStyle = text(textSize, bold: true)
        // Lines end in their latest value, printed right of the plot.
        let endLabels = tops.map { number($0[n - 1], decimals: 1) }
        // The last category label is centred on the last point: keep half of it inside the plot.
        let halfLabel = (chart.labels.prefix(n).map { canvas.measure($0, style: muted) }.max() ?? 0) / 2
        let endWidth = stacked ? 0 : (endLabels.map { canvas.measure($0, style: valueStyle) }.max() ?? 0) + 6
        let inset = max(halfLabel, endWidth)
        let area = valueGrid(scale, in: below, rightInset: inset, on: &canvas)
        func point(_ k: Int, _ v: Double) -> Point {
            Point(x: area.minX + area.width * Double(k) / Double(n - 1), y: area.maxY - max(0, v) / scale.top * area.height)
        }
        if stacked {
            for (s, row) in tops.enumerated().reversed() {
                let base = s > 0 ? tops[s - 1] : [Double](repeating: 0, count: n)
                var path: [PathElement] = [.move(point(0, row[0]))]
                for k in 1..<n { path.append(.line(point(k, row[k]))) }
                for k in stride(from: n - 1, through: 0, by: -1) { path.append(.line(point(k, base[k]))) }
                path.append(.close)
                canvas.path(path, fill: color(s).lightened(by: 0.12), stroke: Stroke(color: style.paper, width: 0.6))
            }
        } else {
            var labelYs: [Double] = []
            for (s, row) in tops.enumerated() {
                var path: [PathElement] = [.move(point(0, row[0]))]
                for k in 1..<n { path.append(.line(point(k, row[k]))) }
                canvas.path(path, stroke: Stroke(color: color(s), width: 1.6))
                let end = point(n - 1, row[n - 1])
                canvas.path([.arc(center: end, radius: 2.2, start: 0, end: 2 * .pi), .close], fill: color(s))
                labelYs.append(end.y + textSize * 0.33)
            }
            // End labels pushed apart when two series end close together.
            let order = labelYs.indices.sorted { labelYs[$0] < labelYs[$1] }
            for (a, b) in zip(order, order.dropFirst()) where labelYs[b] - labelYs[a] < textSize * 1.1 {
                labelYs[b] = labelYs[a] + textSize * 1.1
            }
            for (s, label) in endLabels.enumerated() {
                let y = min(labelYs[s], area.maxY)
                canvas.text(label, style: text(textSize, bold: true, color: color(s)), at: Point(x: area.maxX + 5, y: y))
            }
        }
        categoryLabels(Array(chart.labels.prefix(n)), under: area, centered: false, bounds: below, on: &canvas)
    }
}
