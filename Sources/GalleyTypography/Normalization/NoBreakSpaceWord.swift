// A word as the no-break space rule reads it: its punctuation, core letters, and what kind of word it is.

extension Normalization.NoBreakSpaces {
    /// A word with its punctuation, as it stands between two spaces.
    struct Word {
        let range: Range<Int>
        /// The word's scalars, a slice of the draft's (indices are the draft's): no copy
        /// per word.
        let scalars: ArraySlice<Unicode.Scalar>
        /// The draft indices of `bare` and `core`: kept as indices, so that copying a word
        /// (four are copied for every space) retains one buffer, not three.
        private let bareRange: Range<Int>
        private let coreRange: Range<Int>
        let isProtected: Bool

        /// Without the opening punctuation before it.
        var bare: ArraySlice<Unicode.Scalar> { scalars[bareRange] }
        /// Without the opening punctuation before it and the closing punctuation after it.
        var core: ArraySlice<Unicode.Scalar> { scalars[coreRange] }

        init(_ draft: Normalization.Draft, _ range: Range<Int>) {
            self.range = range
            scalars = draft.scalars[range]
            isProtected = draft.touchesProtected(range)
            var lo = range.lowerBound
            while lo < range.upperBound, Normalization.openingPunctuation.contains(scalars[lo]) { lo += 1 }
            var hi = range.upperBound
            while hi > lo, Normalization.closingPunctuation.contains(scalars[hi - 1]) { hi -= 1 }
            bareRange = lo..<range.upperBound
            coreRange = lo..<hi
        }

        var hasLeadingPunctuation: Bool { bareRange.count < range.count }
        var hasTrailingPunctuation: Bool { coreRange.count < bareRange.count }
        var bareString: String { String(scalars: bare) }
        var coreString: String { String(scalars: core) }

        /// The second halves this word takes when it is the first half of a two-part
        /// abbreviation (`т.` → е, д, п…), nil for any other word (which the length and
        /// the last scalar rule out before a string is made).
        var pairedAbbreviationSeconds: Set<String>? {
            guard bare.count <= Normalization.NoBreakSpaces.longestPairedAbbreviation, let last = bare.last,
                Normalization.NoBreakSpaces.pairedAbbreviationEndings.contains(last)
            else { return nil }
            return Normalization.NoBreakSpaces.pairedAbbreviations[bareString]
        }

        /// Whether a word or number starts here (not a dash or other punctuation).
        var opensWord: Bool {
            guard let first = core.first else { return false }
            return first.isWordLetter || first.isNumeral || first == "№" || first == "§"
        }

        /// `С.`, `Дж.`: a capital (and at most one small letter), then a period.
        var isInitial: Bool {
            guard let first = core.first, first.isCapitalLetter, core.count <= 2,
                core.count == 1 || core.last!.isSmallLetter, bare.count == core.count + 1
            else { return false }
            return bare.last == "."
        }

        /// `Лавров`, `Римский-Корсаков`: a capital, then small letters (and hyphens).
        var isCapitalizedWord: Bool {
            guard let first = core.first, first.isCapitalLetter, core.count > 1 else { return false }
            return core.dropFirst().allSatisfy { $0.isSmallLetter || $0 == "-" }
        }

        /// A number as news text writes it: an optional sign, digits with `.`, `,` or `:`
        /// between them, an optional range (`1941–1945`), an optional ordinal ending of up
        /// to three letters (`2-й`, `90-х`), an optional `%`, `‰` or `°`.
        var isNumber: Bool {
            var i = core.startIndex
            let end = core.endIndex
            func digits() -> Bool {
                let start = i
                while i < end {
                    if core[i].isNumeral {
                        i += 1
                    } else if core[i] == "." || core[i] == "," || core[i] == ":", i + 1 < end, core[i + 1].isNumeral,
                        i > start
                    {
                        i += 1
                    } else {
                        break
                    }
                }
                return i > start
            }
            if i < end, Self.signs.contains(core[i]) { i += 1 }
            guard digits() else { return false }
            if i + 1 < end, core[i] == "–", core[i + 1].isNumeral {
                i += 1
                _ = digits()
            }
            if i + 1 < end, core[i] == "-", core[i + 1].isWordLetter {
                var letters = 0
                i += 1
                while i < end, core[i].isWordLetter, letters < 3 {
                    i += 1
                    letters += 1
                }
            }
            if i < end, Self.percentSigns.contains(core[i]) { i += 1 }
            return i == end
        }

        private static let signs: Set<Unicode.Scalar> = ["-", "+", "−", "±", "~", "≈"]
        private static let percentSigns: Set<Unicode.Scalar> = ["%", "‰", "°"]
    }
}
