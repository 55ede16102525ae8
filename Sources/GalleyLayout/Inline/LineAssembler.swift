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
    /// The role of every line (a body line's footnote marks are filled in per line).
    let role: Role

    func assemble(_ breaks: [LineBreak]) -> [SetLine] {
        let items = content.items
        let metrics = (ascent: content.shaped.ascent, descent: content.shaped.descent)
        let baseline = ((leading - (metrics.ascent + metrics.descent)) / 2 + metrics.ascent)
        var lines: [SetLine] = []
        var start = 0
        var previousScale: Double?
        for (index, lineBreak) in breaks.enumerated() {
            // Skip discardable items at the start of a line (not at the paragraph start,
            // where the indent box is).
            if index > 0 {
                while start < lineBreak.position, !isBox(items[start]) { start += 1 }
            }
            let isLast = index == breaks.count - 1
            // A first character that protrudes starts the line left of the text edge.
            let hang = start < content.leftHang.count && start < lineBreak.position ? content.leftHang[start] : 0
            let (scale, ratio, tracking) = setting(
                items[start..<lineBreak.position], breakItem: items[lineBreak.position], breakRatio: lineBreak.ratio,
                room: settings.measure + hang, previousScale: previousScale)
            previousScale = scale
            var frame = Frame(size: Size(width: settings.measure, height: leading))
            var x = -hang
            var slice: Range<Int>?
            var sliceX = 0.0
            var gapWidths = 0.0
            var gapNatural = 0.0
            // Where each word went: its frame items, position, width, direction.
            var placements: [(items: Range<Int>, x: Double, width: Double, rightToLeft: Bool)] = []
            var bytesOnLine: Range<Int>?

            func flushSlice() {
                guard let range = slice else { return }
                let (runs, sliceWidth) = content.shaped.glyphRuns(
                    in: range, span: content.span(ofBytes: range), scale: scale, tracking: tracking)
                let first = frame.items.count
                for run in runs {
                    frame.place(.text(run), at: Point(x: sliceX, y: baseline))
                }
                let rightToLeft = !runs.isEmpty && runs.allSatisfy(\.isBackward)
                placements.append((first..<frame.items.count, sliceX, sliceWidth, rightToLeft))
                bytesOnLine = bytesOnLine.map { min($0.lowerBound, range.lowerBound)..<max($0.upperBound, range.upperBound) } ?? range
                slice = nil
            }

            var k = start
            while k < lineBreak.position {
                switch items[k] {
                case .box(let natural, let stretch, _):
                    let range = content.ranges[k]
                    var width = stretch > 0 ? natural * scale : natural
                    if tracking != 0 { width += Double(content.letters[k]) * tracking }
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
                    if let wordEnd = placements.last?.items.upperBound, wordEnd == frame.items.count {
                        attachWordSpace(content.ranges[k], after: wordEnd - 1, at: x, scale: scale, in: &frame)
                    }
                    let set = width + (ratio >= 0 ? ratio * stretch : ratio * shrink)
                    x += set
                    // A fixed narrow space (`№ 5`) is no word space: it does not count in the ratio.
                    if stretch > 0 || shrink > 0 {
                        // The gap a reader measures: the glue and the letter-spacing that
                        // follows the word's last cluster (`ShapedText.glyphRuns`).
                        let trailingTracking = tracking != 0 && k > start && content.letters[k - 1] > 0 ? tracking : 0
                        gapWidths += set + trailingTracking
                        gapNatural += width
                    }
                case .penalty:
                    break
                }
                k += 1
            }
            flushSlice()
            Self.reorderRightToLeft(&frame, placements)
            var hyphenated = false
            if case .penalty(let width, _, let flagged) = items[lineBreak.position], flagged {
                hyphenated = true
                if width > 0 {
                    let hyphen = shaper.shape("-", style: settings.style)
                    let (runs, _) = hyphen.glyphRuns(in: 0..<hyphen.utf8.count, scale: scale)
                    for var run in runs {
                        run.span = bytesOnLine.map { content.span(ofBytes: $0.upperBound..<$0.upperBound) }
                        frame.place(.text(run), at: Point(x: x, y: baseline))
                    }
                }
            }
            // Where the line was meant to end: the measure, plus the protrusion its last
            // character was granted (a break penalty's width is minus that hang; a hyphen's
            // is the part of the hyphen that does not hang).
            var breakWidth = 0.0
            if case .penalty(let w, _, _) = items[lineBreak.position] { breakWidth = w }
            let span = bytesOnLine.map { content.span(ofBytes: $0) }
            frame.span = span
            let notes = span.map { s in
                notesBySourceOffset.filter { $0.span.start >= s.start && $0.span.start < s.end }.map(\.note)
            } ?? []
            if case .bodyLine(let paragraph, _) = role {
                frame.role = .bodyLine(paragraph: paragraph, footnoteMarks: notes)
            } else {
                frame.role = role
            }
            frame.line = LineInfo(
                ratio: lineBreak.ratio, gapRatio: gapNatural > 0 ? gapWidths / gapNatural : 0, isHyphenated: hyphenated,
                isLast: isLast, isJustified: settings.justify && !isLast,
                isOverfull: x + breakWidth > settings.measure + 0.01)
            lines.append(SetLine(frame: frame, notes: notes, ratio: lineBreak.ratio, isHyphenated: hyphenated, isLast: isLast))
            start = lineBreak.position + 1
        }
        return lines
    }

    /// Gives the run at `index` the word space that follows it (`WordSpace`): the glyph the
    /// paragraph's shaping has for the space character at `bytes`, at pen position `x` on the
    /// line. Only where the space is in the run's own font and the run reads left to right
    /// (elsewhere the gap alone separates the words, as before).
    private func attachWordSpace(_ bytes: Range<Int>, after index: Int, at x: Double, scale: Double, in frame: inout Frame) {
        guard !bytes.isEmpty, case .text(var run) = frame.items[index].item, !run.isBackward else { return }
        let (runs, _) = content.shaped.glyphRuns(in: bytes, scale: scale)
        guard runs.count == 1, let space = runs[0].glyphs.first, runs[0].font == run.font else { return }
        let origin = frame.items[index].position.x
        run.wordSpace = WordSpace(glyph: Glyph(id: space.id, x: x - origin, y: 0), text: runs[0].text)
        frame.items[index].item = .text(run)
    }

    /// The glyph scale (font expansion) and the glue's adjustment ratio for one line.
    ///
    /// The breaker's ratio r covers glue and expansion together. The expansion it implies,
    /// r × the expansion limit, is rounded to the template's step (so a PDF holds few widths)
    /// and kept within `expansionJump` of the line above while the glue can take the
    /// difference without going looser than `smoothingGlueLimit`; the glue then takes up exactly what is left, so the line still ends at
    /// `room` (the measure plus the line's left protrusion).
    /// The loosest glue ratio (word spaces at 1 + 0.5 × 1/3 ≈ 1.17 of their natural width)
    /// that smoothing the expansion between adjacent lines may cause: smoothing must not cost
    /// more evenness of word spaces than it gains in evenness of type colour.
    static let smoothingGlueLimit = 0.5

    private func setting(
        _ line: ArraySlice<BreakItem>, breakItem: BreakItem, breakRatio: Double, room: Double, previousScale: Double?
    ) -> (scale: Double, ratio: Double, tracking: Double) {
        guard settings.justify || breakRatio < 0 else { return (1, 0, 0) }
        var fixed = 0.0
        var expandable = 0.0
        var glue = 0.0
        var stretch = 0.0
        var shrink = 0.0
        for item in line {
            switch item {
            case .box(let w, let y, _): if y > 0 { expandable += w } else { fixed += w }
            case .glue(let w, let y, let z):
                glue += w
                stretch += y
                shrink += z
            case .penalty: break
            }
        }
        if case .penalty(let w, _, _) = breakItem { fixed += w }
        let microtype = settings.microtype
        func glueRatio(_ scale: Double, added: Double = 0) -> Double {
            let slack = room - fixed - expandable * scale - glue - added
            if slack >= 0 { return stretch > 0 ? slack / stretch : 0 }
            return shrink > 0 ? slack / shrink : -.infinity
        }
        var scale = 1.0
        if expandable > 0, breakRatio.isFinite, settings.justify {
            let limit = breakRatio >= 0 ? microtype.expansionStretch : microtype.expansionShrink
            let wanted = max(-microtype.expansionShrink, min(microtype.expansionStretch, breakRatio * limit))
            let step = microtype.expansionStep > 0 ? microtype.expansionStep : 0.005
            scale = 1 + (wanted / step).rounded() * step
            // Rounding may leave the glue more to take than it can: narrow the glyphs as far as
            // the breaker counted on (it priced the line with the full expansion shrink).
            if glueRatio(scale) < -1 { scale = 1 - microtype.expansionShrink }
            if let previous = previousScale, abs(scale - previous) > microtype.expansionJump + 1e-9 {
                let nearer = previous + (scale > previous ? 1 : -1) * microtype.expansionJump
                let ratio = glueRatio(nearer)
                if ratio >= -1 && ratio <= max(Self.smoothingGlueLimit, glueRatio(scale)) { scale = nearer }
            }
        }
        // Letter-spacing, the last resort: only what the word spaces would take beyond the
        // threshold, and no more than the template allows.
        var tracking = 0.0
        let loosest = Microtype.trackingThreshold
        if settings.justify, microtype.tracking > 0, glueRatio(scale) > loosest, stretch > 0 {
            let letters = lineLetters(line)
            if letters > 0 {
                let excess = (glueRatio(scale) - loosest) * stretch
                tracking = min(microtype.tracking * settings.style.size, excess / Double(letters))
                return (scale, glueRatio(scale, added: tracking * Double(letters)), tracking)
            }
        }
        // Tightening, its mirror: a line the breaker filled past what its word spaces can
        // shrink for takes the rest from between its letters.
        let tightest = Microtype.tighteningThreshold
        if settings.justify, microtype.trackingShrink > 0, glueRatio(scale) < tightest, shrink > 0 {
            let letters = lineLetters(line)
            if letters > 0 {
                let most = -microtype.trackingShrink * settings.style.size
                func tightened(_ scale: Double) -> Double { max(most, (glueRatio(scale) - tightest) * shrink / Double(letters)) }
                // The breaker counted on all of the expansion's shrink: take it when the rounded
                // expansion would leave the line too full.
                if glueRatio(scale, added: tightened(scale) * Double(letters)) < -1 { scale = 1 - microtype.expansionShrink }
                tracking = tightened(scale)
                return (scale, max(-1, glueRatio(scale, added: tracking * Double(letters))), tracking)
            }
        }
        // Glue never shrinks past its limit (TeX): a line that still does not fit sticks out
        // into the margin, visibly and counted as overfull, instead of its words overlapping.
        let ratio = max(-1, glueRatio(scale))
        if !settings.justify { return (1, min(0, ratio), 0) }
        return (scale, ratio.isFinite ? ratio : breakRatio, 0)
    }

    /// The letters of a line's boxes, which tracking widens or narrows.
    private func lineLetters(_ line: ArraySlice<BreakItem>) -> Int {
        line.indices.reduce(0) { sum, k in
            guard case .box = line[k] else { return sum }
            return sum + content.letters[k]
        }
    }

    /// Words of a right-to-left run (Arabic, Hebrew) stand in visual order: a sequence of
    /// them on a line is mirrored within the space it takes, so that it reads right to left
    /// (Pango has already put each word's glyphs in visual order).
    static func reorderRightToLeft(
        _ frame: inout Frame, _ placements: [(items: Range<Int>, x: Double, width: Double, rightToLeft: Bool)]
    ) {
        var k = 0
        while k < placements.count {
            guard placements[k].rightToLeft else {
                k += 1
                continue
            }
            var end = k
            while end + 1 < placements.count, placements[end + 1].rightToLeft { end += 1 }
            if end > k {
                let spanStart = placements[k].x
                let spanEnd = placements[end].x + placements[end].width
                for p in placements[k...end] {
                    let shift = spanStart + spanEnd - (p.x + p.width) - p.x
                    for i in p.items { frame.items[i].position.x += shift }
                }
            }
            k = end + 1
        }
    }

    private func isBox(_ item: BreakItem) -> Bool {
        if case .box = item { return true }
        return false
    }
}
