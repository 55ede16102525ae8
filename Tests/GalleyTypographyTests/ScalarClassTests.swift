// The fast letter, digit and white-space tests answer as the Unicode properties do.

import GalleyCore
import Testing

@Suite("scalar classes")
struct ScalarClassTests {
    /// Every scalar of the Basic Multilingual Plane and the first supplementary plane.
    static let scalars: [Unicode.Scalar] = (0..<0x20000).compactMap { Unicode.Scalar(UInt32($0)) }

    @Test("letters, capitals and small letters agree with Unicode.Scalar.Properties for every scalar")
    func letters() {
        var mismatches: [String] = []
        for s in Self.scalars {
            let p = s.properties
            if ScalarClass.isLetter(s) != p.isAlphabetic { mismatches.append("isLetter U+\(String(s.value, radix: 16))") }
            if ScalarClass.isCapital(s) != (p.isAlphabetic && p.isUppercase) { mismatches.append("isCapital U+\(String(s.value, radix: 16))") }
            if ScalarClass.isSmall(s) != (p.isAlphabetic && p.isLowercase) { mismatches.append("isSmall U+\(String(s.value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("digits, white space and lower case agree with Unicode.Scalar.Properties for every scalar")
    func digitsSpacesLowercase() {
        var mismatches: [String] = []
        for s in Self.scalars {
            let p = s.properties
            if ScalarClass.isNumeric(s) != (p.numericType != nil) { mismatches.append("isNumeric U+\(String(s.value, radix: 16))") }
            if ScalarClass.isWhitespace(s) != p.isWhitespace { mismatches.append("isWhitespace U+\(String(s.value, radix: 16))") }
            if p.isAlphabetic, ScalarClass.lowercase(s) != (p.lowercaseMapping.unicodeScalars.first ?? s) {
                mismatches.append("lowercase U+\(String(s.value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("String(scalars:) gives the string of the scalars, for every length of UTF-8 sequence")
    func stringOfScalars() {
        let text = "a ё € 𝄞 «Москва» \u{0301}\u{00A0}x"
        #expect(String(scalars: Array(text.unicodeScalars)) == text)
        #expect(String(scalars: Array(text.unicodeScalars)[2..<5]) == "ё €")
        #expect(String(scalars: [Unicode.Scalar]()) == "")
    }
}
