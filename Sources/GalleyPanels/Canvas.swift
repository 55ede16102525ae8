// A small drawing surface that builds frame items: rectangles, lines, paths, aligned text.

import GalleyCore
import GalleyText

/// Accumulates frame items; panels draw with it and never touch cairo.
struct Canvas {
    enum Alignment { case left, center, right }

    var frame: Frame
    let shaper: TextShaper

    init(size: Size, role: Role? = nil, shaper: TextShaper) {
        frame = Frame(size: size, role: role)
        self.shaper = shaper
    }

    mutating func rect(_ r: Rect, fill: Color? = nil, stroke: Stroke? = nil) {
        frame.place(.shape(.rect(r.size, fill: fill, stroke: stroke)), at: r.origin)
    }

    mutating func line(from a: Point, to b: Point, color: Color, width: Double, dash: [Double] = []) {
        frame.place(
            .shape(.line(to: Point(x: b.x - a.x, y: b.y - a.y), stroke: Stroke(color: color, width: width, dash: dash))),
            at: a)
    }

    mutating func path(_ elements: [PathElement], fill: Color? = nil, stroke: Stroke? = nil) {
        frame.place(.shape(Shape(.path(elements), fill: fill, stroke: stroke)), at: .zero)
    }

    /// Draws `text` with its baseline at `baseline`, aligned on `baseline.x`; returns its width.
    @discardableResult
    mutating func text(_ text: String, style: TextStyle, at baseline: Point, align: Alignment = .left) -> Double {
        let width = measure(text, style: style)
        guard !text.isEmpty else { return 0 }
        let shaped = shaper.shape(text, style: style)
        let (runs, _) = shaped.glyphRuns(in: 0..<shaped.utf8.count)
        let x: Double
        switch align {
        case .left: x = baseline.x
        case .center: x = baseline.x - width / 2
        case .right: x = baseline.x - width
        }
        for run in runs { frame.place(.text(run), at: Point(x: x, y: baseline.y)) }
        return width
    }

    func measure(_ text: String, style: TextStyle) -> Double {
        shaper.shape(text, style: style).width
    }

    /// Breaks `text` into lines no wider than `width` at spaces (greedy: captions are short).
    /// A word wider than the whole line is cut between characters, so no text is lost.
    func wrap(_ text: String, style: TextStyle, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if measure(candidate, style: style) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = String(word)
            while measure(current, style: style) > width, current.count > 1 {
                var head = current
                while head.count > 1, measure(head, style: style) > width { head.removeLast() }
                lines.append(head)
                current.removeFirst(head.count)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Truncates `text` with an ellipsis so that it fits `width`.
    func fitting(_ text: String, style: TextStyle, width: Double) -> String {
        guard measure(text, style: style) > width else { return text }
        var scalars = Array(text.unicodeScalars)
        while !scalars.isEmpty {
            scalars.removeLast()
            let candidate = String(String.UnicodeScalarView(scalars)) + "…"
            if measure(candidate, style: style) <= width { return candidate }
        }
        return ""
    }
}
