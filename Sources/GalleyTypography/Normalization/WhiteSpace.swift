// Runs of white space → one space; stray no-break spaces → plain spaces.

import GalleyCore

/// Collapses white space. Every U+00A0 becomes a plain space first: the no-break spaces
/// the text needs are put back by `NoBreakSpaces`, by rule, and the ones HTML left behind
/// (between ordinary words) disappear.
enum WhiteSpace {
    static func collapse(_ t: inout MappedText) {
        var out = MappedText()
        var previousWasSpace = false
        for (scalar, offset) in zip(t.scalars, t.offsets) {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" {
                if !previousWasSpace { out.append(" ", offset: offset) }
                previousWasSpace = true
            } else {
                out.append(scalar, offset: offset)
                previousWasSpace = false
            }
        }
        t = MappedText(scalars: out.scalars, offsets: out.offsets, endOffset: t.endOffset)
    }
}

/// `...` (three or more periods) → `…`, outside protected spans.
enum Ellipsis {
    static func apply(_ t: inout MappedText) {
        let protected = Protected.ranges(in: t)
        let s = t.scalars
        var out = MappedText()
        var i = 0
        while i < s.count {
            if s[i] == ".", i + 2 < s.count, s[i + 1] == ".", s[i + 2] == ".", !Protected.contains(protected, i) {
                out.append("…", offset: t.offsets[i])
                i += 3
                while i < s.count, s[i] == "." { i += 1 }
                continue
            }
            out.append(s[i], offset: t.offsets[i])
            i += 1
        }
        t = MappedText(scalars: out.scalars, offsets: out.offsets, endOffset: t.endOffset)
    }
}
