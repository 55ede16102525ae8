// Character classes the markup rules are written in.

import GalleyCore

extension Unicode.Scalar {
    /// A letter of the Cyrillic block (U+0400–U+04FF), Russian and the other Cyrillic languages.
    var isCyrillicLetter: Bool { (0x0400...0x04FF).contains(value) && ScalarClass.isLetter(self) }
    var isCyrillicUpper: Bool { isCyrillicLetter && ScalarClass.isCapital(self) }
    var isCyrillicLower: Bool { isCyrillicLetter && ScalarClass.isSmall(self) }
    /// An ASCII letter: only these can be a Latin `n`'s real neighbours in a word.
    var isLatinLetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isLatinUpper: Bool { (0x41...0x5A).contains(value) }
    var isDigit: Bool { (0x30...0x39).contains(value) }
    var isLetterOrDigit: Bool { ScalarClass.isLetter(self) || ScalarClass.isNumeric(self) }
    /// A space inside a line: ASCII space, tab or no-break space.
    var isHorizontalSpace: Bool { self == " " || self == "\t" || self == "\u{00A0}" }
    /// A line end inside the body: LF, CR, U+2028 LINE SEPARATOR (U+2029 is a paragraph
    /// separator and handled apart).
    var isLineEnd: Bool { self == "\n" || self == "\r" || self == "\u{2028}" }
    var isParagraphSeparator: Bool { self == "\u{2029}" }
    var isWhitespace: Bool { ScalarClass.isWhitespace(self) }
}
