// No-break spaces: short words, particles, initials, numbers, abbreviations, №.

import GalleyCore

extension Normalization {
    /// Turns into U+00A0 the word spaces a line must not break at. Each rule names the word
    /// before and after the space; a space touching a protected span (URL, e-mail address,
    /// directive) is never changed.
    ///
    /// Both languages:
    /// - **Numbers** glue to the word or unit after them (`26 пусков`, `5 и 6 октября`,
    ///   `10 км`, `5 млн`, `1941 г.`, `1941–1945 годах`, `2-й этап`, `12 minutes`, `5 %`),
    ///   and digit groups to each other (`5 000 000`, with U+00A0: PT Serif has no U+202F).
    ///   A number followed by punctuation (`в 2015, когда`) ends its phrase and does not.
    /// - **`№`, `§`** (and English `No.`) glue to the number after them (`№ 5`).
    /// - **Initials** glue to each other and to the surname (`С. Лавров`, `Д. А. Медведев`,
    ///   `Дж. Керри`, `J. K. Rowling`), and a surname to two initials after it (`Лавров С. В.`).
    ///
    /// Russian (Мильчин, «Справочник издателя и автора», 2003):
    /// - **One- and two-letter words** (в, к, с, у, о, и, а, я, на, по, за, из, от, до, не, но,
    ///   же…) glue to the word after them, unless punctuation follows them or they are an
    ///   acronym in two capitals (`ИГ`).
    /// - **Particles** ли, ль, же, ж, бы, б glue to the word before them.
    /// - **Two-part abbreviations** `т. е.`, `т. д.`, `т. п.`, `т. к.`, `т. н.`, `н. э.` keep
    ///   their halves together (`и т. д.`: `и` is a short word).
    /// - **Abbreviations** such as `г.`, `ул.`, `ст.`, `см.`, `рис.` glue to the word or number
    ///   after them, except after a number (`1941 г.` ends the phrase).
    /// - **`ФЗ`, `ФКЗ`** glue to the quoted title of the law after them.
    ///
    /// English (no standard as strict; a conservative reading of the usual house styles):
    /// - every one-letter word (a, I) and a short list (an, the, to, of, in, on, at, by, or,
    ///   no, if, as) glue to the word after them; titles and references (`Mr.`, `Dr.`, `p.`)
    ///   glue to what follows.
    enum NoBreakSpaces {
        static func apply(to draft: inout Draft, custom: Custom, rules: TypographyRules = .all) {
            var words: [Word] = []
            var start = 0
            while start < draft.count {
                var end = start
                while end < draft.count, !draft.scalars[end].isSpaceOrNoBreakSpace { end += 1 }
                if end > start { words.append(Word(draft, start..<end)) }
                start = end + 1
            }
            guard words.count > 1 else { return }
            var edits: [Edit] = []
            for k in 0..<(words.count - 1) {
                let before = words[k]
                let after = words[k + 1]
                let gap = before.range.upperBound..<after.range.lowerBound
                guard gap.count == 1, draft.scalars[gap.lowerBound] == " ", !draft.isProtected[gap.lowerBound],
                    !before.isProtected, !after.isProtected
                else { continue }
                let context = Context(
                    twoBefore: k > 0 ? words[k - 1] : nil, before: before, after: after,
                    twoAfter: k + 2 < words.count ? words[k + 2] : nil, rules: rules)
                if let space = context.space(custom: custom) { edits.append(Edit(at: gap.lowerBound, space)) }
            }
            draft.apply(edits)
        }

        /// The words on both sides of a space, and one more on each side.
        struct Context {
            var twoBefore: Word?
            var before: Word
            var after: Word
            var twoAfter: Word?
            var rules: TypographyRules = .all

            /// The space to set between `before` and `after`: U+202F between digit groups in
            /// Russian, U+00A0 where a rule glues the words, nil where none does.
            func space(custom: Custom) -> Unicode.Scalar? {
                if rules.contains(.numbers), gluesDigitGroup { return custom == .russian ? "\u{202F}" : "\u{00A0}" }
                return isGlued(custom: custom) ? "\u{00A0}" : nil
            }

            func isGlued(custom: Custom) -> Bool {
                if rules.contains(.numbers), gluesNumber || gluesNumberSign { return true }
                if rules.contains(.initials), gluesInitials { return true }
                if rules.contains(.lastWord), gluesLastWord { return true }
                switch custom {
                case .russian:
                    return rules.contains(.shortWords) && gluesRussianShortWord
                        || rules.contains(.particles) && gluesParticle
                        || rules.contains(.abbreviations)
                            && (gluesPairedAbbreviation || gluesAbbreviation(NoBreakSpaces.russianAbbreviations)
                                || gluesLaw || gluesAddressWord)
                case .english:
                    return rules.contains(.shortWords) && gluesEnglishShortWord
                        || rules.contains(.abbreviations) && gluesAbbreviation(NoBreakSpaces.englishAbbreviations)
                }
            }

