// White space: every kind becomes one plain space, the ends are trimmed, stray U+00A0 goes.

import GalleyCore

extension Normalization {
    /// Collapses white space, outside protected spans.
    ///
    /// Custom: a word space is one space; the no-break spaces a text needs are a matter of
    /// rule (`NoBreakSpaces`), not of what the source happened to carry. So every U+00A0 —
    /// often left by HTML between ordinary words — becomes a plain space first, as do tabs,
    /// line ends inside a paragraph, and the thin and narrow spaces U+2009 and U+202F, which
    /// PT Serif lacks (fontconfig would draw them from another font, mid-line). A run of
    /// white space becomes the one space it stands for, keeping the first one's offset;
    /// white space at either end is removed. The invisible U+2060 WORD JOINER and U+FEFF,
    /// also missing from PT Serif, are dropped.
    enum Spaces {
        static func apply(to draft: inout Draft) {
            var edits: [Edit] = []
            var i = 0
            while i < draft.count {
                guard !draft.isProtected[i], isCollapsible(draft.scalars[i]) else {
                    i += 1
                    continue
                }
                var end = i
                while end < draft.count, !draft.isProtected[end], isCollapsible(draft.scalars[end]) { end += 1 }
                let hasWhiteSpace = draft.scalars[i..<end].contains { ScalarClass.isWhitespace($0) }
                let atEdge = i == 0 || end == draft.count
                let replacement: [Unicode.Scalar] = hasWhiteSpace && !atEdge ? [" "] : []
                if draft.scalars[i..<end].elementsEqual(replacement) == false {
                    edits.append(Edit(i..<end, replacement))
                }
                i = end
            }
            draft.apply(edits)
        }

        private static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
            ScalarClass.isWhitespace(scalar) || scalar == "\u{2060}" || scalar == "\u{FEFF}"
        }
    }
}
