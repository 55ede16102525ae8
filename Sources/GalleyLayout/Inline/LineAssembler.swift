// Finalize: the chosen breaks turned into line frames of positioned glyph runs.

import GalleyCore
import GalleyText
import GalleyTypography

/// Turns break positions into `SetLine`s.
///
/// Follows TeX's rules for what a break discards: glue and penalties after a break, up to
/// the next box, do not start the next line. Consecutive boxes of one word (pieces between
/// hyphenation points that were not taken) are drawn as one slice of the shaping, so a word
/// stays one run of text for readers and keeps its kerning.
struct LineAssembler {
    let content: InlineItems
    let settings: InlineSettings
    let leading: Double
    let notesBySourceOffset: [(span: SourceSpan, note: Int)]
    let shaper: TextShaper
    /// The paragraph index recorded in each line's `LineInfo`.
    let paragraph: Int

    func assemble(_ breaks: [LineBreak]) -> [SetLine] {
        let items = content.items
        let metrics = (ascent: content.shaped.ascent, descent: content.shaped.descent)
        let baseline = ((leading - (metrics.ascent + metrics.descent)) / 2 + metrics.ascent)
        var lines: [SetLine] = []
        var start = 0
        for (index, lineBreak) in breaks.enumerated() {
            // Skip discardable items at the start of a line (not at the paragraph start,
            // where the indent box is).
            if index > 0 {
                while start < lineBreak.position, !isBox(items[start]) { start += 1 }
            }
            let isLast = index == breaks.count - 1
            let ratio = settings.justify || lineBreak.ratio < 0 ? lineBreak.ratio : 0
            var frame = Frame(size: Size(width: settings.measure, height: leading), role: .line)
            var x = 0.0
            var slice: Range<Int>?
            var sliceX = 0.0
            var gapWidths = 0.0
            var gapNatural = 0.0
            var bytesOnLine: Range<Int>?

            func flushSlice() {
                guard let range = slice else { return }
                let (runs, _) = content.shaped.glyphRuns(in: range, span: content.span(ofBytes: range))
                for run in runs { frame.place(.text(run), at: Point(x: sliceX, y: baseline)) }
                bytesOnLine = bytesOnLine.map { min($0.lowerBound, range.lowerBound)..<max($0.upperBound, range.upperBound) } ?? range
                slice = nil
            }

            var k = start
            while k < lineBreak.position {
                switch items[k] {
                case .box(let width):
                    let range = content.ranges[k]
                    if range.isEmpty {
                        flushSlice()
                    } else if let current = slice, current.upperBound == range.lowerBound {
                        slice = current.lowerBound..<range.upperBound
                    } else {
                        flushSlice()
                        slice = range
                        sliceX = x
                    }
                    x += width
                case .glue(let width, let stretch, let shrink):
                    flushSlice()
                    let set = width + (ratio >= 0 ? ratio * stretch : ratio * shrink)
                    x += set
                    gapWidths += set
                    gapNatural += width
                case .penalty:
                    break
                }
                k += 1
            }
            flushSlice()
            var hyphenated = false
            if case .penalty(let width, _, let flagged) = items[lineBreak.position], flagged {
                hyphenated = true
                if width > 0 {
                    let hyphen = shaper.shape("-", style: settings.style)
                    let (runs, _) = hyphen.glyphRuns(in: 0..<hyphen.utf8.count)
                    for var run in runs {
                        run.span = bytesOnLine.map { content.span(ofBytes: $0.upperBound..<$0.upperBound) }
                        frame.place(.text(run), at: Point(x: x, y: baseline))
                    }
                }
            }
            let span = bytesOnLine.map { content.span(ofBytes: $0) }
            frame.span = span
            let notes = span.map { s in
                notesBySourceOffset.filter { $0.span.start >= s.start && $0.span.start < s.end }.map(\.note)
            } ?? []
            frame.line = LineInfo(
                ratio: lineBreak.ratio, gapRatio: gapNatural > 0 ? gapWidths / gapNatural : 0, isHyphenated: hyphenated,
                isLast: isLast, isJustified: settings.justify && !isLast, paragraph: paragraph,
                isOverfull: x > settings.measure + 0.01)
            lines.append(SetLine(frame: frame, notes: notes, ratio: lineBreak.ratio, isHyphenated: hyphenated, isLast: isLast))
            start = lineBreak.position + 1
        }
        return lines
    }

    private func isBox(_ item: BreakItem) -> Bool {
        if case .box = item { return true }
        return false
    }
}
