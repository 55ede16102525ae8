// Letter, digit and white-space tests with fast paths for the scripts news archives are written in.

/// Whether a scalar is a letter, a capital, a small letter, a digit or white space, as `Unicode.Scalar.Properties`
/// says, answered without the property tables for ASCII and Russian Cyrillic.
///
/// The standard library looks every property up by a binary search in its tables; the text
/// stages ask these questions of every scalar of every article (language detection,
/// normalization, hyphenation), which made the lookups the largest single cost of a batch.
/// Outside the fast ranges the answer is the property's own.
public enum ScalarClass {
    /// A letter of any script (`Unicode.Scalar.Properties.isAlphabetic`).
    @inline(__always)
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
        if v >= 0x410 && v <= 0x44F || v == 0x401 || v == 0x451 { return true }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        return s.properties.isAlphabetic
    }

    /// A capital letter (alphabetic and uppercase).
    @inline(__always)
    public static func isCapital(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v &- 0x41 < 26 }
        if v >= 0x410 && v <= 0x42F || v == 0x401 { return true }
        if v >= 0x430 && v <= 0x44F || v == 0x451 || v < 0xC0 { return false }
        return s.properties.isAlphabetic && s.properties.isUppercase
    }

    /// A small letter (alphabetic and lowercase).
    @inline(__always)
    public static func isSmall(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v &- 0x61 < 26 }
        if v >= 0x430 && v <= 0x44F || v == 0x451 { return true }
        if v >= 0x410 && v <= 0x42F || v == 0x401 { return false }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        return s.properties.isAlphabetic && s.properties.isLowercase
    }

    /// A decimal digit of any script (`numericType` is not nil for more than digits: `½`, `Ⅻ`
    /// too, which is what callers that ask it want).
    @inline(__always)
    public static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v &- 0x30 < 10 }
        if v >= 0x400 && v <= 0x52F { return false }
        return s.properties.numericType != nil
    }

    /// The lowercase form of a letter (its first scalar, for the rare letters that lower
    /// to several).
    @inline(__always)
    public static func lowercase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return v &- 0x41 < 26 ? Unicode.Scalar(v + 0x20)! : s }
        if v >= 0x410 && v <= 0x42F { return Unicode.Scalar(v + 0x20)! }
        if v == 0x401 { return "\u{0451}" }
        if v >= 0x430 && v <= 0x44F || v == 0x451 { return s }
        return s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }

    /// White space (`Unicode.Scalar.Properties.isWhitespace`).
    @inline(__always)
    public static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v &- 0x09 < 5 }
        if v == 0x85 || v == 0xA0 { return true }
        if v < 0x1680 { return false }
        return s.properties.isWhitespace
    }
}

extension String {
    /// The string of `scalars`, encoded to UTF-8 in one pass.
    ///
    /// `String(String.UnicodeScalarView(scalars))` appends scalar by scalar, growing and
    /// checking the string each time; the text stages turn arrays of scalars back into
    /// strings for every word and paragraph, so that cost showed in every profile.
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var capacity = 0
        for scalar in scalars { capacity += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var i = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
