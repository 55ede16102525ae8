// Placeholder drawings for charts, photos, videos, galleries and unknown kinds, and the «макет» mark.

import Foundation
import GalleyCore
import GalleyText

/// Draws the placeholders that stand in for missing media.
struct Placeholders {
    let style: PanelStyle
    let language: String

    /// A generated chart (the id picks its family and data unless `family` is given), its
    /// title kept clear of the «макет» mark.
    func chart(id: String, family: ChartData.Kind? = nil, in box: Rect, on canvas: inout Canvas) {
        canvas.rect(box, fill: style.paper)
        let chart = ChartGenerator.generate(id: id, language: language, family: family)
        ChartDrawer(style: style, language: language, titleReserve: markWidth(on: canvas) + 8).draw(
            chart, in: box, on: &canvas,
            sourceLine: language == "ru" ? "Источник: данные-заглушка" : "Source: placeholder data")
    }

    /// A generated landscape (sky, sun, hills) in muted colours: reads as «a photo goes here».
    func photo(id: String, in box: Rect, on canvas: inout Canvas) {
        var random = SeededRandom(seed: "photo:" + id)
        let hue = random.int(in: 0...(style.palette.count - 1))
        let sky = style.palette[hue].lightened(by: 0.78)
        canvas.rect(box, fill: sky)
        let sun = Point(x: box.minX + box.width * random.double(in: 0.15...0.85), y: box.minY + box.height * random.double(in: 0.2...0.4))
        canvas.path([.arc(center: sun, radius: box.height * 0.08, start: 0, end: 2 * .pi), .close], fill: Color(hex: "#f3e3b3")!)
        for layer in 0..<3 {
            let base = box.minY + box.height * (0.5 + 0.15 * Double(layer))
            let steps = 6
            let ridge = (0...steps).map { k in
                Point(x: box.minX + box.width * Double(k) / Double(steps), y: base - box.height * random.double(in: 0...0.18))
            }
            // Smooth hills: a curve through the midpoints between ridge points, which it uses as
            // control points (a quadratic B-spline written as cubics).
            var path: [PathElement] = [.move(Point(x: box.minX, y: box.maxY)), .line(ridge[0])]
            var current = ridge[0]
            for k in 1..<steps {
                let mid = Point(x: (ridge[k].x + ridge[k + 1].x) / 2, y: (ridge[k].y + ridge[k + 1].y) / 2)
                let c1 = Point(x: current.x + 2 / 3 * (ridge[k].x - current.x), y: current.y + 2 / 3 * (ridge[k].y - current.y))
                let c2 = Point(x: mid.x + 2 / 3 * (ridge[k].x - mid.x), y: mid.y + 2 / 3 * (ridge[k].y - mid.y))
                path.append(.curve(c1, c2, mid))
                current = mid
            }
            path += [.line(ridge[steps]), .line(Point(x: box.maxX, y: box.maxY)), .close]
            canvas.path(path, fill: style.palette[(hue + 2) % style.palette.count].lightened(by: 0.55 - 0.2 * Double(layer)))
        }
        canvas.rect(box, stroke: Stroke(color: style.grid, width: 0.5))
    }

    /// A dark 16:9 frame with a play button and a timeline bar.
    func video(id: String, in box: Rect, on canvas: inout Canvas) {
        var random = SeededRandom(seed: "video:" + id)
        canvas.rect(box, fill: Color(hex: "#23272e")!)
        let center = Point(x: box.minX + box.width / 2, y: box.minY + box.height / 2)
        let r = box.height * 0.13
        canvas.path([.arc(center: center, radius: r, start: 0, end: 2 * .pi), .close], fill: Color(red: 1, green: 1, blue: 1, alpha: 0.9))
        canvas.path(
            [
                .move(Point(x: center.x - r * 0.35, y: center.y - r * 0.5)), .line(Point(x: center.x + r * 0.55, y: center.y)),
                .line(Point(x: center.x - r * 0.35, y: center.y + r * 0.5)), .close,
            ], fill: Color(hex: "#23272e")!)
        let barY = box.maxY - 14
        let progress = random.double(in: 0.1...0.6)
        canvas.rect(Rect(x: box.minX + 12, y: barY, width: box.width - 24, height: 3), fill: Color(red: 1, green: 1, blue: 1, alpha: 0.3))
        canvas.rect(Rect(x: box.minX + 12, y: barY, width: (box.width - 24) * progress, height: 3), fill: style.palette[1])
        let minutes = random.int(in: 1...12)
        let seconds = random.int(in: 0...59)
        canvas.text(
            "\(minutes):\(seconds < 10 ? "0" : "")\(seconds)", style: style.style(style.textSize, color: .white, language: language),
            at: Point(x: box.maxX - 12, y: barY - 5), align: .right)
    }

