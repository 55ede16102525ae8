// What the stray-`n` classifier reads around a break: sentence ends, subheadings, glued Latin words.

extension EscapedBreak {
    /// Sentence ends.
    enum Sentence {
        /// Punctuation that finishes a sentence (the colon too: what follows a colon on a new
        /// line, a quotation or a list, opens a paragraph of its own).
        static let marks: Set<Unicode.Scalar> = [".", "!", "?", "…", ":"]

        /// Whether a sentence ends just before `s[i]`: a mark, possibly followed by closing
        /// quotes or brackets (`«Иду!»`).
        static func endsBefore(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
            var j = i - 1
            while j >= 0, j >= i - 3, closing.contains(s[j]) { j -= 1 }
            return j >= 0 && marks.contains(s[j])
        }
    }

    /// A short line that reads as a subheading or a dateline (`Беспроигрышная серия Джонса`,
    /// `Нет слов`, `4 августа 2019 года`): the one case where a break not preceded by a
    /// sentence's end is a paragraph break.
    enum Subheading {
        /// The most words such a line has.
        static let maximumWords = 12

        /// Whether `line` (the paragraph so far) is such a line, with `s[next...]` opening a new
        /// sentence. All must hold: the line has at most `maximumWords` words and starts as a
        /// line does (a capital, a digit, a quote or a dash); its last word is not one that
        /// cannot end a phrase (a preposition, a conjunction); the next word is a common word
        /// (its lower-case form is in the dictionary: `Однако`, not `Сергей` or `МЧС`, which
        /// may stand inside a sentence); and the words after it are not closed by another
        /// break followed by a small letter (`отnСемена Слепаковаnдо`: a link inside a sentence).
        static func ends(line: [Unicode.Scalar], _ s: [Unicode.Scalar], next: Int, _ dictionary: SpellingDictionary) -> Bool {
            let words = String(String.UnicodeScalarView(line)).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
                .filter { $0.unicodeScalars.contains(where: \.isLetterOrDigit) }
            guard (1...maximumWords).contains(words.count), let first = line.first,
                first.isUppercaseLetter || first.isDigit || EscapedBreak.opensLine.contains(first),
                let last = words.last
            else { return false }
            let lastWord = String(String.UnicodeScalarView(last.unicodeScalars.filter(\.isLetter))).lowercased()
            guard !cannotEndPhrase.contains(lastWord) else { return false }

            // A new paragraph of Russian text opens with a Cyrillic word; a Latin one after a
            // Cyrillic line is a name inside the sentence (`компаниейnBuy Like`).
            guard s[next].isCyrillicUpper || !(line.last?.isCyrillicLetter ?? false) else { return false }
            var end = next
            while end < s.count, s[end].isLetter { end += 1 }
            let nextWord = String(String.UnicodeScalarView(s[next..<end]))
            let isAcronym = nextWord.unicodeScalars.count > 1 && nextWord.unicodeScalars.allSatisfy(\.isUppercaseLetter)
            guard !isAcronym, end - next > 0, dictionary.isCommonWord(nextWord) == true else { return false }
            return !closedInline(s, from: end)
        }

        /// Whether, within a few words after `start` and before a sentence ends, another stray
        /// `n` glued to a word is followed by a small letter.
        private static func closedInline(_ s: [Unicode.Scalar], from start: Int) -> Bool {
            var spaces = 0
            var j = start
            while j + 1 < s.count, spaces <= 6 {
                let c = s[j]
                if Sentence.marks.contains(c) { return false }
                if c == " " { spaces += 1 }
                let continues = s[j + 1].isLowercaseLetter || s[j + 1] == "," || s[j + 1] == ";"
                if c == "n", j > 0, s[j - 1].isLetter || closing.contains(s[j - 1]), continues,
                    !s[j - 1].isLatinLetter || !s[j + 1].isLatinLetter
                {
                    return true
                }
                j += 1
            }
            return false
        }

        /// Words after which a phrase cannot stop: prepositions and conjunctions.
        static let cannotEndPhrase: Set<String> = [
            "в", "во", "на", "с", "со", "к", "ко", "по", "от", "до", "из", "за", "о", "об", "обо", "у", "и", "а", "но",
            "или", "что", "как", "для", "при", "про", "через", "без", "под", "над", "перед", "между", "согласно",
            "чтобы", "если", "когда", "где", "the", "a", "an", "of", "to", "in", "on", "at", "by", "and", "or", "for",
        ]
    }

    /// What may start a line besides a capital or a digit.
    static let opensLine: Set<Unicode.Scalar> = ["«", "„", "\"", "“", "—", "–", "("]

