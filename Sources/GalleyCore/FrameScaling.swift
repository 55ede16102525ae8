// A frame drawn smaller as a whole: what a panel becomes when it is shrunk to fit a page.

extension Frame {
    /// This frame with everything in it scaled by `factor` about its top left: positions,
    /// sizes, type sizes, glyph positions, paths, line widths and dashes, pictures. Text stays
    /// text (the glyph runs keep their characters; only the font size changes).
    public func scaled(by factor: Double) -> Frame {
        var copy = self
        copy.size = Size(width: size.width * factor, height: size.height * factor)
        copy.items = items.map { positioned in
            Positioned(
                position: Point(x: positioned.position.x * factor, y: positioned.position.y * factor),
                item: positioned.item.scaled(by: factor))
        }
        return copy
    }
}

extension FrameItem {
    func scaled(by factor: Double) -> FrameItem {
        switch self {
        case .group(let frame):
            return .group(frame.scaled(by: factor))
        case .text(var run):
            run.font.size *= factor
            run.glyphs = run.glyphs.map { Glyph(id: $0.id, x: $0.x * factor, y: $0.y * factor) }
            run.width *= factor
            if let space = run.wordSpace {
                run.wordSpace = WordSpace(glyph: Glyph(id: space.glyph.id, x: space.glyph.x * factor, y: space.glyph.y * factor), text: space.text)
            }
            return .text(run)
        case .shape(var shape):
            switch shape.geometry {
            case .rect(let size):
                shape.geometry = .rect(Size(width: size.width * factor, height: size.height * factor))
            case .path(let elements):
                shape.geometry = .path(elements.map { $0.scaled(by: factor) })
            }
            if var stroke = shape.stroke {
                stroke.width *= factor
                stroke.dash = stroke.dash.map { $0 * factor }
                shape.stroke = stroke
            }
            return .shape(shape)
        case .image(var image):
            image.size = Size(width: image.size.width * factor, height: image.size.height * factor)
            return .image(image)
        }
    }
}

extension PathElement {
    func scaled(by factor: Double) -> PathElement {
        func s(_ p: Point) -> Point { Point(x: p.x * factor, y: p.y * factor) }
        switch self {
        case .move(let p): return .move(s(p))
        case .line(let p): return .line(s(p))
        case .curve(let a, let b, let c): return .curve(s(a), s(b), s(c))
        case .arc(let center, let radius, let start, let end): return .arc(center: s(center), radius: radius * factor, start: start, end: end)
        case .close: return .close
        }
    }
}
