// Units and abbreviations run into their number or word: `1983г.`, `XXв.`, `2012-2015 г. г.`, `г.Москва`.

extension Normalization.Abbreviations {
    static let romanDigits: Set<Unicode.Scalar> = ["I", "V", "X", "L", "C", "D", "M"]

    /// Units that a number may be glued to (`25мм`, `300dpi`), before a non-letter.
    static let units: Set<String> = [
        "г", "гг", "мм", "см", "дм", "м", "км", "кг", "мг", "га", "мл", "руб", "коп", "тыс", "млн", "млрд", "dpi", "ppi",
    ]

    /// A number (or a range of numbers), or a Roman numeral (or a range of them), followed by
    /// a unit glued to it or a doubled `г. г.`/`в. в.`: U+00A0 before the unit, `гг.`/`вв.`.
    static func units(_ draft: Normalization.Draft) -> [Normalization.Edit] {
        var edits: [Normalization.Edit] = []
        var i = 0
        while i < draft.count {
            let first = draft.scalars[i]
            guard first.isNumeral || romanDigits.contains(first), startsWord(draft, i), !draft.isProtected[i],
                let (end, isRange, roman) = number(draft, from: i)
            else {
                i += 1
                continue
            }
            i = end
            // The unit, glued or one space on.
            let spaced = draft[end]?.isSpaceOrNoBreakSpace == true
            let start = spaced ? end + 1 : end
            var j = start
            while let c = draft[j], c.isWordLetter, j - start < 5 { j += 1 }
            guard j > start, !draft.touchesProtected(end..<j) else { continue }
            let unit = draft.string(start..<j)
            let letter = roman ? "в" : "г"
            if unit == letter || unit == letter + letter, draft[j] == "." {
                // `в.`, `вв.`, `в. в.`, `в.в.`; `г. г.`, `г.г.` (a lone `г.` after a number only when glued).
                var stop = j + 1
                var doubled = unit.count == 2
                if unit.count == 1 {
                    let second = draft[stop]?.isSpaceOrNoBreakSpace == true ? stop + 1 : stop
                    if draft.string(second..<min(second + 2, draft.count)) == letter + ".",
                        draft[second + 2]?.isWordLetter != true
                    {
                        stop = second + 2
                        doubled = true
                    }
                }
                guard draft[stop]?.isWordLetter != true, roman || doubled || !spaced else { continue }
                let word = Array((doubled || (roman && isRange) ? letter + letter + "." : letter + ".").unicodeScalars)
                edits.append(Normalization.Edit(end..<stop, [nbsp] + word))
                i = stop
            } else if !roman, !spaced, units.contains(unit), draft[j]?.isWordLetter != true, draft[j]?.isNumeral != true {
                edits.append(Normalization.Edit(end..<end, [nbsp]))
            }
        }
        return edits
    }

    /// A number (`1983`, `17.02.1983`, `2012-2015`) or a Roman numeral in capitals
    /// (`XX`, `XX-XXI`) starting at `start`: its end, whether it is a range, whether Roman.
    private static func number(_ draft: Normalization.Draft, from start: Int) -> (Int, Bool, Bool)? {
        func run(_ from: Int, roman: Bool) -> Int {
            var j = from
            while let c = draft[j] {
                if roman ? "IVXLCDM".unicodeScalars.contains(c) : c.isNumeral {
                    j += 1
                } else if !roman, c == "." || c == ",", draft[j + 1]?.isNumeral == true, j > from {
                    j += 1
                } else {
                    break
                }
            }
            return j
        }
        for roman in [false, true] {
            let first = run(start, roman: roman)
            guard first > start else { continue }
            if roman, draft[first]?.isBasicLatinLetter == true { return nil }
            if let dash = draft[first], dash == "-" || dash == "–" {
                let second = run(first + 1, roman: roman)
                if second > first + 1 { return (second, true, roman) }
            }
            return (first, false, roman)
        }
        return nil
    }

    /// Abbreviations of the no-break list glued to the word or number after them.
    static func gluedAbbreviations(_ draft: Normalization.Draft) -> [Normalization.Edit] {
        var edits: [Normalization.Edit] = []
        var i = 0
        while i < draft.count {
            guard draft.scalars[i].isWordLetter, startsWord(draft, i), !draft.isProtected[i] else {
                i += 1
                continue
            }
            var j = i
            while let c = draft[j], c.isWordLetter || c == "-" { j += 1 }
            guard draft[j] == ".", let next = draft[j + 1], next.isWordLetter || next.isNumeral,
                !draft.touchesProtected(i..<(j + 2)),
                Normalization.NoBreakSpaces.russianAbbreviations.contains(draft.string(i..<(j + 1)).lowercased())
            else {
                i = max(j, i + 1)
                continue
            }
            edits.append(Normalization.Edit((j + 1)..<(j + 1), [nbsp]))
            i = j + 1
        }
        return edits
    }
}
