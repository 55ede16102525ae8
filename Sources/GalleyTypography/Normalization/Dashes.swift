// Dashes: a spaced hyphen between words is an em dash; number ranges take an en dash.

import GalleyCore

/// Sets dashes by custom.
///
/// - ` - `, ` – ` or ` — ` between words → a no-break space, `—`, a space: the dash never
///   starts a line (Russian custom; galley applies it to English too).
/// - A hyphen or dash opening a paragraph (dialogue) → `—` and a no-break space.
/// - A range of two numbers (`1941-1945`, `10–15`) → an en dash without spaces; a number
///   joined to a word (`2-й`), or a chain of several hyphens (`8-800-555`) stays as written.
/// - Hyphens inside words (`Ту-154`, `из-за`) are never touched.
enum Dashes {
    static func apply(_ t: inout MappedText, russian: Bool) {
        let protected = Protected.ranges(in: t)
        var s = t.scalars
        var offsets = t.offsets
        let dashes: Set<Unicode.Scalar> = ["-", "–", "—"]
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard dashes.contains(s[i]), !Protected.contains(protected, i) else { continue }
            let spacedBefore = i > 0 && s[i - 1] == " "
            let spacedAfter = i + 1 < s.count && s[i + 1] == " "
            if i == 0, spacedAfter {
                s[0] = "—"
                s[1] = "\u{00A0}"
            } else if spacedBefore && spacedAfter {
                s[i - 1] = "\u{00A0}"
                s[i] = "—"
            } else if s[i] != "—", isNumberRange(s, at: i) {
                s[i] = "–"
            }
        }
        _ = russian
        offsets = t.offsets
        t = MappedText(scalars: s, offsets: offsets, endOffset: t.endOffset)
    }

    /// Whether the hyphen at `i` joins two plain numbers, and is the only one between them.
    private static func isNumberRange(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, i + 1 < s.count, s[i - 1].properties.numericType != nil, s[i + 1].properties.numericType != nil
        else { return false }
        var lo = i - 1
        while lo > 0, s[lo - 1].properties.numericType != nil { lo -= 1 }
        var hi = i + 1
        while hi + 1 < s.count, s[hi + 1].properties.numericType != nil { hi += 1 }
        let before: Unicode.Scalar? = lo > 0 ? s[lo - 1] : nil
        let after: Unicode.Scalar? = hi + 1 < s.count ? s[hi + 1] : nil
        // Part of a longer chain (8-800-555) or glued to letters (2-й, А-1-Б): not a range.
        for neighbour in [before, after] {
            if let n = neighbour, n == "-" || n == "–" || n.properties.isAlphabetic { return false }
        }
        return true
    }
}
