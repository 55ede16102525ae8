// A ranked list: place, name, a horizontal bar and its value, the leader in the accent colour.

import GalleyCore

extension ChartDrawer {
    func ranking(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let values = chart.series[0].values
        guard !values.isEmpty else { return }
        let maximum = max(values.max() ?? 1, 1e-9)
        let labelStyle = text(textSize * 1.1)
        let valueStyle = text(textSize * 1.1, bold: true)
        let placeStyle = text(textSize * 1.1, bold: true, color: style.muted)
        let labels = values.indices.map { $0 < chart.labels.count ? chart.labels[$0] : "" }
        let placeWidth = canvas.measure(String(values.count), style: placeStyle) + textSize
        let labelWidth = min(plot.width * 0.35, labels.map { canvas.measure($0, style: labelStyle) }.max() ?? 0)
        let valueWidth = values.map { canvas.measure(number($0, decimals: 1), style: valueStyle) }.max() ?? 0
        let barX = plot.minX + placeWidth + labelWidth + textSize
        let barMax = max(1, plot.maxX - barX - valueWidth - 5)
        // Rows share the plot's height, but no row gets taller than a comfortable list line.
        let row = min(plot.height / Double(values.count), textSize * 3.6)
        let top = plot.minY + (plot.height - row * Double(values.count)) / 2
        for (k, v) in values.enumerated() {
            let y = top + row * Double(k)
            let baseline = y + row / 2 + textSize * 0.38
            canvas.text(String(k + 1), style: placeStyle, at: Point(x: plot.minX, y: baseline))
            canvas.text(
                canvas.fitting(labels[k], style: labelStyle, width: labelWidth), style: labelStyle,
                at: Point(x: plot.minX + placeWidth, y: baseline))
            let w = max(0, v) / maximum * barMax
            let bar = min(row * 0.56, textSize * 1.8)
            canvas.rect(Rect(x: barX, y: y + (row - bar) / 2, width: w, height: bar), fill: k == 0 ? color(1) : color(0))
            canvas.text(number(v, decimals: 1), style: valueStyle, at: Point(x: barX + w + 4, y: baseline))
            if k < values.count - 1 {
                canvas.line(from: Point(x: plot.minX, y: y + row), to: Point(x: plot.maxX, y: y + row), color: style.grid, width: 0.4)
            }
        }
    }
}
