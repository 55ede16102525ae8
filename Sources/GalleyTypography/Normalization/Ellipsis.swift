// Ellipsis: three periods become the one character `…`; `?…` and `!…` are `?..` and `!..` in Russian.

extension Normalization {
    /// `...` → `…` outside protected spans: the ellipsis character spaces its dots as the
    /// font designer meant, and never breaks across lines.
    ///
    /// Exactly three periods: two stay (the punctuation rule settles them), and a longer run
    /// is not an ellipsis anyone typed on purpose, so it is left as written (typograf does
    /// the same). Russian custom writes a question or exclamation mark with two more periods,
    /// `?..` and `!..`: so in Russian `?...` and `?…` become `?..`.
    enum Ellipsis {
        static func apply(to draft: inout Draft, custom: Custom) {
            var edits: [Edit] = []
            var i = 0
            while i < draft.count {
                let c = draft.scalars[i]
                guard c == "." || c == "…", !draft.isProtected[i] else {
                    i += 1
                    continue
                }
                let afterMark = draft[i - 1] == "?" || draft[i - 1] == "!"
                if c == "…" {
                    if custom == .russian && afterMark { edits.append(Edit(i..<(i + 1), [".", "."])) }
                    i += 1
                    continue
                }
                var end = i
                while end < draft.count, draft.scalars[end] == ".", !draft.isProtected[end] { end += 1 }
                if end - i == 3 || (afterMark && end - i > 3) {
                    edits.append(Edit(i..<end, custom == .russian && afterMark ? [".", "."] : ["…"]))
                }
                i = end
            }
            draft.apply(edits)
        }
    }
}
