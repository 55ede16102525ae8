// Character classes the normalization rules are written in.

import GalleyCore

extension Unicode.Scalar {
    /// U+0020 or U+00A0: what separates words once white space has been collapsed.
    var isSpaceOrNoBreakSpace: Bool { self == " " || self == "\u{00A0}" || self == "\u{202F}" }
    /// An ASCII digit: numbers in news text are written with these.
    /// (Names here are unusual on purpose: other files of this module extend `Unicode.Scalar` too.)
    var isNumeral: Bool { ("0"..."9").contains(self) }
    /// A letter of any script.
    var isWordLetter: Bool { ScalarClass.isLetter(self) }
    /// A letter of the basic Latin alphabet (what URLs and e-mail addresses are made of).
    var isBasicLatinLetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isCapitalLetter: Bool { ScalarClass.isCapital(self) }
    var isSmallLetter: Bool { ScalarClass.isSmall(self) }
    /// A hyphen or dash that the dash rule reads: `-`, U+2010, U+2012, `–`, `—`.
    var isDashLike: Bool {
        switch self {
        case "-", "\u{2010}", "\u{2012}", "–", "—": true
        default: false
        }
    }
}

extension Normalization {
    /// Punctuation that may open a word: brackets and opening quotes (before or after the
    /// quote rule).
    static let openingPunctuation: Set<Unicode.Scalar> = ["(", "[", "{", "«", "„", "“", "‘", "\"", "'"]

    /// Punctuation that may close a word: sentence punctuation, brackets, closing quotes, the
    /// footnote mark.
    static let closingPunctuation: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", "…", ")", "]", "}", "»", "“", "”", "’", "\"", "'", "*",
    ]
}
