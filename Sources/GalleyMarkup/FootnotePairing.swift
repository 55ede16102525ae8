// Takes the notes off the end of the body and pairs them with their marks, in order, per mark.

import GalleyCore

/// The body's blocks before repairs: raw text between directives, and the directives.
enum RawBlock {
    case text(MappedText)
    case directive(Directive)
}

/// Finds the notes that end the body, pairs them with the marks in the text, and removes
/// the paired notes from the text. Unpaired marks and notes stay as text, with a warning.
enum FootnotePairing {
    struct Result {
        /// The paired notes, in the order they were written; text not yet repaired.
        var notes: [Footnote]
        /// The paired marks, by the input offset of their first asterisk.
        var references: [Int: FootnoteRef]
    }

    /// A note found at the end of the body.
    private struct Note {
        var block: Int
        var mark: Footnotes.Mark
        /// Scalar range of the whole note in its block, from its mark to the next note.
        var range: Range<Int>
    }

    static func extract(from blocks: inout [RawBlock], log: inout DiagnosticLog) -> Result {
        let notes = findNotes(in: blocks)
        guard !notes.isEmpty else {
            reportMarksWithoutNotes(in: blocks, log: &log)
            return Result(notes: [], references: [:])
        }

        // Marks: everywhere before the first note.
        let regionStart = notes[0]
        var marks: [(block: Int, mark: Footnotes.Mark)] = []
        for b in 0...regionStart.block {
            guard case .text(let text) = blocks[b] else { continue }
            let limit = b == regionStart.block ? regionStart.range.lowerBound : nil
            marks += Footnotes.references(in: text, before: limit).map { (b, $0) }
        }

        // Pair, per mark, in order. Marks inside a word (`a*b`) count only when the notes
        // outnumber the marks at word ends.
        var pairedNote = [Int?](repeating: nil, count: notes.count)  // note → mark index
        for mark in ["*", "**", "***"] {
            let noteIndices = notes.indices.filter { notes[$0].mark.mark == mark }
            let all = marks.indices.filter { marks[$0].mark.mark == mark }
            let atWordEnd = all.filter { marks[$0].mark.endsWord }
            let candidates = noteIndices.count > atWordEnd.count ? all : atWordEnd
            for (n, m) in zip(noteIndices, candidates) { pairedNote[n] = m }
            for m in candidates.dropFirst(noteIndices.count) where marks[m].mark.endsWord {
                reportMarkWithoutNote(marks[m].mark, in: blocks[marks[m].block], log: &log)
            }
        }

        // The footnotes, numbered in the order written; the marks that call them.
        var footnotes: [Footnote] = []
        var references: [Int: FootnoteRef] = [:]
        for (n, note) in notes.enumerated() {
            guard case .text(let text) = blocks[note.block] else { continue }
            guard let m = pairedNote[n] else {
                log.report(
                    .warning(
                        "unpaired-footnote",
                        "footnote note '\(note.mark.mark)' has no mark '\(note.mark.mark)' in the text before it; kept as text",
                        at: text.span(of: note.mark.range)))
                continue
            }
            guard case .text(let markText) = blocks[marks[m].block] else { continue }
            let span = markText.span(of: marks[m].mark.range)
            references[span.start] = FootnoteRef(mark: note.mark.mark, span: span, note: footnotes.count)
            footnotes.append(Footnote(mark: note.mark.mark, text: text[note.mark.range.upperBound..<note.range.upperBound]))
        }

        // Cut the paired notes out of their blocks; unpaired ones stay where they were.
        let removed = Dictionary(grouping: notes.indices.filter { pairedNote[$0] != nil }, by: { notes[$0].block })
        for (b, indices) in removed {
            guard case .text(let text) = blocks[b] else { continue }
            var kept = MappedText()
            var position = 0
            for n in indices.sorted() {
                kept.append(contentsOf: text[position..<notes[n].range.lowerBound])
                position = notes[n].range.upperBound
            }
            kept.append(contentsOf: text[position..<text.count])
            blocks[b] = .text(kept)
        }
        return Result(notes: footnotes, references: references)
    }

    /// The notes at the end of the body: in the last text block from its first note start
    /// on, and in the blocks before it as long as the later one is all notes (one note per
    /// line). Returned in input order.
    private static func findNotes(in blocks: [RawBlock]) -> [Note] {
        var byBlock: [[Note]] = []  // last block first
        var b = blocks.count - 1
        while b >= 0, case .text(let text) = blocks[b] {
            let starts = Footnotes.noteStarts(in: text)
            guard let first = starts.first else { break }
            var inBlock: [Note] = []
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1].range.lowerBound : text.count
                inBlock.append(Note(block: b, mark: start, range: start.range.lowerBound..<end))
            }
            byBlock.append(inBlock)
            let startsBlock = text.scalars[0..<first.range.lowerBound].allSatisfy(\.isWhitespace)
            guard startsBlock else { break }
            b -= 1
        }
        return byBlock.reversed().flatMap { $0 }
    }

    /// With no notes at all, every mark at a word's end is unpaired.
    private static func reportMarksWithoutNotes(in blocks: [RawBlock], log: inout DiagnosticLog) {
        for block in blocks {
            guard case .text(let text) = block else { continue }
            for mark in Footnotes.references(in: text) where mark.endsWord {
                reportMarkWithoutNote(mark, in: block, log: &log)
            }
        }
    }

    private static func reportMarkWithoutNote(_ mark: Footnotes.Mark, in block: RawBlock, log: inout DiagnosticLog) {
        guard case .text(let text) = block else { return }
        log.report(
            .warning(
                "unpaired-footnote",
                "footnote mark '\(mark.mark)' has no note at the end of the body; kept as text (a note is written last, as '\(mark.mark) text')",
                at: text.span(of: mark.range)))
    }
}
