// A donut of shares with a legend beside it, the largest share repeated in the hole.

import GalleyCore

extension ChartDrawer {
    func donut(_ chart: ChartData, _ plot: Rect, _ canvas: inout Canvas) {
        let values = chart.series[0].values.map { max(0, $0) }
        let total = values.reduce(0, +)
        guard total > 0 else { return }
        let shares = Self.wholePercents(values)
        let radius = max(8, min(plot.height / 2 - 2, plot.width * 0.22))
        let center = Point(x: plot.minX + radius + 2, y: plot.midY)
        var angle = -Double.pi / 2
        for (k, v) in values.enumerated() {
            let sweep = v / total * 2 * .pi
            canvas.path(
                [.move(center), .arc(center: center, radius: radius, start: angle, end: angle + sweep), .close],
                fill: color(k), stroke: Stroke(color: style.paper, width: 1.2))
            angle += sweep
        }
        canvas.path([.arc(center: center, radius: radius * 0.58, start: 0, end: 2 * .pi), .close], fill: style.paper)
        if let largest = shares.indices.max(by: { shares[$0] < shares[$1] }) {
            let big = text(min(titleSize * 1.5, radius * 0.45), bold: true, color: color(largest))
            canvas.text(
                NumberText.percent(Double(shares[largest]), language: language), style: big,
                at: Point(x: center.x, y: center.y + big.size * 0.35), align: .center)
        }
        // The legend: one row per part, its share right-aligned.
        let left = center.x + radius + max(12, radius * 0.3)
        let right = plot.maxX
        let labelStyle = text(textSize * 1.1)
        let shareStyle = text(textSize * 1.1, bold: true)
        let row = min(textSize * 2.4, plot.height / Double(values.count))
        var y = plot.midY - row * Double(values.count) / 2 + row / 2 + textSize * 0.4
        for k in values.indices {
            let swatch = textSize
            canvas.rect(Rect(x: left, y: y - swatch * 0.85, width: swatch, height: swatch), fill: color(k))
            let share = NumberText.percent(Double(shares[k]), language: language)
            let shareWidth = canvas.measure(share, style: shareStyle)
            let label = k < chart.labels.count ? chart.labels[k] : ""
            let room = right - left - swatch * 1.6 - shareWidth - 6
            canvas.text(canvas.fitting(label, style: labelStyle, width: room), style: labelStyle, at: Point(x: left + swatch * 1.6, y: y))
            canvas.text(share, style: shareStyle, at: Point(x: right, y: y), align: .right)
            if k < values.count - 1 {
                canvas.line(
                    from: Point(x: left, y: y + row / 2 - textSize * 0.4), to: Point(x: right, y: y + row / 2 - textSize * 0.4),
                    color: style.grid, width: 0.4)
            }
            y += row
        }
    }

    /// Whole percents that add up to exactly 100 (largest remainder), as a reader will check.
    static func wholePercents(_ values: [Double]) -> [Int] {
        let total = values.reduce(0, +)
        guard total > 0 else { return values.map { _ in 0 } }
        let exact = values.map { $0 / total * 100 }
        var whole = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(whole[$0]), $1) > (exact[$1] - Double(whole[$1]), $0) }
        for k in order.prefix(max(0, 100 - whole.reduce(0, +))) { whole[k] += 1 }
        return whole
    }
}
