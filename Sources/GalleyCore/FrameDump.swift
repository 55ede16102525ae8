// A stable text form of the frame tree, for golden tests and debugging.

extension Frame {
    /// One line per item, nested by indentation, coordinates rounded to 0.01 pt.
    /// Glyph runs show their text, not glyph ids, so a font update does not rewrite goldens.
    public func dump(indent: Int = 0) -> String {
        var out = ""
        dump(into: &out, indent: indent)
        return out
    }

    private func dump(into out: inout String, indent: Int) {
        for positioned in items {
            let pad = String(repeating: "  ", count: indent)
            let at = "\(fmt(positioned.position.x)),\(fmt(positioned.position.y))"
            switch positioned.item {
            case .group(let frame):
                let role = frame.role.map { " \($0)" } ?? ""
                out += "\(pad)group\(role) @\(at) \(fmt(frame.size.width))x\(fmt(frame.size.height))\n"
                frame.dump(into: &out, indent: indent + 1)
            case .text(let run):
                out += "\(pad)text @\(at) w=\(fmt(run.width)) \(run.font.description) \(fmt(run.font.size)) \"\(run.text)\"\n"
            case .shape(let shape):
                switch shape.geometry {
                case .rect(let size):
                    out += "\(pad)rect @\(at) \(fmt(size.width))x\(fmt(size.height))\n"
                case .path(let elements):
                    out += "\(pad)path @\(at) \(elements.count) elements\n"
                }
            case .image(let image):
                out += "\(pad)image @\(at) \(fmt(image.size.width))x\(fmt(image.size.height)) \(image.path)\n"
            }
        }
    }
}

private func fmt(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    return String(r)
}

/// A placed frame with its absolute position on the page, found by walking the tree.
public struct PlacedFrame: Sendable {
    public var origin: Point
    public var frame: Frame
    public init(origin: Point, frame: Frame) {
        self.origin = origin
        self.frame = frame
    }
    public var rect: Rect { Rect(origin: origin, size: frame.size) }
}

extension Frame {
    /// Every nested frame (with absolute origin) whose role satisfies `predicate`, in tree order.
    public func frames(where predicate: (Role) -> Bool, origin: Point = .zero) -> [PlacedFrame] {
        var found: [PlacedFrame] = []
        for positioned in items {
            guard case .group(let child) = positioned.item else { continue }
            let at = origin.offset(by: positioned.position)
            if let role = child.role, predicate(role) { found.append(PlacedFrame(origin: at, frame: child)) }
            found += child.frames(where: predicate, origin: at)
        }
        return found
    }

    /// The text of all glyph runs in tree order, runs joined by `separator`.
    public func text(separator: String = " ") -> String {
        var parts: [String] = []
        func walk(_ frame: Frame) {
            for positioned in frame.items {
                switch positioned.item {
                case .group(let child): walk(child)
                case .text(let run): if !run.text.isEmpty { parts.append(run.text) }
                default: break
                }
            }
        }
        walk(self)
        return parts.joined(separator: separator)
    }
}
