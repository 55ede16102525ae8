// Footnote marks in the text (`государства*»`) and the notes that end the body (`* Организация…`).

import GalleyCore

/// Where marks and notes stand in a piece of text.
enum Footnotes {
    /// A run of one to three asterisks.
    struct Mark {
        var mark: String
        /// Scalar indices of the asterisks.
        var range: Range<Int>
        /// Glued to the end of a word (`государства*»`), not inside one (`a*b`).
        var endsWord: Bool
    }

    /// The longest mark: four asterisks or more are text (a separator line, a censored word).
    static let maximumMarkLength = 3

    /// Marks glued to the word before them: `word*`, `word**,`, and inside a word `a*b`.
    static func references(in text: MappedText, before limit: Int? = nil) -> [Mark] {
        let s = text.scalars
        let end = min(limit ?? s.count, s.count)
        var marks: [Mark] = []
        var i = 0
        while i < end {
            guard s[i] == "*" else {
                i += 1
                continue
            }
            let run = asteriskRun(s, from: i)
            if run - i <= maximumMarkLength, i > 0, !s[i - 1].isWhitespace, run <= end {
                let endsWord = run == s.count || !s[run].isLetterOrDigit
                marks.append(Mark(mark: String(repeating: "*", count: run - i), range: i..<run, endsWord: endsWord))
            }
            i = run
        }
        return marks
    }

    /// Where notes start in `text`: a mark at the start of the text or after a finished
    /// sentence (`… террористами. * Организация`), then a space and the note's text.
    ///
    /// Requiring the finished sentence keeps `5 * 3` and `звёзды * и` in the text.
    static func noteStarts(in text: MappedText) -> [Mark] {
        let s = text.scalars
        var starts: [Mark] = []
        var i = 0
        while i < s.count {
            guard s[i] == "*" else {
                i += 1
                continue
            }
            let run = asteriskRun(s, from: i)
            if run - i <= maximumMarkLength, followedByText(s, at: run), precededByBoundary(s, at: i) {
                starts.append(Mark(mark: String(repeating: "*", count: run - i), range: i..<run, endsWord: false))
            }
            i = run
        }
        return starts
    }

    /// The index past the run of asterisks that starts at `i`.
    private static func asteriskRun(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var end = i
        while end < s.count, s[end] == "*" { end += 1 }
        return end
    }

    /// A space, then something that is not white space.
    private static func followedByText(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i < s.count, s[i].isHorizontalSpace else { return false }
        var j = i
        while j < s.count, s[j].isHorizontalSpace { j += 1 }
        return j < s.count && !s[j].isWhitespace
    }

    /// Nothing but white space before `i`, or white space after a sentence's end.
    private static func precededByBoundary(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i - 1
        guard j < 0 || s[j].isWhitespace else { return false }
        while j >= 0, s[j].isWhitespace { j -= 1 }
        return j < 0 || sentenceEnd.contains(s[j])
    }

    private static let sentenceEnd: Set<Unicode.Scalar> = [".", "!", "?", "…", "»", "\"", "”", "“", ")"]
}
