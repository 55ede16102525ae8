// Vertical bars: one series with its latest bar highlighted, or grouped bars with a legend.

import GalleyCore

extension ChartDrawer {
    func bars(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let n = chart.series.map(\.values.count).max() ?? 0
        guard n > 0 else { return }
        let grouped = chart.series.count > 1
        var plot = plot
        if grouped {
            let names = chart.series.map(\.name)
            let height = legendHeight(names, width: plot.width, canvas: canvas)
            legend(names, at: Point(x: plot.minX, y: plot.minY - textSize * 0.6), width: plot.width, marker: .swatch, on: &canvas)
            plot = Rect(x: plot.minX, y: plot.minY + height, width: plot.width, height: plot.height - height)
        }
        let scale = ValueScale(maximum: chart.series.flatMap(\.values).max() ?? 1)
        let area = valueGrid(scale, in: plot, on: &canvas)
        let slot = area.width / Double(n)
        let barWidth = slot * 0.66 / Double(chart.series.count)
        let valueStyle = text(textSize, bold: true)
        for (s, series) in chart.series.enumerated() {
            for (k, v) in series.values.enumerated() {
                let h = max(0, v) / scale.top * area.height
                let x = area.minX + slot * Double(k) + slot * 0.17 + barWidth * Double(s)
                // One series: the latest bar in the accent colour, with its value, as news charts
                // point at «now»; grouped: each series in its own colour.
                let isLatest = !grouped && k == n - 1
                canvas.rect(Rect(x: x, y: area.maxY - h, width: barWidth, height: h), fill: grouped ? color(s) : color(isLatest ? 1 : 0))
                if isLatest {
                    canvas.text(
                        number(v, decimals: 1), style: valueStyle, at: Point(x: x + barWidth / 2, y: area.maxY - h - 3),
                        align: .center)
                }
            }
        }
        categoryLabels(Array(chart.labels.prefix(n)), under: area, centered: true, bounds: plot, on: &canvas)
    }
}
