// Dashes: em dashes between words, en dashes in number ranges, the dash of dialogue.

extension Normalization {
    /// Sets dashes by custom, outside protected spans. Hyphens inside words (`Ту-154`, `из-за`,
    /// `кто-то`, `2-й`, `Воздушно-космических`) are never touched.
    ///
    /// 1. U+2010 HYPHEN (missing from PT Serif) becomes `-`, U+2012 FIGURE DASH becomes `–`.
    /// 2. **Dialogue** (Russian custom: a line of direct speech opens with a dash): a `-`, `--`,
    ///    `–` or `—` opening the text and followed by a space, or an `–`/`—` glued to the first
    ///    word, becomes `—` and U+00A0, so the dash keeps its word on the line.
    /// 3. **A dash between words** (Russian custom, Мильчин): a `-`, `--`, `---`, `–` or `—`
    ///    with a space on both sides becomes U+00A0, `—`, a space: the dash never starts a
    ///    line. galley applies the same in English (` — `; US custom would close the spaces
    ///    up, but one rule for both keeps mixed articles even). A hyphen with a space on one
    ///    side only is a hanging hyphen (`северо- и юго-западный`, `2- и 3-комнатные`) and stays.
    /// 4. **Number ranges**: `1941-1945`, `10–15`, `10:00-12:00`, `1,5-2` take an en dash with no
    ///    spaces; a spaced hyphen or en dash between two bare numbers (`1941 - 1945`) too.
    ///    Only when both sides are plain numbers: a number glued to letters (`2-й`, `2-3-х`,
    ///    `А-1`), a chain of three or more numbers (`8-800-555-35-35`, `2015-10-05`) and a
    ///    number after `+`, `/` or `#` (phone numbers, paths) keep their hyphens.
    /// 5. **Russian direct speech after a sentence** (`«Обожди… – сказал он. – Давай»`): a
    ///    spaced dash right after `.`, `…`, `?` or `!` opens the next remark, so the dash keeps
    ///    its word: ` —~сказал`.
    /// 6. **A dash ending the text** (a line of verse, a broken line): U+00A0 and `—`.
    /// 7. **Ranges of words**: centuries in Roman numerals (`XX-XXI`, `XX - XXI`), months
    ///    (`апреле-мае`) and days of the week (`Вторник-среда`) take an en dash.
    enum Dashes {
        static func apply(to draft: inout Draft, custom: Custom) {
            var edits: [Edit] = []
            for i in 0..<draft.count where !draft.isProtected[i] {
                if draft.scalars[i] == "\u{2010}" { edits.append(Edit(at: i, "-")) }
                if draft.scalars[i] == "\u{2012}" { edits.append(Edit(at: i, "–")) }
            }
            draft.apply(edits)
            edits = []

            // Edits must not overlap (`- - текст`): each starts after the last one claimed.
            var claimed = 0
            func add(_ new: [Edit]) {
                guard let first = new.map(\.range.lowerBound).min(), first >= claimed else { return }
                edits += new
                claimed = new.map(\.range.upperBound).max() ?? claimed
            }
            var i = 0
            while i < draft.count {
                guard draft.scalars[i].isDashLike, !draft.isProtected[i] else {
                    i += 1
                    continue
                }
                // A dash: one scalar, or a run of two or three hyphens standing for one.
                var end = i + 1
                if draft.scalars[i] == "-" {
                    while end < draft.count, end - i < 3, draft.scalars[end] == "-", !draft.isProtected[end] {
                        end += 1
                    }
                }
                let isRun = draft[end] == "-"
                defer { i = end }
                guard !isRun else {
                    while end < draft.count, draft.scalars[end] == "-" { end += 1 }
                    continue
                }
                let spaceBefore = draft[i - 1] == " "
                let spaceAfter = draft[end] == " "
                let single = end - i == 1

                if i == 0 {
                    if spaceAfter {
                        add([Edit(i..<(end + 1), ["—", "\u{00A0}"])])
                    } else if single, draft.scalars[i] != "-", let next = draft[end], next.isWordLetter || next == "«" {
                        add([Edit(i..<end, ["—", "\u{00A0}"])])
                    }
                } else if spaceBefore && spaceAfter {
                    if single, draft.scalars[i] != "—",
                        let range = NumberRange.spaced(draft, dash: i) ?? WordRange.spacedRoman(draft, dash: i)
                    {
                        add([Edit(range.lowerBound..<i, []), Edit(at: i, "–"), Edit((i + 1)..<range.upperBound, [])])
                    } else if draft.isProtected[i - 1] || draft.isProtected[end] {
                        // A URL on either side keeps its spaces free.
                    } else if custom == .russian, i >= 2, endsSentence(draft, at: i - 2) {
                        add([Edit(i..<end, ["—"]), Edit(at: end, "\u{00A0}")])
                    } else {
                        add([Edit(at: i - 1, "\u{00A0}"), Edit(i..<end, ["—"])])
                    }
                } else if spaceBefore, end == draft.count, i >= 2, draft.scalars[i - 2].isWordLetter || draft.scalars[i - 2] == "," {
                    add([Edit(at: i - 1, "\u{00A0}"), Edit(i..<end, ["—"])])
                } else if single, !spaceBefore, !spaceAfter, draft.scalars[i] != "–",
                    NumberRange.isUnspaced(draft, dash: i) || WordRange.isUnspaced(draft, dash: i)
                {
                    // A range of days keeps its month on the line: `1–22~сентября`.
                    if let right = Numbers.starting(at: i + 1, in: draft), draft[right.upperBound] == " ",
                        WordRange.isMonth(WordRange.followingWord(draft, from: right.upperBound + 1).lowercased())
                    {
                        add([Edit(at: i, "–"), Edit(at: right.upperBound, "\u{00A0}")])
                    } else {
                        add([Edit(at: i, "–")])
                    }
                }
            }
            draft.apply(edits)
        }
    }

