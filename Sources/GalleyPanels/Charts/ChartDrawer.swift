// Draws chart data into a box: title, unit, plot of the chart's family, source line.

import GalleyCore
import GalleyText

/// Draws a `ChartData` as a news graphic in the panel style.
///
/// The box is laid out top to bottom like a graphics desk's chart: a bold title (up to two
/// lines), the unit in grey, the plot, and the source line at the foot. Type scales with the
/// box's width so a half-column chart stays readable and a full-width one does not shout.
struct ChartDrawer {
    let style: PanelStyle
    let language: String
    /// Room kept free at the right of the title for the «макет» badge.
    var titleReserve: Double = 0

    // Set by `draw` from the box's width.
    private(set) var scale = 1.0
    private(set) var pad = 8.0

    init(style: PanelStyle, language: String, titleReserve: Double = 0) {
        self.style = style
        self.language = language
        self.titleReserve = titleReserve
    }

    var titleSize: Double { style.titleSize * scale }
    /// Axis and legend text: never under 6 pt, the smallest size a newspaper prints.
    var textSize: Double { max(6, style.textSize * scale) }

    func draw(_ chart: ChartData, in box: Rect, on canvas: inout Canvas, sourceLine: String) {
        var drawer = self
        // 340 pt is a column-and-a-half: the width the default sizes were chosen for.
        drawer.scale = min(1.1, max(0.8, box.width / 340))
        drawer.pad = max(7, box.width * 0.035)
        drawer.layOut(chart, in: box, on: &canvas, sourceLine: sourceLine)
    }

    private func layOut(_ chart: ChartData, in box: Rect, on canvas: inout Canvas, sourceLine: String) {
        let inner = box.width - 2 * pad
        let title = text(titleSize, bold: true)
        var titleLines = canvas.wrap(chart.title, style: title, width: inner - titleReserve)
        if titleLines.count > 2 {
            titleLines = [
                titleLines[0], canvas.fitting(titleLines[1...].joined(separator: " "), style: title, width: inner - titleReserve),
            ]
        }
        var y = box.minY + pad + titleSize * 0.8
        for (k, line) in titleLines.enumerated() {
            if k > 0 { y += titleSize * 1.2 }
            canvas.text(line, style: title, at: Point(x: box.minX + pad, y: y))
        }
        if let unit = chart.unit, !unit.isEmpty, chart.type.showsUnit {
            y += textSize * 1.7
            canvas.text(canvas.fitting(unit, style: muted, width: inner), style: muted, at: Point(x: box.minX + pad, y: y))
        }
        let sourceY = box.maxY - pad * 0.9
        canvas.text(canvas.fitting(sourceLine, style: muted, width: inner), style: muted, at: Point(x: box.minX + pad, y: sourceY))
        let top = y + textSize * 1.8
        let plot = Rect(x: box.minX + pad, y: top, width: inner, height: sourceY - textSize * 2.4 - top)
        guard plot.height > 24, plot.width > 40 else { return }
        switch chart.type {
        case .bar: bars(chart, plot, &canvas)
        case .line: lines(chart, plot, &canvas, stacked: false)
        case .area: lines(chart, plot, &canvas, stacked: true)
        case .donut: donut(chart, plot, &canvas)
        case .ranking: ranking(chart, plot, &canvas)
        case .timeline: timeline(chart, plot, &canvas)
        }
    }

    func color(_ i: Int) -> Color { style.palette[i % style.palette.count] }

    func text(_ size: Double, bold: Bool = false, color: Color? = nil) -> TextStyle {
        style.style(size, bold: bold, color: color, language: language)
    }

    /// Grey text of axis labels, units and the source line.
    var muted: TextStyle { text(textSize, color: style.muted) }

    func number(_ value: Double, decimals: Int) -> String {
        NumberText.format(value, decimals: decimals, language: language)
    }
}

extension ChartData.Kind {
    /// A donut shows shares and a timeline shows years: neither has a unit to print.
    var showsUnit: Bool { self != .donut && self != .timeline }
}

extension Rect {
    var midX: Double { origin.x + size.width / 2 }
    var midY: Double { origin.y + size.height / 2 }
}
