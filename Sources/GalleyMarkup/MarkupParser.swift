// Text → document tree + diagnostics. Never fails; no input text is dropped.

import GalleyCore

/// Options of the parser.
public struct ParseOptions: Sendable {
    /// Keep the archive's artefacts as written: no lost-break or missing-space repairs.
    public var keepArtefacts = false
    /// Force the document's language (`ru`, `en`) instead of detecting it.
    public var language: String?
    public init() {}
}

/// Parses article markup (docs/markup.md) into a `Document`.
///
/// The parser never fails: whatever the input, it returns a document, and what it noticed
/// (malformed directives, repaired breaks, unpaired footnotes) as diagnostics with spans.
/// Every loop consumes at least one scalar; there is no recursion, so no input is too deep.
public struct MarkupParser: Sendable {
    public var options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) {
        self.options = options
    }

    public func parse(_ text: String) -> ParseResult {
        var diagnostics: [Diagnostic] = []
        let all = MappedText(text)
        let split = HeadlineSplitter.split(all)
        diagnostics += split.diagnostics
        let (rawParagraphs, isSingleLine) = BodyLines.paragraphs(of: split.body)

        // Notes at the end of the body: found before anything else cuts the text.
        var bodyParagraphs = rawParagraphs
        let allReferences = rawParagraphs.flatMap { p in Footnotes.references(in: p).map { (p, $0) } }
        var notes = extractNotes(from: &bodyParagraphs, references: allReferences.map(\.1.mark), diagnostics: &diagnostics)

        var blocks: [Block] = []
        var counts = RepairCounts()
        for raw in bodyParagraphs {
            for segment in DirectiveScanner.segments(of: raw, diagnostics: &diagnostics) {
                switch segment {
                case .directive(let directive):
                    blocks.append(.directive(directive))
                case .text(let text):
                    let pieces =
                        options.keepArtefacts
                        ? [text]
                        : ArtefactRepair.repair(text, doubleSpaces: isSingleLine, counts: &counts)
                    for piece in pieces {
                        let trimmed = piece.trimmingWhitespace()
                        if !trimmed.isEmpty { blocks.append(.paragraph(Paragraph(text: trimmed))) }
                    }
                }
            }
        }
        diagnostics += counts.diagnostics()
        pairFootnotes(blocks: &blocks, notes: &notes, diagnostics: &diagnostics)

        let language = options.language ?? Self.detectLanguage(split.headline, blocks)
        let document = Document(
            headline: split.headline.flatMap { $0.isEmpty ? nil : $0 }, blocks: blocks,
            footnotes: notes.map { Footnote(mark: $0.mark, text: $0.text) }, language: language)
        return ParseResult(document: document, diagnostics: diagnostics)
    }

    private struct PendingNote {
        var mark: String
        var text: MappedText
        var markSpan: SourceSpan
    }

    /// Removes the notes that end the body from the last paragraphs and returns them.
    /// A candidate note is taken only when a reference with the same mark exists in the text.
    private func extractNotes(
        from paragraphs: inout [MappedText], references: [String], diagnostics: inout [Diagnostic]
    ) -> [PendingNote] {
        guard !references.isEmpty else { return [] }
        var notes: [PendingNote] = []
        var available = references
        while let last = paragraphs.last {
            let starts = Footnotes.noteStarts(in: last)
            // The notes region of this paragraph starts at the first note start whose mark
            // has a reference left; everything after it is notes.
            guard let first = starts.firstIndex(where: { available.contains($0.mark) }) else { break }
            let region = starts[first...]
            var found: [PendingNote] = []
            let boundaries = Array(region.map(\.range.lowerBound)) + [last.count]
            for (k, start) in region.enumerated() {
                let body = last[start.range.upperBound..<boundaries[k + 1]].trimmingWhitespace()
                found.append(PendingNote(mark: start.mark, text: body, markSpan: last.span(of: start.range)))
            }
            for note in found {
                if let index = available.firstIndex(of: note.mark) { available.remove(at: index) }
            }
            notes.insert(contentsOf: found, at: 0)
            let head = last[0..<region.first!.range.lowerBound]
            paragraphs.removeLast()
            if !head.trimmingWhitespace().isEmpty {
                paragraphs.append(head)
                break
            }
        }
        return notes
    }

    /// Pairs references with notes in order, per mark. Unpaired ones stay as text (a note
    /// without a reference becomes a paragraph again) with a warning.
    private func pairFootnotes(blocks: inout [Block], notes: inout [PendingNote], diagnostics: inout [Diagnostic]) {
        var used = Set<Int>()
        for b in blocks.indices {
            guard case .paragraph(var paragraph) = blocks[b] else { continue }
            for reference in Footnotes.references(in: paragraph.text) {
                let span = paragraph.text.span(of: reference.range)
                let trailing = reference.range.upperBound >= paragraph.text.count
                    || !paragraph.text.scalars[reference.range.upperBound].properties.isAlphabetic
                if let n = notes.indices.first(where: { !used.contains($0) && notes[$0].mark == reference.mark }) {
                    used.insert(n)
                    paragraph.footnoteRefs.append(FootnoteRef(mark: reference.mark, span: span, note: n))
                } else if trailing && !notes.isEmpty {
                    diagnostics.append(
                        .warning("unpaired-footnote", "footnote mark '\(reference.mark)' has no note at the end of the body; kept as text", at: span))
                }
            }
            blocks[b] = .paragraph(paragraph)
        }
        // Notes nobody refers to go back into the text, at the end.
        var kept: [PendingNote] = []
        var renumber: [Int: Int] = [:]
        for (n, note) in notes.enumerated() {
            if used.contains(n) {
                renumber[n] = kept.count
                kept.append(note)
            } else {
                diagnostics.append(
                    .warning("unpaired-footnote", "footnote note '\(note.mark)' has no mark in the text; kept as a paragraph", at: note.markSpan))
                var text = MappedText()
                for scalar in note.mark.unicodeScalars { text.append(scalar, offset: note.markSpan.start) }
                text.append(" ", offset: note.markSpan.end)
                text.append(contentsOf: note.text)
                blocks.append(.paragraph(Paragraph(text: text)))
            }
        }
        if kept.count != notes.count {
            for b in blocks.indices {
                guard case .paragraph(var paragraph) = blocks[b] else { continue }
                paragraph.footnoteRefs = paragraph.footnoteRefs.map { ref in
                    var r = ref
                    r.note = renumber[ref.note] ?? ref.note
                    return r
                }
                blocks[b] = .paragraph(paragraph)
            }
        }
        notes = kept
    }

    /// `ru` when Cyrillic letters are the majority, else `en`.
    static func detectLanguage(_ headline: MappedText?, _ blocks: [Block]) -> String {
        var cyrillic = 0
        var latin = 0
        func count(_ text: MappedText) {
            for s in text.scalars {
                if s.isCyrillicLetter { cyrillic += 1 } else if s.isLatinLetter { latin += 1 }
            }
        }
        if let headline { count(headline) }
        for case .paragraph(let p) in blocks { count(p.text) }
        return cyrillic > latin ? "ru" : "en"
    }
}
