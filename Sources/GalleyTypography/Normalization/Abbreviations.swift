// Abbreviations, initials, number signs and units written without their spaces: `т.д.`, `А.С.`, `№5`, `1983г.`

extension Normalization {
    /// Sets the spaces that abbreviations and signs take, inserting them where the source ran
    /// the parts together, outside protected spans. Runs before `NoBreakSpaces`, which glues
    /// what already has a space.
    ///
    /// - **Chains of abbreviations** (Russian): parts of one to three small letters, each with
    ///   its period, take a no-break space between them: `т.д.` → `т.~д.`, `а. е.м.` →
    ///   `а.~е.~м.`, `ст.м.эл.` → `ст.~м.~эл.` (not `кто.рф.`, a domain; not `стат.погр.`).
    /// - **Initials** run together before a surname: `А.С. Пушкин`, `А.С.Пушкин` →
    ///   `А.~С.~Пушкин` (after a surname, `Пушкин А.С.` stays as written); `P.S.` → `P.~S.`
    /// - **`№` and `§`** take the narrow no-break space U+202F before what they number in
    ///   Russian (`№15` → `№ 15`, `§ IV`), U+00A0 in English; `¶` takes U+00A0.
    /// - **Units glued to a number** take U+00A0: `1983г.`, `25мм`, `300dpi`; `г. г.` after a
    ///   range of years is `гг.` (`2012-2015 г. г.` → `2012-2015~гг.`).
    /// - **Centuries**: a Roman numeral glued to or spaced from `в.`/`вв.` takes U+00A0, and a
    ///   range of centuries takes `вв.` (`XX-XXI в.` → `XX-XXI~вв.`).
    /// - **An abbreviation glued to its word** (`г.Москва`, `ул.Ленина`, `рис.3`) takes U+00A0.
    enum Abbreviations {
        static func apply(to draft: inout Draft, custom: Custom, rules: TypographyRules) {
            if rules.contains(.abbreviations) && custom == .russian {
                draft.apply(chains(draft))
                draft.apply(units(draft))
                draft.apply(gluedAbbreviations(draft))
            }
            if rules.contains(.initials) { draft.apply(initials(draft)) }
            if rules.contains(.numbers) { draft.apply(numberSigns(draft, custom: custom)) }
        }

        static let nbsp: Unicode.Scalar = "\u{00A0}"
        static let narrow: Unicode.Scalar = "\u{202F}"

        /// Whether a word may start at `i`: the text's start, a space, or opening punctuation.
        static func startsWord(_ draft: Draft, _ i: Int) -> Bool {
            guard let before = draft[i - 1] else { return true }
            return before.isSpaceOrNoBreakSpace || openingPunctuation.contains(before)
        }

        // MARK: chains

        private static let domainEndings: Set<String> = ["рф", "ру", "рус", "орг", "укр", "бг", "срб", "ком", "су"]

        static func chains(_ draft: Draft) -> [Edit] {
            var edits: [Edit] = []
            var i = 0
            while i < draft.count {
                guard draft.scalars[i].isSmallLetter, startsWord(draft, i), let (gaps, end) = chain(draft, from: i) else {
                    i += 1
                    continue
                }
                for gap in gaps where !(gap.count == 1 && draft.scalars[gap.lowerBound] == nbsp) {
                    edits.append(Edit(gap, [nbsp]))
                }
                i = end
            }
            return edits
        }

        /// Parts of one to three small Cyrillic letters, each closed by a period, run together
        /// or one space apart: the gaps between them and the index after the chain.
        private static func chain(_ draft: Draft, from start: Int) -> ([Range<Int>], Int)? {
            var gaps: [Range<Int>] = []
            var parts: [String] = []
            var i = start
            var lastGapWasSpace = false
            while true {
                var j = i
                while let c = draft[j], c.isSmallLetter, !c.isBasicLatinLetter, j - i < 4 { j += 1 }
                guard (1...3).contains(j - i), draft[j] == ".", !draft.touchesProtected(i..<(j + 1)) else { break }
                parts.append(draft.string(i..<j))
                let after = j + 1
                if let next = draft[after], next.isSmallLetter {
                    gaps.append(after..<after)
                    lastGapWasSpace = false
                    i = after
                } else if draft[after]?.isSpaceOrNoBreakSpace == true, let next = draft[after + 1], next.isSmallLetter,
                    isPart(draft, after + 1)
                {
                    gaps.append(after..<(after + 1))
                    lastGapWasSpace = true
                    i = after + 1
                } else {
                    i = after
                    break
                }
            }
            guard parts.count >= 2, gaps.count == parts.count - 1 else { return nil }
            if let next = draft[i], next.isWordLetter || next.isNumeral { return nil }
            if !lastGapWasSpace, domainEndings.contains(parts.last!) { return nil }
            return (gaps, i)
        }

