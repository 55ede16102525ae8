// Character classes the markup rules are written in.

extension Unicode.Scalar {
    var isCyrillicLetter: Bool { (0x0400...0x04FF).contains(value) && properties.isAlphabetic }
    var isCyrillicUpper: Bool { isCyrillicLetter && properties.isUppercase }
    var isCyrillicLower: Bool { isCyrillicLetter && properties.isLowercase }
    var isLatinLetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isLatinUpper: Bool { (0x41...0x5A).contains(value) }
    var isDigit: Bool { (0x30...0x39).contains(value) }
    /// A space inside a line: ASCII space, tab or no-break space.
    var isHorizontalSpace: Bool { self == " " || self == "\t" || self == "\u{00A0}" }
    /// A line end: LF, CR, U+2028 LINE SEPARATOR (U+2029 is a paragraph separator, apart).
    var isLineEnd: Bool { self == "\n" || self == "\r" || self == "\u{2028}" }
    var isWhitespaceLike: Bool { properties.isWhitespace }
}