            /// A short last word of a sentence (at most three letters, or a number of at most
            /// three digits) leans on the word before it: `дряхлая~моя!`, `получил~5.`, `or~PLD.`
            /// A period ends the sentence only before a capital or at the text's end
            /// (`или илл. 3` is an abbreviation).
            var gluesLastWord: Bool {
                guard !before.hasTrailingPunctuation, let last = before.core.last, last.isWordLetter || last.isNumeral,
                    !after.hasLeadingPunctuation || after.scalars.first == "(" || after.scalars.first == "«"
                else { return false }
                let core = after.core
                let isShortWord = (1...3).contains(core.count) && core.allSatisfy(\.isWordLetter)
                var digits = core
                while let end = digits.last, end == "+" || end == "-" || end == "%" { digits = digits.dropLast() }
                let isShortNumber = (1...3).contains(digits.count) && digits.allSatisfy(\.isNumeral)
                // An initial (`И.` of `И. П. Соколов`) is no last word.
                guard isShortWord || isShortNumber, !after.isInitial else { return false }
                // `Дом им. Пушкина`: an abbreviation, not the sentence's last word.
                if NoBreakSpaces.russianAbbreviations.contains(after.bareString.lowercased())
                    || NoBreakSpaces.englishAbbreviations.contains(after.bareString)
                {
                    return false
                }
                guard let next = twoAfter else { return true }
                let trailing = after.scalars[after.core.endIndex...]
                if trailing.contains(where: { $0 == "!" || $0 == "?" || $0 == "…" }) { return true }
                return trailing.contains(".") && next.core.first?.isCapitalLetter == true
            }

            /// `дом 2`, `литер Щ`: an address word before its number or letter.
            var gluesAddressWord: Bool {
                guard let first = after.core.first, first.isNumeral || (after.core.count == 1 && first.isCapitalLetter),
                    before.core.count == 3 || before.core.count == 5, !before.hasTrailingPunctuation,
                    NoBreakSpaces.addressWords.contains(before.coreString.lowercased())
                else { return false }
                return first.isNumeral || (after.core.count == 1 && first.isCapitalLetter)
            }

            var gluesNumber: Bool {
                guard before.isNumber, !before.hasTrailingPunctuation, let first = after.bare.first else {
                    return false
                }
                // A reference (`рис. 3 или`, `№ 426 руководитель`) or a date (`07.03.93 года`) is no quantity.
                if let previous = twoBefore,
                    NoBreakSpaces.russianAbbreviations.contains(previous.bareString.lowercased())
                        || NoBreakSpaces.numberSigns.contains(previous.bareString)
                {
                    return false
                }
                if before.core.filter({ $0 == "." }).count >= 2 { return false }
                return (!after.hasLeadingPunctuation && after.core.first?.isWordLetter == true)
                    || NoBreakSpaces.unitSigns.contains(first)
            }

            /// Digit groups: `5 000`, `12 500 000`.
            var gluesDigitGroup: Bool {
                guard !before.hasTrailingPunctuation, !after.hasLeadingPunctuation,
                    after.core.count == 3, after.core.allSatisfy(\.isNumeral)
                else { return false }
                return (1...3).contains(before.core.count) && before.core.allSatisfy(\.isNumeral)
            }

            var gluesNumberSign: Bool {
                after.core.first?.isNumeral == true && before.bare.count <= NoBreakSpaces.longestNumberSign
                    && NoBreakSpaces.numberSigns.contains(before.bareString)
            }

            var gluesInitials: Bool {
                if before.isInitial, after.core.first?.isCapitalLetter == true { return true }
                return before.isCapitalizedWord && !before.hasTrailingPunctuation && after.isInitial
                    && twoAfter?.isInitial == true
            }

            var gluesRussianShortWord: Bool {
                let letters = before.core
                guard (1...2).contains(letters.count), letters.allSatisfy(\.isWordLetter),
                    !before.hasTrailingPunctuation,
                    !NoBreakSpaces.russianParticles.contains(before.coreString.lowercased())
                else { return false }
                // A unit after its number (`25 мм доски`) is no preposition.
                if twoBefore?.isNumber == true, Abbreviations.units.contains(before.coreString.lowercased()) { return false }
                let isAcronym = letters.count == 2 && letters.allSatisfy(\.isCapitalLetter)
                return !isAcronym && after.opensWord
            }

            var gluesEnglishShortWord: Bool {
                let letters = before.core
                guard !letters.isEmpty, letters.allSatisfy(\.isWordLetter), !before.hasTrailingPunctuation else {
                    return false
                }
                let isShort =
                    letters.count == 1
                    || letters.count <= NoBreakSpaces.longestEnglishShortWord
                        && NoBreakSpaces.englishShortWords.contains(before.coreString.lowercased())
                return isShort && after.opensWord
            }

            var gluesParticle: Bool {
                // (The length rules out most words before a string is made of them.)
                guard !after.hasLeadingPunctuation, after.core.count <= NoBreakSpaces.longestParticle,
                    let first = after.core.first, NoBreakSpaces.particleStarts.contains(first),
                    NoBreakSpaces.russianParticles.contains(after.coreString.lowercased())
                else { return false }
                guard !before.hasTrailingPunctuation, let last = before.core.last else { return false }
                return last.isWordLetter || last.isNumeral
            }

            var gluesPairedAbbreviation: Bool {
                guard let seconds = before.pairedAbbreviationSeconds else { return false }
                return !after.hasLeadingPunctuation && seconds.contains(after.coreString)
                    && after.bare.count > after.core.count && after.bare[after.core.endIndex] == "."
            }

            func gluesAbbreviation(_ list: Set<String>) -> Bool {
                guard before.bare.count <= NoBreakSpaces.longestAbbreviation,
                    let last = before.bare.last, NoBreakSpaces.abbreviationEndings.contains(last),
                    after.opensWord || after.scalars.first == "«" || after.isNumber,
                    list.contains(before.bareString) || list.contains(before.bareString.lowercased())
                else { return false }
                if let previous = twoBefore {
                    if previous.isNumber && !previous.hasTrailingPunctuation { return false }
                    if previous.pairedAbbreviationSeconds != nil { return false }
                }
                return true
            }

            var gluesLaw: Bool {
                (after.scalars.first == "«" || after.scalars.first == "„") && !before.hasTrailingPunctuation
                    && NoBreakSpaces.lawAbbreviations.contains(before.coreString)
            }
        }
    }
}
