// Text → document tree + diagnostics. Never fails; no input text is dropped.

import GalleyCore

/// Options of the parser.
public struct ParseOptions: Sendable, Hashable {
    /// Keep the archive's artefacts as written: no lost-break or missing-space repairs.
    public var keepArtefacts: Bool
    /// Force the document's language (`ru`, `en`) instead of detecting it.
    public var language: String?

    public init(keepArtefacts: Bool = false, language: String? = nil) {
        self.keepArtefacts = keepArtefacts
        self.language = language
    }
}

/// Parses article markup (docs/markup.md) into a `Document`.
///
/// The parser never fails: whatever the input, it returns a document, and what it noticed
/// (malformed directives, repaired breaks, unpaired footnotes) as diagnostics with spans.
/// Every loop consumes at least one scalar and there is no recursion, so no input is too
/// deep; every step is one pass over the text, so time grows linearly with the input.
///
/// The steps, in order: headline → body lines → directives → footnotes → repairs.
public struct MarkupParser: Sendable {
    public var options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) {
        self.options = options
    }

    public func parse(_ text: String) -> ParseResult {
        var log = DiagnosticLog()
        let input = MappedText(text)
        let split = HeadlineSplitter.split(input)
        log.report(contentsOf: split.diagnostics)
        log.report(contentsOf: DirectionalOverrides.diagnostics(in: input))
        let lines = BodyLines.paragraphs(of: split.body)

        var raw: [RawBlock] = []
        for paragraph in lines.paragraphs {
            for segment in DirectiveScanner.segments(of: paragraph, log: &log) {
                switch segment {
                case .text(let text): raw.append(.text(text))
                case .directive(let directive): raw.append(.directive(directive))
                }
            }
        }
        let footnotes = FootnotePairing.extract(from: &raw, log: &log)

        // Lost paragraph breaks are looked for only in an archive dump's one-line body, not
        // in a body written after a blank line (as `galley normalize` prints one).
        let doubleSpaces = lines.isSingleLine && !split.bodyFollowsBlankLine
        var counts = RepairCounts()
        var blocks: [Block] = []
        for block in raw {
            switch block {
            case .directive(let directive):
                blocks.append(.directive(directive))
            case .text(let text):
                for piece in repaired(text, doubleSpaces: doubleSpaces, counts: &counts) {
                    blocks.append(.paragraph(Paragraph(text: piece, footnoteRefs: references(in: piece, footnotes.references))))
                }
            }
        }
        let notes = footnotes.notes.map { note in
            Footnote(mark: note.mark, text: joined(repaired(note.text, doubleSpaces: false, paragraphs: false, counts: &counts)))
        }
        // The headline has stray `n` too (`компаниейnBuy Liken`); it stays one line.
        let headline = split.headline.flatMap { $0.isEmpty ? nil : joined(repaired($0, doubleSpaces: false, paragraphs: false, counts: &counts)) }
            .flatMap { $0.isEmpty ? nil : $0 }
        log.report(contentsOf: counts.diagnostics())

        let language = options.language ?? LanguageDetector.language(of: [headline].compactMap { $0 } + blocks.compactMap(\.text) + notes.map(\.text))
        let document = LanguageDetector.recordingLanguages(
            in: Document(headline: headline, blocks: blocks, footnotes: notes, language: language), forced: options.language)
        if document.headline == nil && document.blocks.isEmpty && document.footnotes.isEmpty {
            // An empty article renders as a blank page: a report reader should see why.
            log.report(.warning("empty-input", "the input holds no text; its page is blank"))
        }
        return ParseResult(document: document, diagnostics: log.finished())
    }

    /// The paragraphs of one run of text: repaired, or only trimmed with `keepArtefacts`.
    private func repaired(
        _ text: MappedText, doubleSpaces: Bool, paragraphs: Bool = true, counts: inout RepairCounts
    ) -> [MappedText] {
        if options.keepArtefacts {
            let trimmed = text.trimmingWhitespace()
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return ArtefactRepair.repair(text, doubleSpaces: doubleSpaces, paragraphs: paragraphs, counts: &counts)
    }

    /// Pieces of one footnote joined by single spaces: a note is one paragraph.
    private func joined(_ pieces: [MappedText]) -> MappedText {
        var text = MappedText()
        for piece in pieces {
            if !text.isEmpty, let first = piece.offsets.first { text.append(" ", offset: first) }
            text.append(contentsOf: piece)
        }
        return text
    }

    /// The paired marks whose first asterisk is in `text`, in order.
    private func references(in text: MappedText, _ references: [Int: FootnoteRef]) -> [FootnoteRef] {
        guard !references.isEmpty else { return [] }
        var found: [FootnoteRef] = []
        var i = 0
        while i < text.count {
            if text.scalars[i] == "*", let reference = references[text.offsets[i]] {
                found.append(reference)
                i += reference.mark.unicodeScalars.count
            } else {
                i += 1
            }
        }
        return found
    }
}

extension Block {
    /// The paragraph's text; nil for a directive.
    var text: MappedText? {
        if case .paragraph(let paragraph) = self { paragraph.text } else { nil }
    }
}
