// The body's paragraphs as written: blank lines, single lines, U+2029.

import GalleyCore

/// Splits a body into the paragraphs its line structure gives.
enum BodyLines {
    struct Result {
        var paragraphs: [MappedText]
        /// Whether the whole body was one line, the only place lost breaks are looked for.
        var isSingleLine: Bool
    }

    /// One line of the body: its scalars, and what ends it.
    private struct Line {
        var range: Range<Int>
        /// Index of the line end that closes it; nil for the last line.
        var terminator: Int?
        /// Whether it ends with U+2029, a paragraph break in every mode.
        var endsParagraph: Bool
    }

    /// If the body has blank lines, they separate paragraphs and single line ends are soft
    /// (they become one space); otherwise every line is a paragraph. U+2029 always separates.
    static func paragraphs(of body: MappedText) -> Result {
        let s = body.scalars
        var lines: [Line] = []
        var start = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.isLineEnd || c.isParagraphSeparator {
                lines.append(Line(range: start..<i, terminator: i, endsParagraph: c.isParagraphSeparator))
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(Line(range: start..<s.count, terminator: nil, endsParagraph: false))

        let blank = lines.map { line in s[line.range].allSatisfy(\.isWhitespace) }
        let content = lines.indices.filter { !blank[$0] }
        let hasBlankLines: Bool = {
            guard let first = content.first, let last = content.last else { return false }
            return blank[first...last].contains(true)
        }()
        if !hasBlankLines {
            let isSingleLine = content.count <= 1
            return Result(paragraphs: content.map { body[lines[$0].range] }, isSingleLine: isSingleLine)
        }

        var paragraphs: [MappedText] = []
        var current: MappedText?
        for (index, line) in lines.enumerated() {
            if blank[index] {
                if let p = current { paragraphs.append(p) }
                current = nil
                continue
            }
            if var p = current {
                // A soft line end: one space, mapped to the line end it replaces.
                p.append(" ", offset: body.offsets[lines[index - 1].terminator ?? line.range.lowerBound])
                p.append(contentsOf: body[line.range])
                current = p
            } else {
                current = body[line.range]
            }
            if line.endsParagraph, let p = current {
                paragraphs.append(p)
                current = nil
            }
        }
        if let p = current { paragraphs.append(p) }
        return Result(paragraphs: paragraphs, isSingleLine: false)
    }
}
