// Footnote marks in the text (`государства*»`) and their notes at the end of the body.

import GalleyCore

/// Finds footnote references and the notes that end the body, and pairs them.
enum Footnotes {
    /// A mark glued to the end of a word: preceded by a non-space and not followed by a
    /// letter or digit (`a*b` is not a mark).
    struct Mark {
        var mark: String
        var range: Range<Int>
    }

    /// Marks (`*`, `**`, `***`) glued to the end of a word in `text`.
    static func references(in text: MappedText) -> [Mark] {
        let s = text.scalars
        var marks: [Mark] = []
        var i = 0
        while i < s.count {
            guard s[i] == "*" else {
                i += 1
                continue
            }
            var end = i
            while end < s.count, s[end] == "*" { end += 1 }
            let count = end - i
            let glued = i > 0 && !s[i - 1].isWhitespaceLike
            let followedByWord = end < s.count && (s[end].properties.isAlphabetic || s[end].isDigit)
            if glued, !followedByWord, count <= 3 {
                marks.append(Mark(mark: String(repeating: "*", count: count), range: i..<end))
            }
            i = end
        }
        return marks
    }

    /// Where notes start in `text`: a mark of one to three asterisks at the start or after
    /// white space, followed by a space and text.
    static func noteStarts(in text: MappedText) -> [Mark] {
        let s = text.scalars
        var starts: [Mark] = []
        var i = 0
        while i < s.count {
            guard s[i] == "*", i == 0 || s[i - 1].isWhitespaceLike else {
                i += 1
                continue
            }
            var end = i
            while end < s.count, s[end] == "*" { end += 1 }
            if end - i <= 3, end + 1 < s.count, s[end].isHorizontalSpace, !s[end + 1].isWhitespaceLike {
                starts.append(Mark(mark: String(repeating: "*", count: end - i), range: i..<end))
            }
            i = end
        }
        return starts
    }
}
