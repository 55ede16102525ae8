// Repairs the archive's lost paragraph breaks and run-together sentences (conventions.md).

import GalleyCore

/// Counts of the repairs made in one file, reported once each as warnings.
struct RepairCounts {
    var doubleSpaceBreaks = 0
    var escapedBreaks = 0
    var escapedSoftBreaks = 0
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
                    "\(doubleSpaceBreaks) lost paragraph break\(doubleSpaceBreaks == 1 ? "" : "s") (two spaces in a one-line body) restored; --keep-artefacts keeps the text as written",
                    at: firstDoubleSpace))
        }
        if escapedBreaks + escapedSoftBreaks > 0 {
            out.append(
                .warning(
                    "escaped-line-breaks",
                    "\(escapedBreaks + escapedSoftBreaks) line break\(escapedBreaks + escapedSoftBreaks == 1 ? "" : "s") lost as a stray Latin 'n' repaired (\(escapedBreaks) paragraph break\(escapedBreaks == 1 ? "" : "s"), \(escapedSoftBreaks) within a paragraph); --keep-artefacts keeps the text as written",
                    at: firstEscaped))
        }
        if missingSpaces > 0 {
            out.append(
                .warning(
                    "missing-spaces",
                    "\(missingSpaces) missing space\(missingSpaces == 1 ? "" : "s") after a sentence inserted; --keep-artefacts keeps the text as written",
                    at: firstMissingSpace))
        }
        return out
    }
}

/// The repairs, applied to one run of text between directives.
enum ArtefactRepair {
    /// Splits `text` into paragraphs at lost breaks and fixes run-together sentences.
    /// - Parameter doubleSpaces: whether a run of two or more spaces is a paragraph break
    ///   (only in a one-line body, where nothing else could mark one).
    static func repair(_ text: MappedText, doubleSpaces: Bool, counts: inout RepairCounts) -> [MappedText] {
        let s = text.scalars
        var paragraphs: [MappedText] = []
        var current = MappedText()
        func endParagraph() {
            if !current.trimmingWhitespace().isEmpty { paragraphs.append(current) }
            current = MappedText()
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            // Two or more ASCII spaces: a lost paragraph break.
            if doubleSpaces, c == " ", i + 1 < s.count, s[i + 1] == " ", i > 0 {
                var end = i
                while end < s.count, s[end].isHorizontalSpace { end += 1 }
                if end < s.count {
                    counts.doubleSpaceBreaks += 1
                    if counts.firstDoubleSpace == nil { counts.firstDoubleSpace = text.span(of: i..<end) }
                    endParagraph()
                    i = end
                    continue
                }
            }
            // A stray `n` (or `nn`): an escaped line break that lost its backslash.
            if c == "n", let (kind, end) = escapedBreak(s, at: i) {
                if counts.firstEscaped == nil { counts.firstEscaped = text.span(of: i..<end) }
                switch kind {
                case .paragraph:
                    counts.escapedBreaks += 1
                    endParagraph()
                case .space:
                    counts.escapedSoftBreaks += 1
                    current.append(" ", offset: text.offsets[i])
                case .nothing:
                    counts.escapedSoftBreaks += 1
                }
                i = end
                continue
            }
            current.append(c, offset: text.offsets[i])
            // A sentence run into the next (`человека.Ранее`): insert the missing space.
            if (c == "." || c == "!" || c == "?"), i > 0, i + 1 < s.count, s[i - 1].isCyrillicLower || s[i - 1] == "»",
                s[i + 1].isCyrillicUpper
            {
                counts.missingSpaces += 1
                if counts.firstMissingSpace == nil { counts.firstMissingSpace = text.span(of: i..<(i + 1)) }
                current.append(" ", offset: text.offsets[i + 1])
            }
            i += 1
        }
        endParagraph()
        return paragraphs
    }

    enum EscapedBreak { case paragraph, space, nothing }

    /// Whether the `n` at `i` is an escape artefact, what it stood for, and where it ends.
    ///
    /// A Latin `n` is never part of a Russian word, so an `n` after a Cyrillic letter or a
    /// sentence's closing punctuation is a `\n` that lost its backslash. It was a paragraph
    /// break when a new sentence starts after it (a capital, an opening quote or a dash),
    /// a line break inside a paragraph otherwise. After a Latin letter or a digit it may be
    /// real text (`Putin`, `10n`) and is never touched.
    static func escapedBreak(_ s: [Unicode.Scalar], at i: Int) -> (EscapedBreak, Int)? {
        guard i > 0 else { return nil }
        let previous = s[i - 1]
        var end = i + 1
        if end < s.count, s[end] == "n" { end += 1 }
        guard end < s.count else { return nil }
        let next = s[end]
        if previous.isLatinLetter || previous.isDigit || previous == "n" { return nil }
        let sentenceEnd: Set<Unicode.Scalar> = [".", "!", "?", "…", ":", "»", "\"", "”", ")"]
        let opening: Set<Unicode.Scalar> = ["«", "„", "\"", "“", "—", "–", "("]
        let startsSentence = next.isCyrillicUpper || (opening.contains(next) && next != "(")
        if startsSentence && (sentenceEnd.contains(previous) || (previous.isCyrillicLower && next.isCyrillicUpper)) {
            return (.paragraph, end)
        }
        // After a comma or a closing quote, before a Cyrillic word: a line break mid-sentence
        // (`»,nзаявил`).
        if [",", ";", "»", ")", "\""].contains(previous), next.isCyrillicLetter { return (.space, end) }
        guard previous.isCyrillicLetter else { return nil }
        if next.isCyrillicLetter || next.isLatinUpper || next.isDigit || opening.contains(next) {
            return (.space, end)
        }
        if [",", ".", ";", ":", ")", "!", "?", "»"].contains(next) {
            return (.nothing, end)
        }
        return nil
    }
}
