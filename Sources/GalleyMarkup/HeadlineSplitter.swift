// Finds where the headline ends: U+2028/U+2029, a line end, or three or more spaces.

import GalleyCore

/// Splits an article into headline and body.
enum HeadlineSplitter {
    /// Longest text (in scalars) taken as a headline when no separator exists.
    static let maximumUnseparatedHeadline = 250

    struct Split {
        var headline: MappedText?
        var body: MappedText
        var diagnostics: [Diagnostic] = []
    }

    static func split(_ text: MappedText) -> Split {
        let s = text.scalars
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.isLineEnd || c == "\u{2029}" {
                return Split(headline: text[0..<i].trimmingWhitespace(), body: text[skipSeparator(s, from: i)..<s.count])
            }
            if c.isHorizontalSpace {
                var end = i
                while end < s.count, s[end].isHorizontalSpace { end += 1 }
                if end - i >= 3 {
                    return Split(headline: text[0..<i].trimmingWhitespace(), body: text[end..<s.count])
                }
                i = end
                continue
            }
            i += 1
        }
        // No separator: a short text is a headline alone; a long one is a body without one.
        let hasDirective = text.string.contains("#{") || text.string.contains("#<")
        if s.count <= maximumUnseparatedHeadline && !hasDirective {
            return Split(headline: text.trimmingWhitespace(), body: MappedText())
        }
        let warning = Diagnostic.warning(
            "no-headline",
            "no headline separator (a line end, U+2028 or three spaces) found; the whole text is set as body",
            at: SourceSpan(start: text.offsets.first ?? 0, end: text.offsets.first ?? 0))
        return Split(headline: nil, body: text, diagnostics: [warning])
    }

    /// The index after a line-end separator and the spaces and blank lines that follow it.
    private static func skipSeparator(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count, s[i].isLineEnd || s[i] == "\u{2029}" || s[i].isHorizontalSpace { i += 1 }
        return i
    }
}
