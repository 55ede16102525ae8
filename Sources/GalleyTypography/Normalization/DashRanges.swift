// Ranges of words that take an en dash: centuries in Roman numerals, months, days of the week.

extension Normalization {
    /// Words on both sides of a dash that make a range (`XX–XXI`, `апреле–мае`, `Вторник–среда`).
    enum WordRange {
        /// Whether the hyphen at `dash` joins two Roman numerals in ascending order, two months
        /// or two days of the week, with nothing but the hyphen.
        static func isUnspaced(_ draft: Draft, dash: Int) -> Bool {
            guard let left = word(endingAt: dash, draft), let right = word(startingAt: dash + 1, draft) else {
                return false
            }
            let l = draft.string(left)
            let r = draft.string(right)
            if let a = roman(l), let b = roman(r) { return a < b }
            let lower = (l.lowercased(), r.lowercased())
            return (isMonth(lower.0) && isMonth(lower.1)) || (isWeekday(lower.0) && isWeekday(lower.1))
        }

        /// For ` - ` between two Roman numerals in ascending order (`XX - XXI`): the range from
        /// the space before the dash to the space after it.
        static func spacedRoman(_ draft: Draft, dash: Int) -> Range<Int>? {
            guard let left = word(endingAt: dash - 1, draft), let right = word(startingAt: dash + 2, draft),
                let a = roman(draft.string(left)), let b = roman(draft.string(right)), a < b
            else { return nil }
            return (dash - 1)..<(dash + 2)
        }

        /// The letters starting at `start`.
        static func followingWord(_ draft: Draft, from start: Int) -> String {
            var hi = start
            while hi < draft.count, draft.scalars[hi].isWordLetter { hi += 1 }
            return draft.string(start..<max(start, hi))
        }

        /// The letters just before `end` (a Roman numeral may be followed by a Cyrillic `в.`).
        private static func word(endingAt end: Int, _ draft: Draft) -> Range<Int>? {
            var lo = end
            while lo > 0, draft.scalars[lo - 1].isWordLetter, !draft.isProtected[lo - 1] { lo -= 1 }
            return lo < end ? lo..<end : nil
        }

        private static func word(startingAt start: Int, _ draft: Draft) -> Range<Int>? {
            var hi = start
            while hi < draft.count, draft.scalars[hi].isWordLetter, !draft.isProtected[hi] {
                // A Roman numeral ends where a Cyrillic letter starts (`XXIвв.`).
                if hi > start, draft.scalars[hi - 1].isBasicLatinLetter != draft.scalars[hi].isBasicLatinLetter { break }
                hi += 1
            }
            return hi > start ? start..<hi : nil
        }

        /// The value of a Roman numeral written in capitals (I to MMM…), nil for any other word.
        static func roman(_ word: String) -> Int? {
            let digits = word.compactMap { romanValues[$0] }
            guard !digits.isEmpty, digits.count == word.count, digits.count <= 8 else { return nil }
            var total = 0
            for (k, v) in digits.enumerated() {
                total += k + 1 < digits.count && v < digits[k + 1] ? -v : v
            }
            return total
        }

        private static let romanValues: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

        /// Month stems: a month's name in any case (`март`, `марта`, `марте`); `май` is listed whole.
        private static let monthStems = [
            "январ", "феврал", "март", "апрел", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
        ]
        private static let mayForms: Set<String> = ["май", "мая", "мае", "маю", "маем"]
        private static let weekdayStems = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен"]

        static func isMonth(_ word: String) -> Bool { mayForms.contains(word) || hasStem(word, monthStems) }
        static func isWeekday(_ word: String) -> Bool { hasStem(word, weekdayStems) }

        /// Whether `word` is a stem and an ending of at most three letters.
        private static func hasStem(_ word: String, _ stems: [String]) -> Bool {
            stems.contains { word.hasPrefix($0) && word.count - $0.count <= 3 }
        }
    }
}
