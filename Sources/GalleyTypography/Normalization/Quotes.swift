// Quotes: «ёлочки» outside and „лапки“ inside in Russian; “ ” and ‘ ’ in English.

import GalleyCore

/// Replaces quotation marks by the language's pair, nesting by depth.
///
/// `«`, `„` always open and `»` always closes; a straight `"` or a curly `“`/`”` opens after
/// the start of the text, a space, an opening bracket, a dash or another opening quote, and
/// closes otherwise. Depth 1 gets the outer pair, deeper levels the inner pair, so a «…»
/// inside «…» becomes „…“. An apostrophe between letters becomes ’.
enum Quotes {
    static func apply(_ t: inout MappedText, russian: Bool) {
        let protected = Protected.ranges(in: t)
        var s = t.scalars
        let outer: (Unicode.Scalar, Unicode.Scalar) = russian ? ("«", "»") : ("“", "”")
        let inner: (Unicode.Scalar, Unicode.Scalar) = russian ? ("„", "“") : ("‘", "’")
        let openers: Set<Unicode.Scalar> = ["(", "[", "{", "—", "–", "-", "«", "„", "“", "‘", "/"]
        var depth = 0
        for i in s.indices where !Protected.contains(protected, i) {
            let c = s[i]
            let previous: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if c == "'" || c == "’" {
                if let p = previous, let n = next, p.properties.isAlphabetic, n.properties.isAlphabetic {
                    s[i] = "’"
                } else if !russian {
                    let opens = previous == nil || previous!.properties.isWhitespace || openers.contains(previous!)
                    s[i] = opens ? "‘" : "’"
                }
                continue
            }
            guard c == "\"" || c == "«" || c == "»" || c == "„" || c == "“" || c == "”" else { continue }
            let opens: Bool
            switch c {
            case "«", "„": opens = true
            case "»": opens = false
            default:
                opens = previous == nil || previous!.properties.isWhitespace || openers.contains(previous!)
                    || (previous == "\"" && depth == 0)
            }
            if opens {
                depth += 1
                s[i] = depth == 1 ? outer.0 : inner.0
            } else {
                s[i] = depth <= 1 ? outer.1 : inner.1
                depth = max(0, depth - 1)
            }
        }
        t = MappedText(scalars: s, offsets: t.offsets, endOffset: t.endOffset)
    }
}
