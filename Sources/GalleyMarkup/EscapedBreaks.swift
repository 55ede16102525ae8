// Tells a stray Latin `n` (a `\n` that lost its backslash in a dump) from real text, and what it stood for.

import GalleyCore

/// What an escaped line break stood for, judged by the text around it.
///
/// In the archive's dumps of HTML, line breaks stood between paragraphs but also around
/// links and inline elements (`сообщаетnРИА «Новости»n.`): most stray `n` sit inside a
/// sentence. So (conventions.md, docs/markup.md):
/// - after a sentence's end, before what opens one, the `n` is a **paragraph** break;
/// - after a short line that reads as a subheading or dateline (`Нет слов`, `4 августа 2019
///   года`), before a capitalized common word, also a paragraph break;
/// - before punctuation (`»n.`, `сайтn, где`) it is **removed**;
/// - anywhere else inside a sentence it is a **space**.
enum EscapedBreak: Equatable {
    case paragraph
    case space
    case removed

    /// What the rest of the paragraph looks like to the classifier.
    struct Context {
        /// The paragraph so far, repaired (earlier `n` already spaces): for the short-line rule.
        var line: [Unicode.Scalar]
        /// Whether a paragraph break may be made (not in a headline or a footnote).
        var paragraphsAllowed: Bool
        var dictionary: SpellingDictionary
    }

    /// Whether `s[i]` starts an escape artefact (`n` or `nn`), what it stood for, and the
    /// index just after it; nil when it is real text.
    static func classify(_ s: [Unicode.Scalar], at i: Int, context: Context) -> (EscapedBreak, end: Int)? {
        guard s[i] == "n", i > 0 else { return nil }
        let previous = s[i - 1]
        if previous.isWhitespace { return nil }
        var end = i + 1
        if end < s.count, s[end] == "n" { end += 1 }
        let next: Unicode.Scalar? = end < s.count ? s[end] : nil
        // `nnn` and longer are not the artefact.
        if next == "n" { return nil }

        // After a Latin letter (or any letter but a Cyrillic one: `München`) or a digit the `n`
        // may be the word's own (`Putin`, `10n`).
        if previous.isNonCyrillicLetter {
            guard Glued.afterLatinWord(s, at: i, next: next, dictionary: context.dictionary) else { return nil }
        } else if previous.isDigit {
            guard let next, next.isCyrillicLetter || closesPhrase.contains(next) else { return nil }
        }
        guard let next else { return previous.isCyrillicLetter || previous.isLatinLetter ? (.removed, end) : nil }
        let kind = meaning(s, at: i, end: end, previous: previous, next: next, context: context)
        return kind.map { ($0, end) }
    }

    private static func meaning(
        _ s: [Unicode.Scalar], at i: Int, end: Int, previous: Unicode.Scalar, next: Unicode.Scalar, context: Context
    ) -> EscapedBreak? {
        let word = previous.isLetterOrDigit
        // Punctuation glued to the word before it: the break before it was an accident.
        if closesPhrase.contains(next), word || closing.contains(previous) || previous == "." { return .removed }

        let finished = Sentence.endsBefore(s, i)
        let opensSentence = next.isUppercaseLetter || next.isDigit || opensSpeech.contains(next)
        if finished, opensSentence, wordBefore(s, i) {
            return context.paragraphsAllowed ? .paragraph : .space
        }
        if finished, next.isLetter, wordBefore(s, i) { return .space }  // `т. д.nи другие`

        if word || closing.contains(previous) {
            if next.isUppercaseLetter {
                let heading = context.paragraphsAllowed
                    && (Subheading.ends(line: context.line, s, next: end, context.dictionary) || Dateline.starts(s, at: end))
                return heading ? .paragraph : .space
            }
            if next.isLetter || next.isDigit || opensPhrase.contains(next) { return .space }
            if next == "—" || next == "–" { return .space }
            return nil
        }
        if previous == "," || previous == ";" || previous == ":" {
            guard wordBefore(s, i) else { return nil }
            return next.isLetter || next.isDigit || opensPhrase.contains(next) ? .space : nil
        }
        // A dash or an opening bracket stands after a space: judged by what follows it
        // (`(столица —nRiga)`, `(nто есть`); a hyphen by the letters on both sides.
        if previous == "—" || previous == "–" { return next.isLetter || next.isDigit ? .space : nil }
        if opensBracket.contains(previous), next.isLetter { return .removed }
        if previous == "-", i >= 2, s[i - 2].isLetter, next.isLetter { return .removed }
        return nil
    }

    /// Whether a letter or digit stands just before `s[i]`, past at most three punctuation
    /// scalars (`».`, `“)`): the `n` closes text, it does not stand in a run of symbols.
    private static func wordBefore(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, j >= i - 4 {
            if s[j].isLetterOrDigit { return true }
            if s[j].isWhitespace { return false }
            j -= 1
        }
        return false
    }

    /// Punctuation that closes a quotation or an aside (`“` closes in „…“ style).
    static let closing: Set<Unicode.Scalar> = ["»", "\"", "”", "“", ")"]
    /// What a direct speech or quotation opening a sentence may start with.
    private static let opensSpeech: Set<Unicode.Scalar> = ["«", "„", "\"", "“", "—", "–"]
    /// What may follow a line break inside a sentence besides a letter or a digit.
    private static let opensPhrase: Set<Unicode.Scalar> = ["«", "„", "\"", "“", "(", "—", "–", "№"]
    private static let opensBracket: Set<Unicode.Scalar> = ["(", "«", "„"]
    /// Punctuation that is glued to the word before it.
    static let closesPhrase: Set<Unicode.Scalar> = [",", ".", ";", ":", ")", "!", "?", "»", "…"]
}

extension Unicode.Scalar {
    var isLetter: Bool { isCyrillicLetter || isLatinLetter }
    /// A letter of any script but Cyrillic: Latin with diacritics (`ü`, `ã`), Greek…
    var isNonCyrillicLetter: Bool { isLatinLetter || (ScalarClass.isLetter(self) && !isCyrillicLetter) }
    var isUppercaseLetter: Bool { isCyrillicUpper || isLatinUpper }
    var isLowercaseLetter: Bool { isCyrillicLower || (0x61...0x7A).contains(value) }
}
