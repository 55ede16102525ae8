// Spans no rule may change: URLs, e-mail addresses, directives left in the text.

import GalleyCore

/// Finds the scalar ranges that normalization leaves alone.
enum Protected {
    /// Ranges of URLs (`http://…`, `https://…`, `www.…`), e-mail addresses and `#{…}`/`#<…>`.
    static func ranges(in t: MappedText) -> [Range<Int>] {
        let s = t.scalars
        var ranges: [Range<Int>] = []
        var i = 0
        while i < s.count {
            // Words: maximal runs of non-space scalars.
            guard !s[i].properties.isWhitespace else {
                i += 1
                continue
            }
            var end = i
            while end < s.count, !s[end].properties.isWhitespace { end += 1 }
            let word = String(String.UnicodeScalarView(s[i..<end]))
            if word.contains("://") || word.hasPrefix("www.") || word.contains("#{") || word.contains("#<")
                || (word.contains("@") && word.contains("."))
            {
                ranges.append(i..<end)
            }
            i = end
        }
        return ranges
    }

    static func contains(_ ranges: [Range<Int>], _ index: Int) -> Bool {
        ranges.contains { $0.contains(index) }
    }
}
