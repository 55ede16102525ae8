// The body's paragraphs as written: blank lines, single lines, U+2029.

import GalleyCore

/// Splits a body into the paragraphs its line structure gives.
enum BodyLines {
    /// If the body has blank lines, they separate paragraphs and single line ends are soft
    /// (they become one space); otherwise every line is a paragraph. U+2029 always separates.
    /// `isSingleLine` tells whether the whole body was one line (where lost breaks are looked for).
    static func paragraphs(of body: MappedText) -> (paragraphs: [MappedText], isSingleLine: Bool) {
        let s = body.scalars
        // Lines, as scalar ranges; U+2029 marks a paragraph break, recorded as a blank line.
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.isLineEnd || c == "\u{2029}" {
                lines.append(start..<i)
                if c == "\u{2029}" { lines.append(i..<i) }
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(start..<s.count)
        func isBlank(_ r: Range<Int>) -> Bool { s[r].allSatisfy { $0.isWhitespaceLike } }
        let content = lines.filter { !isBlank($0) }
        let hasBlankLines: Bool = {
            guard let first = lines.firstIndex(where: { !isBlank($0) }),
                let last = lines.lastIndex(where: { !isBlank($0) })
            else { return false }
            return lines[first...last].contains(where: isBlank)
        }()
        if !hasBlankLines {
            return (content.map { body[$0] }, content.count <= 1)
        }
        var paragraphs: [MappedText] = []
        var current: MappedText?
        for line in lines {
            if isBlank(line) {
                if let p = current { paragraphs.append(p) }
                current = nil
            } else if var p = current {
                // A soft line end: one space, mapped to the line end it replaces.
                p.append(" ", offset: line.lowerBound > 0 ? body.offsets[line.lowerBound] - 1 : 0)
                p.append(contentsOf: body[line])
                current = p
            } else {
                current = body[line]
            }
        }
        if let p = current { paragraphs.append(p) }
        return (paragraphs, false)
    }
}
