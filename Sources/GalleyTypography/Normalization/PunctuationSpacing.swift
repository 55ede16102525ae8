// Spaces around punctuation and brackets: after `,;:!?…`, none before them or inside brackets.

extension Normalization {
    /// Puts the word spaces punctuation takes, outside protected spans. Runs after white space
    /// has been collapsed, so every space here is one plain space.
    ///
    /// - **No space before** `,`, `.`, `;`, `!`, `?` after a word or a closing bracket or quote
    ///   (`членов , значение` → `членов, значение`), nor before `:` after a word; none after
    ///   an opening bracket or before a closing one (`( Внутри )` → `(Внутри)`); none between
    ///   a number and `%`, `‰` (`20 %` → `20%`).
    /// - **A space after** `,` and `;` before a letter, and before a digit when a letter stands
    ///   before the mark (`горизонт,и` → `горизонт, и`, `A,2` → `A, 2`; `2,5` is a number);
    ///   after `:` before a letter (`Вывод:верен` → `Вывод: верен`; `10:00` stays); after `!`,
    ///   `?`, `…`, `?..`, `!..` before a capital (`ветер!Вот` → `ветер! Вот`).
    /// - **A space before `(`** glued to a Cyrillic word or to the end of a sentence
    ///   (`с(боков)` → `с (боков)`, `…(Пушкин)`); `2*(3+100)` and `alert(` stay.
    enum PunctuationSpacing {
        static func apply(to draft: inout Draft) {
            var edits: [Edit] = []
            let s = draft.scalars
            func free(_ i: Int) -> Bool { i >= 0 && i < s.count && !draft.isProtected[i] }
            for i in 0..<s.count where free(i) {
                let c = s[i]
                let before = i > 0 ? s[i - 1] : nil
                let after = i + 1 < s.count ? s[i + 1] : nil
                if c == " " {
                    guard let before, let after, free(i - 1), free(i + 1) else { continue }
                    let wordBefore = before.isWordLetter || before.isNumeral || closers.contains(before)
                    let removes =
                        (tight.contains(after) && wordBefore)
                        || (after == ":" && before.isWordLetter && !(i + 2 < s.count && s[i + 2].isNumeral))
                        || (after == ")" || after == "]") && before != "(" && before != "["
                        || before == "(" || before == "["
                        || (percent.contains(after) && before.isNumeral)
                    if removes { edits.append(Edit(i..<(i + 1), [])) }
                    continue
                }
                guard let after, free(i + 1) else { continue }
                switch c {
                case ",", ";":
                    if after.isWordLetter || (after.isNumeral && before?.isWordLetter == true) {
                        edits.append(Edit(i + 1..<(i + 1), [" "]))
                    }
                case ":":
                    if after.isWordLetter, before?.isWordLetter == true { edits.append(Edit(i + 1..<(i + 1), [" "])) }
                case "!", "?", "…", ".":
                    // `.` only as the end of `?..` or `!..`.
                    if c == "." && !(before == "." && i >= 2 && (s[i - 2] == "?" || s[i - 2] == "!")) { break }
                    // `…` only after a word: `так…И`, not `«…Я`.
                    if c == "…" && !(before?.isWordLetter == true || before?.isNumeral == true) { break }
                    if after.isCapitalLetter, before != nil { edits.append(Edit(i + 1..<(i + 1), [" "])) }
                case "(":
                    // Not before a sign in letters: `Coca-Cola(r)`, `(tm)`, `(c)`.
                    let isSign = i + 3 < s.count && s[i + 1].isBasicLatinLetter
                        && (s[i + 2] == ")" || s[i + 2].isBasicLatinLetter && s[i + 3] == ")")
                    // After a Cyrillic word only: `alert(` or `f(x)` in Latin letters is code or a formula.
                    let cyrillic = before.map { (0x0400...0x04FF).contains($0.value) && $0.isWordLetter } ?? false
                    if !isSign, let before, free(i - 1), cyrillic || before == "…" || before == "." || before == ")" {
                        edits.append(Edit(i..<i, [" "]))
                    }
                default:
                    break
                }
            }
            draft.apply(edits)
        }

        /// Marks glued to the word before them.
        private static let tight: Set<Unicode.Scalar> = [",", ".", ";", "!", "?"]
        /// What may close a word before a mark.
        private static let closers: Set<Unicode.Scalar> = [")", "]", "»", "“", "”", "\"", "…"]
        private static let percent: Set<Unicode.Scalar> = ["%", "‰"]
    }
}
