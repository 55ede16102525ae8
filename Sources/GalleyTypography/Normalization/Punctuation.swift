// Doubled and misordered punctuation marks: `!!` → `!`, `!?` → `?!`, `,,` → `,`, `…,` → `…`.

extension Normalization {
    /// Cleans up runs of punctuation marks that print custom does not know, outside protected
    /// spans (a URL keeps its `::` and `..`).
    ///
    /// - Both languages: a doubled `,`, `;` or `:` is one mark (`краска;; но` → `краска; но`).
    /// - Russian custom (Мильчин) knows `!`, `?`, `!!!`, `???`, `?!`, `?..`, `!..` and `…`:
    ///   `!!` → `!`, `??` → `?`, four or more → three, `!?` → `?!`, two periods `..` → `.`
    ///   (unless after `?` or `!`), and a comma after `…` goes (`Моя работа…, но` → `Моя
    ///   работа… но`: the ellipsis already marks the pause).
    enum Punctuation {
        static func apply(to draft: inout Draft, custom: Custom) {
            var edits: [Edit] = []
            var i = 0
            while i < draft.count {
                let c = draft.scalars[i]
                guard isMark(c), !draft.isProtected[i] else {
                    i += 1
                    continue
                }
                var end = i
                while end < draft.count, draft.scalars[end] == c, !draft.isProtected[end] { end += 1 }
                let run = end - i
                if c == "," || c == ";" || c == ":" {
                    if run > 1 { edits.append(Edit(i..<end, [c])) }
                } else if custom == .russian {
                    if c == "!" || c == "?" {
                        if run == 2 || run > 3 {
                            // `!!` → `!`; a longer run → three.
                            edits.append(Edit(i..<end, Array(repeating: c, count: run == 2 ? 1 : 3)))
                        } else if run == 1, c == "!", draft[end] == "?", draft[end + 1] != "?", draft[i - 1] != "?" {
                            edits.append(Edit(i..<(end + 1), ["?", "!"]))
                            end += 1
                        }
                    } else if c == "." {
                        if run == 2, draft[i - 1] != "?", draft[i - 1] != "!", draft[i - 1] != ".", draft[i - 1] != "…" {
                            edits.append(Edit(i..<end, ["."]))
                        }
                    } else if c == "…", run == 1, draft[end] == ",", !draft.isProtected[end] {
                        edits.append(Edit(end..<(end + 1), []))
                        end += 1
                    }
                }
                i = end
            }
            draft.apply(edits)
        }

        /// (A switch, not a set: this runs for every scalar of every text.)
        private static func isMark(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case ",", ";", ":", "!", "?", ".", "…": true
            default: false
            }
        }
    }
}
