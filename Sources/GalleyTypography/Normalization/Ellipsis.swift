// Ellipsis: three periods become the one character `…`.

extension Normalization {
    /// `...` → `…` outside protected spans: the ellipsis character spaces its dots as the
    /// font designer meant, and never breaks across lines.
    ///
    /// A longer run of periods is a typing slip for the same thing and becomes one `…` too;
    /// two periods stay. Russian custom writes a question or exclamation mark with two more
    /// periods, `?..` and `!..`: so in Russian `?...` becomes `?..`, not `?…`.
    enum Ellipsis {
        static func apply(to draft: inout Draft, custom: Custom) {
            var edits: [Edit] = []
            var i = 0
            while i < draft.count {
                guard draft.scalars[i] == ".", !draft.isProtected[i] else {
                    i += 1
                    continue
                }
                var end = i
                while end < draft.count, draft.scalars[end] == ".", !draft.isProtected[end] { end += 1 }
                if end - i >= 3 {
                    let afterMark = draft[i - 1] == "?" || draft[i - 1] == "!"
                    edits.append(Edit(i..<end, custom == .russian && afterMark ? [".", "."] : ["…"]))
                }
                i = end
            }
            draft.apply(edits)
        }
    }
}
