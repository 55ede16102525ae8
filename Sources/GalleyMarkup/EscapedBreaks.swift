// Tells a stray Latin `n` (a `\n` that lost its backslash in a dump) from real text.

/// What an escaped line break stood for, judged by the scalars around it.
enum EscapedBreak: Equatable {
    /// A lost paragraph break: the `n` ends the paragraph.
    case paragraph
    /// A line break inside a paragraph: the `n` becomes one space.
    case space
    /// A break before punctuation (`сервисn, где`): the `n` goes, nothing replaces it.
    case removed

    /// Whether `s[i]` starts an escape artefact (`n` or `nn`), what it stood for, and the
    /// index just after it; nil when it is real text.
    ///
    /// A Latin `n` is never part of a Russian word, so an `n` glued between a Cyrillic letter
    /// (or punctuation closing Cyrillic text) and what follows is a lost `\n`. Next to a Latin
    /// letter or a digit it may be real (`Putin`, `PM2.5n`): never touched. The rules are the
    /// ones in docs/markup.md, checked against every case in the archive's sample corpus.
    static func classify(_ s: [Unicode.Scalar], at i: Int) -> (EscapedBreak, end: Int)? {
        guard s[i] == "n", i > 0 else { return nil }
        let previous = s[i - 1]
        if previous.isLatinLetter || previous.isDigit || previous.isWhitespace { return nil }
        var end = i + 1
        if end < s.count, s[end] == "n" { end += 1 }
        guard end < s.count else { return nil }
        let next = s[end]
        // `nnn` and longer are not the artefact.
        if next == "n" { return nil }

        // A new sentence after a finished one: a paragraph break.
        let startsSentence = next.isCyrillicUpper || opensSentence.contains(next)
        if startsSentence && (endsSentence.contains(previous) || (closing.contains(previous) && previous != ")")) {
            return (.paragraph, end)
        }
        if previous.isCyrillicLower && next.isCyrillicUpper { return (.paragraph, end) }
        if endsSentence.contains(previous), previous != ":", next.isDigit, cyrillicBefore(s, i) {
            return (.paragraph, end)
        }

        if previous.isCyrillicLetter {
            if next.isCyrillicLetter || next.isLatinUpper || next.isDigit || opensPhrase.contains(next) {
                return (.space, end)
            }
            if closesPhrase.contains(next) { return (.removed, end) }
            return nil
        }
        // A dash or an opening bracket stands after a space: judged by what follows it
        // (`(столица —nRiga)`, `(nто есть`); a hyphen by the letters on both sides.
        if previous == "—" || previous == "–" {
            if next.isCyrillicLetter || next.isLatinUpper || next.isDigit { return (.space, end) }
            return nil
        }
        if (previous == "(" || previous == "«" || previous == "„") && next.isCyrillicLetter {
            return (.removed, end)
        }
        if previous == "-", i >= 2, s[i - 2].isCyrillicLetter, next.isCyrillicLetter {
            return (.removed, end)
        }
        // Punctuation closing Cyrillic text: `тысяч,nначались`, `„Медузы“n)`, `»nи`.
        guard cyrillicBefore(s, i) else { return nil }
        if previous == "," || previous == ";" {
            if next.isCyrillicLetter || next.isDigit || opensPhrase.contains(next) { return (.space, end) }
            return nil
        }
        if closing.contains(previous) {
            if closesPhrase.contains(next) { return (.removed, end) }
            if next.isCyrillicLetter { return (.space, end) }
        }
        return nil
    }

    /// Whether the letters just before `s[i]` are Cyrillic: the previous scalar is a Cyrillic
    /// letter, or a few punctuation scalars (`».`, `“)`) stand between `s[i]` and one.
    private static func cyrillicBefore(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i - 1
        // Up to three punctuation scalars: the longest run seen after a word (`»).`).
        while j >= 0, j >= i - 4 {
            let c = s[j]
            if c.isCyrillicLetter { return true }
            if c.isLetterOrDigit || c.isWhitespace { return false }
            j -= 1
        }
        return false
    }

    /// Punctuation that finishes a sentence.
    private static let endsSentence: Set<Unicode.Scalar> = [".", "!", "?", "…", ":"]
    /// Punctuation that closes a quotation or an aside (`“` closes in „…“ style).
    private static let closing: Set<Unicode.Scalar> = ["»", "\"", "”", "“", ")"]
    /// What a new sentence or a direct speech may start with besides a capital.
    private static let opensSentence: Set<Unicode.Scalar> = ["«", "„", "\"", "“", "—", "–"]
    /// What may follow a line break inside a sentence besides a letter or a digit.
    private static let opensPhrase: Set<Unicode.Scalar> = ["«", "„", "\"", "“", "(", "—", "–", "№"]
    /// Punctuation that is glued to the word before it, so the break before it was an accident.
    private static let closesPhrase: Set<Unicode.Scalar> = [",", ".", ";", ":", ")", "!", "?", "»", "…"]
}
