// No-break spaces: short words, particles, initials, numbers, abbreviations, №.

import GalleyCore

/// Turns the spaces that custom forbids breaking at into U+00A0.
///
/// Russian: after one- and two-letter words (в, к, с, и, на, по, за, из, от, до, не…);
/// before the particles ли, ль, же, ж, бы, б; after an initial (`С. Лавров`, `Д. А. Медведев`);
/// after a number (`26 пусков`, `5 и 6 октября`, `1941 г.`); after `№` and `§`; inside
/// `т. е.`, `т. д.`, `т. п.`. English: after one-letter words and a short list (a, an, I, of,
/// to, in, on, at, by, or, no), after a number, after `No.`.
enum NoBreakSpaces {
    static let particles: Set<String> = ["ли", "ль", "же", "ж", "бы", "б"]
    static let englishShortWords: Set<String> = ["a", "an", "i", "of", "to", "in", "on", "at", "by", "or", "no", "the"]

    static func apply(_ t: inout MappedText, russian: Bool) {
        let protected = Protected.ranges(in: t)
        var s = t.scalars
        for i in s.indices where s[i] == " " && !Protected.contains(protected, i) {
            let before = word(endingAt: i, in: s)
            let after = word(startingAt: i + 1, in: s)
            guard !before.isEmpty, !after.isEmpty else { continue }
            if shouldGlue(before: before, after: after, russian: russian) { s[i] = "\u{00A0}" }
        }
        t = MappedText(scalars: s, offsets: t.offsets, endOffset: t.endOffset)
    }

    static func shouldGlue(before: String, after: String, russian: Bool) -> Bool {
        let bare = before.trimmingOpeningPunctuation()
        let letters = bare.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isWord = !letters.isEmpty && letters.count == bare.unicodeScalars.count
        // Numbers: `26 пусков`, `1,2 млрд`, `5 и 6`.
        if let first = bare.unicodeScalars.first, first.properties.numericType != nil,
            bare.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "," || $0 == "." })
        {
            return true
        }
        if bare == "№" || bare == "§" { return true }
        if russian {
            if isWord && letters.count <= 2 { return true }
            // Initials: one capital and a period (`С.`), glued to what follows.
            if bare.unicodeScalars.count == 2, bare.unicodeScalars.first!.properties.isUppercase, bare.hasSuffix(".") {
                return true
            }
            if bare == "т." && ["е.", "д.", "п."].contains(where: { after.hasPrefix($0) }) { return true }
            let next = after.trimmingClosingPunctuation().lowercased()
            if particles.contains(next) { return true }
            return false
        }
        if isWord && (letters.count == 1 || englishShortWords.contains(bare.lowercased())) { return true }
        if bare == "No." { return true }
        return false
    }

    private static func word(endingAt i: Int, in s: [Unicode.Scalar]) -> String {
        var lo = i
        while lo > 0, s[lo - 1] != " ", s[lo - 1] != "\u{00A0}" { lo -= 1 }
        return String(String.UnicodeScalarView(s[lo..<i]))
    }

    private static func word(startingAt i: Int, in s: [Unicode.Scalar]) -> String {
        var hi = i
        while hi < s.count, s[hi] != " ", s[hi] != "\u{00A0}" { hi += 1 }
        return String(String.UnicodeScalarView(s[i..<hi]))
    }
}

extension String {
    fileprivate func trimmingOpeningPunctuation() -> String {
        String(unicodeScalars.drop { ["«", "„", "“", "\"", "(", "["].contains($0) })
    }
    fileprivate func trimmingClosingPunctuation() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, [",", ".", "!", "?", ";", ":", "»", "“", "”", ")", "…"].contains(last) {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
