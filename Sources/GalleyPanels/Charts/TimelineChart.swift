// A timeline: events on a horizontal line, dates in bold, labels alternating above and below.

import GalleyCore

extension ChartDrawer {
    func timeline(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let years = chart.series[0].values
        let n = min(years.count, chart.labels.count)
        guard n >= 2 else { return }
        let dateStyle = text(titleSize, bold: true)
        let labelStyle = text(textSize * 1.1)
        let y = plot.midY
        // Labels alternate sides, so each may take nearly two steps of width.
        let inset = min(plot.width * 0.12, max(plot.width * 0.06, textSize * 4))
        let step = (plot.width - 2 * inset) / Double(n - 1)
        let room = min(step * 1.8, plot.width / 2)
        canvas.line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), color: style.muted, width: 1)
        let stem = min(plot.height * 0.16, titleSize * 2)
        for k in 0..<n {
            let x = plot.minX + inset + step * Double(k)
            let above = k % 2 == 0
            let sign = above ? -1.0 : 1.0
            canvas.line(from: Point(x: x, y: y), to: Point(x: x, y: y + sign * stem), color: style.grid, width: 0.8)
            canvas.path(
                [.arc(center: Point(x: x, y: y), radius: 4, start: 0, end: 2 * .pi), .close],
                fill: k == n - 1 ? color(1) : color(0), stroke: Stroke(color: style.paper, width: 1.5))
            let label = canvas.wrap(chart.labels[k], style: labelStyle, width: room).prefix(2)
            let date = NumberText.format(years[k], decimals: 0, language: "en")
            let lineGap = labelStyle.size * 1.25
            // Dates sit next to the line; labels on the far side of the date.
            let dateY = above ? y - stem - 4 : y + stem + 4 + dateStyle.size * 0.75
            let half = { (w: Double) in min(max(x, plot.minX + w / 2), plot.maxX - w / 2) }
            canvas.text(date, style: dateStyle, at: Point(x: half(canvas.measure(date, style: dateStyle)), y: dateY), align: .center)
            for (j, line) in label.enumerated() {
                let offset = above ? -Double(label.count - j) * lineGap - 2 : Double(j + 1) * lineGap + 2
                let lineY = dateY + (above ? offset - dateStyle.size * 0.1 : offset)
                canvas.text(line, style: labelStyle, at: Point(x: half(canvas.measure(line, style: labelStyle)), y: lineY), align: .center)
            }
        }
    }
}
