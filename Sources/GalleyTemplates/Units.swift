// Lengths, page sizes and margins as templates write them.

import GalleyCore
import GalleyLayout
import TOMLKit

/// Parses the units templates use: points by default, `mm`, `cm`, `in`, `pt` in strings.
enum Units {
    /// Named page sizes, in points (portrait).
    static let pageSizes: [String: Size] = [
        "a3": Size(width: 841.89, height: 1190.55), "a4": Size(width: 595.276, height: 841.89),
        "a5": Size(width: 419.53, height: 595.276), "letter": Size(width: 612, height: 792),
        "tabloid": Size(width: 792, height: 1224),
        "berliner": Size(width: Length.millimetres(315), height: Length.millimetres(470)),
    ]

    static func length(_ value: TOMLValueConvertible) -> Double? {
        if let n = value.double ?? value.int.map(Double.init) { return n >= 0 ? n : nil }
        guard let text = value.string?.trimmingCharacters() else { return nil }
        let units: [(String, Double)] = [("mm", Length.pointsPerMillimetre), ("cm", 10 * Length.pointsPerMillimetre), ("in", 72), ("pt", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let n = Double(text.dropLast(suffix.count).trimmingCharacters()), n >= 0 else { return nil }
            return n * factor
        }
        return Double(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    static func pageSize(_ value: TOMLValueConvertible) -> Size? {
        if let name = value.string { return pageSizes[name.lowercased()] }
        guard let array = value.array, array.count == 2, let w = length(array[0]), let h = length(array[1]), w > 0, h > 0
        else { return nil }
        return Size(width: w, height: h)
    }

    static func margins(_ value: TOMLValueConvertible) -> Margins? {
        if let all = length(value) { return Margins(top: all, right: all, bottom: all, left: all) }
        guard let array = value.array else { return nil }
        let lengths = array.compactMap { length($0) }
        guard lengths.count == array.count else { return nil }
        switch lengths.count {
        case 2: return Margins(top: lengths[0], right: lengths[1], bottom: lengths[0], left: lengths[1])
        case 4: return Margins(top: lengths[0], right: lengths[1], bottom: lengths[2], left: lengths[3])
        default: return nil
        }
    }

    static func describe(_ m: Margins) -> String { "\(pt(m.top)) \(pt(m.right)) \(pt(m.bottom)) \(pt(m.left))" }
    static func describe(_ s: Size) -> String { "\(pt(s.width))×\(pt(s.height))" }
    static func pt(_ v: Double) -> String { "\((v * 10).rounded() / 10)pt" }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return String(s)
    }
}
extension Substring {
    fileprivate func trimmingCharacters() -> String { String(self).trimmingCharacters() }
}
