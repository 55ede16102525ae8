// Finds where the headline ends: U+2028/U+2029, a line end, or three or more spaces.

import GalleyCore

/// Splits an article into headline and body.
enum HeadlineSplitter {
    /// Longest text (in scalars) taken as a headline when no separator exists: about two
    /// lines of a display headline; anything longer is an article that lost its separator.
    static let maximumUnseparatedHeadline = 250
    /// A run of this many spaces ends the headline (the archive's dumps use three or four;
    /// two are a lost paragraph break inside the body).
    static let separatingSpaces = 3

    struct Split {
        var headline: MappedText?
        var body: MappedText
        /// Whether the separator held a blank line (`Headline\n\nBody`): the body is then
        /// written in blank-line paragraphs, as `galley normalize` prints it, and is not an
        /// archive dump that lost its breaks.
        var bodyFollowsBlankLine = false
        var diagnostics: [Diagnostic] = []
    }

    static func split(_ text: MappedText) -> Split {
        let s = text.scalars
        var i = 0
        while i < s.count, s[i].isHorizontalSpace { i += 1 }
        let start = i
        guard start < s.count else { return Split(headline: nil, body: MappedText()) }
        while i < s.count {
            let c = s[i]
            if c.isLineEnd || c.isParagraphSeparator {
                let (end, lineEnds) = skipSeparator(s, from: i)
                let headline = text[start..<i].trimmingWhitespace()
                let body = text[end..<s.count]
                guard !headline.isEmpty else { return headlineless(body: body, text: text, at: start) }
                return Split(headline: headline, body: body, bodyFollowsBlankLine: lineEnds >= 2)
            }
            if c.isHorizontalSpace {
                var end = i
                while end < s.count, s[end].isHorizontalSpace { end += 1 }
                if end - i >= separatingSpaces {
                    return Split(headline: text[start..<i].trimmingWhitespace(), body: text[end..<s.count])
                }
                i = end
                continue
            }
            i += 1
        }
        // No separator: a short text is a headline alone; a long one is a body without one.
        let rest = text[start..<s.count]
        if rest.count <= maximumUnseparatedHeadline && !DirectiveScanner.containsDirective(rest) {
            return Split(headline: rest.trimmingWhitespace(), body: MappedText())
        }
        let warning = Diagnostic.warning(
            "no-headline",
            "no headline separator found (a line end, U+2028, or three spaces after the headline); the whole text is set as body",
            at: text.span(of: start..<start))
        return Split(headline: nil, body: rest, diagnostics: [warning])
    }

    /// The first line is empty: the article has no headline, and all of it is body.
    private static func headlineless(body: MappedText, text: MappedText, at start: Int) -> Split {
        guard !body.trimmingWhitespace().isEmpty else { return Split(headline: nil, body: MappedText()) }
        let warning = Diagnostic.warning(
            "no-headline",
            "the first line is empty, so the article has no headline; write the headline on the first line",
            at: text.span(of: start..<start))
        return Split(headline: nil, body: body, bodyFollowsBlankLine: true, diagnostics: [warning])
    }

    /// The index after a line-end separator and the spaces and blank lines that follow it,
    /// and how many line ends it held (CRLF counts once).
    private static func skipSeparator(_ s: [Unicode.Scalar], from start: Int) -> (end: Int, lineEnds: Int) {
        var i = start
        var lineEnds = 0
        while i < s.count, s[i].isLineEnd || s[i].isParagraphSeparator || s[i].isHorizontalSpace {
            if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
            if !s[i].isHorizontalSpace { lineEnds += 1 }
            i += 1
        }
        return (i, lineEnds)
    }
}
