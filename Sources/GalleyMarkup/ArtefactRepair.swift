// Repairs the archive's lost paragraph breaks and run-together sentences (conventions.md).

import GalleyCore

/// Counts of the repairs made in one file, reported once per kind as warnings.
struct RepairCounts {
    var doubleSpaceBreaks = 0
    /// Stray `n` made a paragraph break, a space, or removed before punctuation.
    var escapedBreaks = 0
    var escapedSpaces = 0
    var escapedRemoved = 0
    var missingSpaces = 0
    var firstDoubleSpace: SourceSpan?
    var firstEscaped: SourceSpan?
    var firstMissingSpace: SourceSpan?

    func diagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        if doubleSpaceBreaks > 0 {
            out.append(
                .warning(
                    "lost-paragraph-breaks",
                    "\(plural(doubleSpaceBreaks, "lost paragraph break")) (two spaces in a one-line body) restored; --keep-artefacts keeps the text as written",
                    at: firstDoubleSpace))
        }
        let escaped = escapedBreaks + escapedSpaces + escapedRemoved
        if escaped > 0 {
            out.append(
                .warning(
                    "escaped-line-breaks",
                    "\(plural(escaped, "line break")) written as a stray Latin 'n' repaired: \(plural(escapedBreaks, "paragraph break")) (after a sentence's end or a subheading), \(escapedSpaces) made a space inside a sentence, \(escapedRemoved) removed before punctuation; --keep-artefacts keeps the text as written",
                    at: firstEscaped))
        }
        if missingSpaces > 0 {
            out.append(
                .warning(
                    "missing-spaces",
                    "\(plural(missingSpaces, "missing space")) between sentences inserted; --keep-artefacts keeps the text as written",
                    at: firstMissingSpace))
        }
        return out
    }

    private func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// The repairs, applied to one run of text between directives.
enum ArtefactRepair {
    /// Splits `text` into paragraphs at lost breaks and fixes run-together sentences.
    /// The paragraphs come back trimmed, empty ones left out.
    /// - Parameters:
    ///   - doubleSpaces: whether a run of two or more spaces is a paragraph break (only in a
    ///     one-line body, where nothing else could mark one).
    ///   - paragraphs: whether the text may be split at all (false for a headline or a
    ///     footnote: a stray `n` that would open a paragraph there becomes a space).
    static func repair(
        _ text: MappedText, doubleSpaces: Bool, paragraphs allowed: Bool = true, counts: inout RepairCounts,
        dictionary: SpellingDictionary = .shared
    ) -> [MappedText] {
        let s = text.scalars
        var paragraphs: [MappedText] = []
        var current = MappedText()
        func endParagraph() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty { paragraphs.append(trimmed) }
            current = MappedText()
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            // Two or more spaces inside a one-line body: a lost paragraph break.
            if doubleSpaces, c.isHorizontalSpace, let end = lostBreak(s, at: i) {
                counts.doubleSpaceBreaks += 1
                if counts.firstDoubleSpace == nil { counts.firstDoubleSpace = text.span(of: i..<end) }
                endParagraph()
                i = end
                continue
            }
            // A stray `n` (or `nn`): an escaped line break that lost its backslash.
            if c == "n",
                let (kind, end) = EscapedBreak.classify(
                    s, at: i, context: .init(line: current.scalars, paragraphsAllowed: allowed, dictionary: dictionary))
            {
                if counts.firstEscaped == nil { counts.firstEscaped = text.span(of: i..<end) }
                switch kind {
                case .paragraph:
                    counts.escapedBreaks += 1
                    endParagraph()
                case .space:
                    counts.escapedSpaces += 1
                    if current.scalars.last?.isWhitespace == false { current.append(" ", offset: text.offsets[i]) }
                case .removed:
                    counts.escapedRemoved += 1
                }
                i = end
                continue
            }
            // A sentence run into the next (`человека.Ранее`): insert the missing space. Judged
            // on the repaired text, so that `яn.Ранее` is mended in one pass, as a reparse would.
            if c.isCyrillicUpper, runsOnFromSentence(current) {
                counts.missingSpaces += 1
                if counts.firstMissingSpace == nil { counts.firstMissingSpace = text.span(of: i..<(i + 1)) }
                current.append(" ", offset: text.offsets[i])
            }
            current.append(c, offset: text.offsets[i])
            i += 1
        }
        endParagraph()
        return paragraphs
    }

    /// The end of a run of spaces at `i` that is a lost paragraph break: at least two ASCII
    /// spaces (no-break spaces may be mixed in, but a stray no-break space beside an ordinary
    /// one is not a break), with text on both sides.
    private static func lostBreak(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i > 0, !s[i - 1].isWhitespace else { return nil }
        var end = i
        var ascii = 0
        while end < s.count, s[end].isHorizontalSpace {
            if s[end] == " " { ascii += 1 }
            end += 1
        }
        guard ascii >= 2, end < s.count, !s[end].isWhitespace else { return nil }
        return end
    }

    /// Whether `text` ends with a Cyrillic lowercase letter and `.`, `!` or `?`.
    private static func runsOnFromSentence(_ text: MappedText) -> Bool {
        let s = text.scalars
        guard s.count >= 2, let last = s.last else { return false }
        return (last == "." || last == "!" || last == "?") && s[s.count - 2].isCyrillicLower
    }
}