        /// Whether one to three small letters and a period start at `i`.
        private static func isPart(_ draft: Draft, _ i: Int) -> Bool {
            var j = i
            while let c = draft[j], c.isSmallLetter, j - i < 4 { j += 1 }
            return (1...3).contains(j - i) && draft[j] == "."
        }

        // MARK: initials

        static func initials(_ draft: Draft) -> [Edit] {
            var edits: [Edit] = []
            var i = 0
            while i < draft.count {
                guard draft.scalars[i].isCapitalLetter, draft[i + 1] == "." || draft[i + 2] == ".", startsWord(draft, i),
                    !draft.isProtected[i]
                else {
                    i += 1
                    continue
                }
                var parts: [Range<Int>] = []
                var j = i
                while let c = draft[j], c.isCapitalLetter {
                    var k = j + 1
                    if let small = draft[k], small.isSmallLetter, draft[k + 1] == "." { k += 1 }
                    guard draft[k] == "." else { break }
                    parts.append(j..<(k + 1))
                    j = k + 1
                }
                guard parts.count >= 2, !draft.touchesProtected(i..<j) else {
                    i = max(j, i + 1)
                    continue
                }
                let letters = parts.map { draft.scalars[$0.lowerBound] }
                let postscript = letters.allSatisfy { $0 == "P" || $0 == "S" || $0 == "Р" } && letters.last == "S"
                // The surname after them: glued (`А.С.Пушкин`) or one space on (`А.С. Пушкин`).
                let surname: Int? =
                    draft[j]?.isCapitalLetter == true ? j
                    : (draft[j] == " " && draft[j + 1]?.isCapitalLetter == true && draft[j + 2]?.isSmallLetter == true
                        ? j + 1 : nil)
                let afterSurname = previousWordIsSurname(draft, i)
                if postscript || (surname != nil && !afterSurname) {
                    for part in parts.dropLast() { edits.append(Edit(part.upperBound..<part.upperBound, [nbsp])) }
                    if !postscript, let surname {
                        edits.append(surname == j ? Edit(j..<j, [nbsp]) : Edit(j..<(j + 1), [nbsp]))
                    }
                }
                i = j
            }
            return edits
        }

        /// Whether a capitalized word stands one space before `i` (`Пушкин А.С.`).
        private static func previousWordIsSurname(_ draft: Draft, _ i: Int) -> Bool {
            guard i >= 2, draft.scalars[i - 1] == " " else { return false }
            var lo = i - 1
            while lo > 0, draft.scalars[lo - 1].isWordLetter { lo -= 1 }
            return lo < i - 1 && draft.scalars[lo].isCapitalLetter && draft.scalars[i - 2].isSmallLetter
        }

        // MARK: № § ¶

        static func numberSigns(_ draft: Draft, custom: Custom) -> [Edit] {
            var edits: [Edit] = []
            for i in 0..<draft.count where !draft.isProtected[i] {
                let sign = draft.scalars[i]
                guard sign == "№" || sign == "§" || sign == "¶", draft[i + 1] != sign else { continue }
                let space: Unicode.Scalar = custom == .russian && sign != "¶" ? narrow : nbsp
                let gap = draft[i + 1]?.isSpaceOrNoBreakSpace == true ? (i + 1)..<(i + 2) : (i + 1)..<(i + 1)
                guard let next = draft[gap.upperBound], next.isNumeral || next.isWordLetter,
                    !draft.touchesProtected(gap)
                else { continue }
                if !(gap.count == 1 && draft.scalars[gap.lowerBound] == space) { edits.append(Edit(gap, [space])) }
            }
            return edits
        }
    }
}
