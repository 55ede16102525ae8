// Spans no rule may change: URLs, e-mail addresses, bare domains and directives left in text.

import GalleyCore

extension Normalization {
    /// Finds what normalization must leave exactly as written.
    ///
    /// - A directive left in the text, `#{…}` or `#<…>`, from `#` to its closing bracket
    ///   (spaces inside included), or to the end of the word when it has none before a line
    ///   end, another directive or 1,000 characters.
    /// - A URL starting with `http://`, `https://`, `ftp://` or `www.` at the start of a word,
    ///   up to white space or a guillemet, curly quote or angle bracket. Punctuation that ends
    ///   the sentence is not part of it: trailing `.,;:!?…*`, and a trailing `)`, `]`, `"` or
    ///   `'` that has no partner inside the URL.
    /// - An e-mail address: `local@domain.tld` in ASCII (the domain may be Cyrillic).
    /// - A bare domain (`ria.ru`, `kremlin.ru/events`, `президент.рф`): ASCII labels joined by
    ///   dots, the last one 2 to 24 letters, or `рф`; so `e.g.`, `U.S.` and `т.е.` are not.
    enum ProtectedSpans {
        static func mask(of s: [Unicode.Scalar]) -> [Bool] {
            var mask = [Bool](repeating: false, count: s.count)
            func mark(_ range: Range<Int>) { for k in range { mask[k] = true } }
            var i = 0
            while i < s.count {
                if let end = directiveEnd(s, from: i) ?? urlEnd(s, from: i) {
                    mark(i..<end)
                    i = end
                } else {
                    i += 1
                }
            }
            for at in s.indices where s[at] == "@" && !mask[at] {
                if let range = email(s, at: at) { mark(range) }
            }
            var start = 0
            while start < s.count {
                var end = start
                while end < s.count, !ScalarClass.isWhitespace(s[end]) { end += 1 }
                if end > start, !mask[start..<end].contains(true), let range = bareDomain(s, in: start..<end) {
                    mark(range)
                }
                start = end + 1
            }
            return mask
        }

        private static func directiveEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
            guard s[i] == "#", i + 1 < s.count, s[i + 1] == "{" || s[i + 1] == "<" else { return nil }
            let closer: Unicode.Scalar = s[i + 1] == "{" ? "}" : ">"
            // The closer must come before a line end or another directive, and within a
            // caption's length: an unclosed `#{` must not protect the rest of the paragraph.
            var close = i + 2
            while close < s.count, close - i <= maxDirectiveLength, s[close] != closer, s[close] != "\n",
                !(s[close] == "#" && close + 1 < s.count && (s[close + 1] == "{" || s[close + 1] == "<"))
            {
                close += 1
            }
            if close < s.count, s[close] == closer { return close + 1 }
            var end = i + 2
            while end < s.count, !ScalarClass.isWhitespace(s[end]) { end += 1 }
            return end
        }

        /// Longer than any directive the archive holds (the longest captions run to a few
        /// hundred characters); past it, an unclosed `#{` protects only its own word.
        private static let maxDirectiveLength = 1000

        private static let urlStarts = ["http://", "https://", "ftp://", "www."].map { Array($0.unicodeScalars) }
        private static let urlStops: Set<Unicode.Scalar> = ["«", "»", "„", "“", "”", "<", ">"]
        private static let trailingPunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "…", "*"]

        private static func urlEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
            if i > 0, s[i - 1].isWordLetter || s[i - 1].isNumeral { return nil }
            let starts = urlStarts.contains { prefix in
                i + prefix.count <= s.count
                    && zip(prefix, s[i..<(i + prefix.count)]).allSatisfy { $0 == lowercased($1) }
            }
            guard starts else { return nil }
            var end = i
            while end < s.count, !ScalarClass.isWhitespace(s[end]), !urlStops.contains(s[end]) { end += 1 }
            return trimmingTrailingPunctuation(s, i..<end).upperBound
        }

        /// Drops sentence punctuation from the end of a URL or domain, and closing brackets or
        /// quotes that have no partner inside it.
        private static func trimmingTrailingPunctuation(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
            var end = range.upperBound
            func count(_ c: Unicode.Scalar) -> Int { s[range.lowerBound..<end].filter { $0 == c }.count }
            while end > range.lowerBound {
                let last = s[end - 1]
                let unpaired: Bool
                switch last {
                case ")": unpaired = count("(") < count(")")
                case "]": unpaired = count("[") < count("]")
                case "\"", "'": unpaired = count(last) % 2 == 1
                default: unpaired = trailingPunctuation.contains(last)
                }
                guard unpaired else { break }
                end -= 1
            }
            return range.lowerBound..<end
        }

        private static func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
        }

        private static func isEmailLocal(_ c: Unicode.Scalar) -> Bool {
            c.isBasicLatinLetter || c.isNumeral || [".", "_", "%", "+", "-"].contains(c)
        }

        private static func isDomainCharacter(_ c: Unicode.Scalar) -> Bool {
            c.isBasicLatinLetter || c.isNumeral || c == "." || c == "-" || (0x0430...0x044F).contains(c.value)
                || (0x0410...0x042F).contains(c.value)
        }

        private static func email(_ s: [Unicode.Scalar], at: Int) -> Range<Int>? {
            var lo = at
            while lo > 0, isEmailLocal(s[lo - 1]) { lo -= 1 }
            var hi = at + 1
            while hi < s.count, isDomainCharacter(s[hi]) { hi += 1 }
            while hi > at + 1, s[hi - 1] == "." || s[hi - 1] == "-" { hi -= 1 }
            guard lo < at, let dot = s[(at + 1)..<hi].lastIndex(of: "."), dot + 1 < hi, dot > at + 1 else { return nil }
            return lo..<hi
        }

        /// A bare domain at the start of the word `word` (after opening punctuation), with an
        /// optional path.
        private static func bareDomain(_ s: [Unicode.Scalar], in word: Range<Int>) -> Range<Int>? {
            var lo = word.lowerBound
            while lo < word.upperBound, Normalization.openingPunctuation.contains(s[lo]) { lo += 1 }
            var hi = lo
            while hi < word.upperBound, isDomainCharacter(s[hi]) { hi += 1 }
            let host = trimmingTrailingPunctuation(s, lo..<hi)
            let labels = s[host].split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != "-" }), let last = labels.last
            else { return nil }
            let isCyrillicTLD = String(scalars: last).lowercased() == "рф"
            let isLatinTLD = (2...24).contains(last.count) && last.allSatisfy(\.isBasicLatinLetter)
            guard isLatinTLD || isCyrillicTLD else { return nil }
            // Before `рф` the labels may be Cyrillic; before a Latin TLD they must be ASCII.
            if isLatinTLD, !s[host].allSatisfy({ $0.isASCII }) { return nil }
            guard host.upperBound < word.upperBound, s[host.upperBound] == "/" else { return host }
            var end = host.upperBound
            while end < word.upperBound, !urlStops.contains(s[end]) { end += 1 }
            return trimmingTrailingPunctuation(s, host.lowerBound..<end)
        }
    }
}