    /// What ends a sentence before a dash of direct speech.
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "…", "?", "!"]

    /// Whether the mark at `i` ends a sentence: `…`, `?`, `!`, or a period after a word of two
    /// letters or more that is no abbreviation (`гг. - итоги`, `т.д. - всё` are no new remark).
    static func endsSentence(_ draft: Draft, at i: Int) -> Bool {
        guard sentenceEnds.contains(draft.scalars[i]) else { return false }
        guard draft.scalars[i] == ".", draft[i - 1] != "." else { return true }
        var lo = i
        while lo > 0, draft.scalars[lo - 1].isWordLetter { lo -= 1 }
        let word = draft.string(lo..<(i + 1)).lowercased()
        let inChain = lo > 0 && (draft.scalars[lo - 1] == "." || draft.scalars[lo - 1] == "\u{00A0}")
        return i - lo >= 2 && !inChain && !NoBreakSpaces.russianAbbreviations.contains(word)
    }

    /// Numbers on both sides of a dash.
    enum NumberRange {
        /// Whether the dash at `dash` joins two plain numbers with nothing but the dash.
        static func isUnspaced(_ draft: Draft, dash: Int) -> Bool {
            guard let left = Numbers.ending(at: dash, in: draft), let right = Numbers.starting(at: dash + 1, in: draft)
            else { return false }
            return isFreeBefore(draft[left.lowerBound - 1])
                && (isFreeAfter(draft[right.upperBound]) || endsInOrdinal(draft, right.upperBound)
                    || gluedUnit(draft, right.upperBound))
                && isAscending(draft, left, right)
        }

        /// For ` - ` between two plain numbers: the range from the space before to the space after.
        static func spaced(_ draft: Draft, dash: Int) -> Range<Int>? {
            guard let left = Numbers.ending(at: dash - 1, in: draft),
                let right = Numbers.starting(at: dash + 2, in: draft),
                !draft.touchesProtected(left.lowerBound..<right.upperBound),
                isFreeBefore(draft[left.lowerBound - 1]), isFreeAfter(draft[right.upperBound]),
                isAscending(draft, left, right)
            else { return nil }
            return (dash - 1)..<(dash + 2)
        }

        /// `1999-2001г.`: a unit glued to the right number.
        private static func gluedUnit(_ draft: Draft, _ end: Int) -> Bool {
            var j = end
            while let c = draft[j], c.isWordLetter { j += 1 }
            return j > end && Abbreviations.units.contains(draft.string(end..<j)) && draft[j]?.isNumeral != true
        }

        /// `80-90-е`, `2-3-х`: the right number takes an ordinal ending of one to three letters.
        private static func endsInOrdinal(_ draft: Draft, _ end: Int) -> Bool {
            guard draft[end] == "-" else { return false }
            var j = end + 1
            while let c = draft[j], c.isWordLetter { j += 1 }
            return (1...3).contains(j - end - 1) && draft[j]?.isNumeral != true
        }

        /// Whether a range of whole numbers runs upwards (`1941-1945`, `1980-90`, read as
        /// 1980–1990): `53-22` or `2052-2015` is no range but a code or a score, and keeps
        /// its hyphen. Numbers with a decimal or time separator are not compared.
        private static func isAscending(_ draft: Draft, _ left: Range<Int>, _ right: Range<Int>) -> Bool {
            let l = draft.scalars[left]
            let r = draft.scalars[right]
            guard l.allSatisfy(\.isNumeral), r.allSatisfy(\.isNumeral), l.count <= 9, r.count <= 9,
                let a = Int(String(String.UnicodeScalarView(l))), var b = Int(String(String.UnicodeScalarView(r)))
            else { return true }
            if r.count < l.count {
                var scale = 1
                for _ in 0..<r.count { scale *= 10 }
                b += a / scale * scale
            }
            return a < b
        }

        private static let allowedBefore: Set<Unicode.Scalar> = [
            " ", "\u{00A0}", "(", "[", "«", "„", "“", "‘", "\"", "№", "§", "~", "≈",
        ]
        private static let allowedAfter: Set<Unicode.Scalar> = [
            " ", "\u{00A0}", ")", "]", ".", ",", ";", ":", "!", "?", "…", "»", "“", "”", "’", "\"", "%", "‰", "°", "*",
        ]

        private static func isFreeBefore(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map(allowedBefore.contains) ?? true
        }
        private static func isFreeAfter(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map(allowedAfter.contains) ?? true
        }
    }

    /// Plain numbers in running text: digits, with single `.`, `,` or `:` between digits
    /// (`1,5`, `10.5`, `10:00`).
    enum Numbers {
        private static let separators: Set<Unicode.Scalar> = [".", ",", ":"]

        /// The number that ends just before `end`, if a digit stands there.
        static func ending(at end: Int, in draft: Draft) -> Range<Int>? {
            guard draft[end - 1]?.isNumeral == true else { return nil }
            var lo = end - 1
            while lo > 0 {
                if draft.scalars[lo - 1].isNumeral {
                    lo -= 1
                } else if separators.contains(draft.scalars[lo - 1]), draft[lo - 2]?.isNumeral == true {
                    lo -= 1
                } else {
                    break
                }
            }
            return lo..<end
        }

        /// The number that starts at `start`, if a digit stands there.
        static func starting(at start: Int, in draft: Draft) -> Range<Int>? {
            guard draft[start]?.isNumeral == true else { return nil }
            var hi = start + 1
            while hi < draft.count {
                if draft.scalars[hi].isNumeral {
                    hi += 1
                } else if separators.contains(draft.scalars[hi]), draft[hi + 1]?.isNumeral == true {
                    hi += 1
                } else {
                    break
                }
            }
            return start..<hi
        }
    }
}