    /// A grid of small photo placeholders.
    func gallery(id: String, in box: Rect, on canvas: inout Canvas) {
        canvas.rect(box, fill: style.paper)
        let columns = box.width / box.height > 1.8 ? 4 : 3
        let rows = 2
        let gap = 4.0
        let w = (box.width - gap * Double(columns + 1)) / Double(columns)
        let h = (box.height - gap * Double(rows + 1)) / Double(rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let cell = Rect(x: box.minX + gap + Double(c) * (w + gap), y: box.minY + gap + Double(r) * (h + gap), width: w, height: h)
                photo(id: "\(id)-\(r * columns + c)", in: cell, on: &canvas)
            }
        }
        let count = columns * rows
        let badge = language == "ru" ? "\(count) фото" : "\(count) photos"
        let badgeStyle = style.style(style.textSize + 0.5, bold: true, color: .white, language: language)
        let width = canvas.measure(badge, style: badgeStyle) + 10
        canvas.rect(Rect(x: box.maxX - gap - width - 4, y: box.maxY - gap - 18, width: width, height: 14), fill: Color(red: 0, green: 0, blue: 0, alpha: 0.6))
        canvas.text(badge, style: badgeStyle, at: Point(x: box.maxX - gap - 4 - width / 2, y: box.maxY - gap - 8), align: .center)
    }

    /// A tinted box with crossed diagonals naming the unknown kind and its id.
    func generic(kind: String, id: String, in box: Rect, on canvas: inout Canvas) {
        canvas.rect(box, fill: style.paper, stroke: Stroke(color: style.grid, width: 0.8))
        canvas.line(from: Point(x: box.minX, y: box.minY), to: Point(x: box.maxX, y: box.maxY), color: style.grid, width: 0.6)
        canvas.line(from: Point(x: box.maxX, y: box.minY), to: Point(x: box.minX, y: box.maxY), color: style.grid, width: 0.6)
        let title = style.style(style.titleSize, bold: true, language: language)
        let text = "\(kind) \(language == "ru" ? "№" : "No.")\u{00A0}\(id)"
        let w = canvas.measure(text, style: title) + 16
        let center = Point(x: box.minX + box.width / 2, y: box.minY + box.height / 2)
        canvas.rect(Rect(x: center.x - w / 2, y: center.y - style.titleSize, width: w, height: style.titleSize * 1.8), fill: style.paper)
        canvas.text(text, style: title, at: Point(x: center.x, y: center.y + style.titleSize * 0.35), align: .center)
    }

    private var markText: String { language == "ru" ? "МАКЕТ" : "PLACEHOLDER" }
    private var markStyle: TextStyle {
        style.style(style.textSize - 0.5, bold: true, color: style.muted, family: style.labelFamily, language: language)
    }

    /// The width of the badge, kept free by chart titles.
    func markWidth(on canvas: Canvas) -> Double { canvas.measure(markText, style: markStyle) + 8 }

    /// The discreet «МАКЕТ» / "PLACEHOLDER" badge in the top right corner.
    func mark(in box: Rect, on canvas: inout Canvas) {
        let text = markText
        let width = markWidth(on: canvas)
        let rect = Rect(x: box.maxX - width - 6, y: box.minY + 6, width: width, height: style.textSize + 5)
        canvas.rect(rect, fill: Color(red: 1, green: 1, blue: 1, alpha: 0.75), stroke: Stroke(color: style.muted, width: 0.5))
        canvas.text(text, style: markStyle, at: Point(x: rect.minX + 4, y: rect.maxY - 3.5))
    }
}