    /// Latin words with a stray `n` glued to them (`Journaln.`, `Greenpeacen`, `Liken,`).
    enum Glued {
        /// Whether the `n` at `i`, after a Latin letter, is an artefact and not the word's own
        /// last letter. Before a Cyrillic letter it always is (`NASAnзаявило`); before another
        /// Latin letter or a digit nothing can tell. Before a space, punctuation or the end, the
        /// spelling dictionary decides: `Greenpeacen` is no word but `Greenpeace` is; `Putin`,
        /// `Kremlin`, `Japan` are words. A word both ways (`Liken`, `Like`) or neither way (`RTn`)
        /// is taken as glued only when its phrase was opened by a stray `n` too
        /// (`компаниейnBuy Liken,`, `—nRTn)`), as the dump wrote breaks around links.
        static func afterLatinWord(_ s: [Unicode.Scalar], at i: Int, next: Unicode.Scalar?, dictionary: SpellingDictionary) -> Bool {
            if let next {
                if next.isCyrillicLetter { return true }
                if next.isNonCyrillicLetter || next.isDigit { return false }
                // `Examplen.org`: a domain or an abbreviation goes on after the period.
                // (`Liken.nИтоги` is no domain: that `n` is a break of its own.)
                if next == ".", i + 2 < s.count, s[i + 2].isLatinLetter,
                    !(s[i + 2] == "n" && i + 3 < s.count && !s[i + 3].isLatinLetter)
                {
                    return false
                }
            }
            var start = i
            while start > 0, s[start - 1].isNonCyrillicLetter { start -= 1 }
            let stem = String(String.UnicodeScalarView(s[start..<i]))
            guard stem.unicodeScalars.count >= 2 else { return false }
            let withN = dictionary.knows(stem + "n")
            let without = dictionary.knows(stem)
            if withN == false && without == true { return true }
            if withN == true && without == false { return false }
            return openedByBreak(s, wordStart: start)
        }

        /// Whether the run of Latin words ending at `wordStart` (up to four, with their dots
        /// and hyphens) was opened by a stray `n` glued after Cyrillic text or punctuation.
        private static func openedByBreak(_ s: [Unicode.Scalar], wordStart: Int) -> Bool {
            var j = wordStart
            var spaces = 0
            while j > 0 {
                let c = s[j - 1]
                if c.isLatinLetter || c.isDigit || c == "." || c == "-" {
                    j -= 1
                } else if c == " ", spaces < 3 {
                    spaces += 1
                    j -= 1
                } else {
                    break
                }
            }
            // `j` is the run's first scalar, which an artefact `n` would be (`nBuy` → `n`).
            guard j < s.count, s[j] == "n", j > 0 else { return false }
            let before = s[j - 1]
            return before.isCyrillicLetter || closesPhrase.contains(before) || before == "—" || before == "–"
        }
    }
}

extension EscapedBreak {
    /// A dateline opening the text after a break (`Москва. 9 мая.`, `МОСКВА, 10 авг —`,
    /// `London, 3 June`): where a news item's body starts. The lead before it often has no
    /// final period (`…представителем Англии, «Ливерпулем»nМосква. 9 мая.`), so a break before a
    /// dateline is a paragraph break whatever precedes it.
    enum Dateline {
        /// Month names and their short forms, lower-case: `9 мая`, `10 авг`, `3 June`.
        static let months: [String] = [
            "январ", "феврал", "март", "апрел", "мая", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
            "янв", "фев", "мар", "апр", "авг", "сен", "окт", "ноя", "дек",
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]

        /// Whether `s[i...]` reads as a place (one to three capitalized words), a period or a
        /// comma, a day of the month and a month's name.
        static func starts(_ s: [Unicode.Scalar], at i: Int) -> Bool {
            var j = i
            var words = 0
            while j < s.count, s[j].isUppercaseLetter, words < 3 {
                while j < s.count, s[j].isLetter || s[j] == "-" { j += 1 }
                words += 1
                guard j < s.count else { return false }
                if s[j] == " ", j + 1 < s.count, s[j + 1].isUppercaseLetter { j += 1 }
            }
            guard words > 0, j + 1 < s.count, s[j] == "." || s[j] == ",", s[j + 1] == " " else { return false }
            j += 2
            let dayStart = j
            while j < s.count, s[j].isDigit { j += 1 }
            guard (1...2).contains(j - dayStart), j < s.count, s[j] == " " || s[j] == "\u{00A0}" else { return false }
            j += 1
            let monthStart = j
            while j < s.count, s[j].isLetter { j += 1 }
            let month = String(String.UnicodeScalarView(s[monthStart..<j])).lowercased()
            guard month.count >= 3 else { return false }
            return months.contains { month.hasPrefix($0) }
        }
    }
}
