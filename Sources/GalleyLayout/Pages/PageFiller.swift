// Run (pages): pour the flow into columns and pages, with widows, orphans, floats, footnotes.

import GalleyCore

/// Fills pages of one or more columns with the flow's elements.
///
/// A page is a stack of bands: spanning items (the headline, big panels) across the text
/// width, and column sections below them. Lines go down a column until the next one would not
/// fit above the column's footnotes, then on to the next column, then to the next page. A
/// paragraph keeps at least `minimumLines` lines at the foot and head of a column; the headline
/// takes the first lines of the text with it; a panel that does not fit where its directive
/// stands is drawn smaller, down to `smallestPanelScale` of its size, rather than leave its
/// place (a smaller panel at the place of its directive reads better than a full-size one a
/// page later, with a gap where it would have stood); one that does not fit even so floats
/// to the top of the next column or page while the text goes on; a spanning
/// panel in the middle of the text closes the column section above it, which is balanced, and
/// the columns start again below it. The last section of the article is balanced too. A
/// footnote goes to the foot of the column of its mark.
struct PageFiller {
    let textHeight: Double
    let columns: Int
    let columnWidth: Double
    /// The width of all columns and gutters (spanning panels are centred in it).
    let textWidth: Double
    /// The x of a column's left edge in the text block (`Template.columnX`: one formula for
    /// the filler, the finalizer's footnotes and the page's columns).
    let columnX: (Int) -> Double
    let minimumLines: Int
    let footnotes: [SetFootnote]
    let footnoteSpaceBefore: Double

    /// The smallest a panel is drawn to stay at its directive's place: three quarters of its
    /// size (a chart's labels go from 9 to 6.75 pt, still legible in print).
    static let smallestPanelScale = 0.75
    /// Panels are drawn smaller in steps of this much.
    static let panelScaleStep = 0.05

    /// `panel` drawn smaller to be `room` high, centred in `width`; nil when that would take it
    /// below `smallestPanelScale` (or it fits as it is).
    static func shrunk(_ panel: Frame, toFit room: Double, width: Double) -> Frame? {
        guard panel.size.height > 0, room < panel.size.height else { return nil }
        // In steps of 5 %: every distinct factor is a new size of each font in the panel, which
        // render loads and keeps, and a batch would make thousands of them.
        let factor = (room / panel.size.height / panelScaleStep).rounded(.down) * panelScaleStep
        guard factor >= smallestPanelScale - 1e-9 else { return nil }
        let small = panel.scaled(by: factor)
        var holder = Frame(size: Size(width: width, height: small.size.height))
        holder.place(small, at: Point(x: max(0, (width - small.size.width) / 2), y: 0))
        return holder
    }

    /// A placed item in text-block coordinates, with the column it stands in (nil: spanning).
    struct Placed {
        var item: Positioned
        var column: Int?
        var height: Double
        var notes: [Int]
        /// What the column balancer needs: the space wanted above the item (not at a column's
        /// top), the space a panel keeps below it, and where a line stands in its paragraph.
        var spaceAbove = 0.0
        var spaceBelow = 0.0
        var isFirstLine = false
        var isLastLine = false
        var isLine = false
    }

    /// One page's content before finalizing.
    struct PageContent {
        var placed: [Placed] = []
        /// Footnotes per column.
        var notes: [[Int]]
        var isEmpty: Bool { placed.isEmpty }
        init(columns: Int) { notes = Array(repeating: [], count: columns) }
    }

    /// The pages, and how many panels could not stand where their directive stands.
    func fill(_ flow: [FlowElement]) -> (pages: [PageContent], floatedPanels: Int) {
        var state = FillState(filler: self)
        for (index, element) in flow.enumerated() {
            switch element {
            case .headline(let lines, let spaceAfter):
                var keep = 0.0
                if index + 1 < flow.count, case .paragraph(let next, _) = flow[index + 1] {
                    keep = next.prefix(minimumLines).reduce(0) { $0 + $1.height }
                }
                state.placeSpanning(lines.map { ($0.frame, $0.height) }, spaceAfter: spaceAfter, keepBelow: keep, floats: false)
            case .panel(let frame, let space, let spans):
                if spans {
                    state.placeSpanning([(frame, frame.size.height)], spaceAfter: space, keepBelow: 0, floats: true)
                } else {
                    state.placeColumnPanel(frame, space: space)
                }
            case .paragraph(let lines, let spaceBefore):
                state.placeParagraph(lines, spaceBefore: spaceBefore)
            }
        }
        state.finish()
        return (state.pages, state.floatedPanels)
    }
}

/// The moving parts of filling: the page being filled, its band and column cursors, floats.
/// (Finished sections are balanced in `SectionBalancing.swift`.)
struct FillState {
    let filler: PageFiller
    var pages: [PageFiller.PageContent] = []
    var page: PageFiller.PageContent
    /// Where the current column section starts.
    var bandTop = 0.0
    /// The cursor in each column of the current section.
    var cursors: [Double]
    var column = 0
    /// Index in `page.placed` where the current section's column items start.
    var sectionStart = 0
    var columnFloats: [(Frame, Double)] = []
    var spanningFloats: [(Frame, Double)] = []
    var floatedPanels = 0
    /// Space a column still owes below a panel it just placed: the text after a panel (its
    /// caption, mostly) must not touch the next line, so the next item keeps this much room
    /// above it (the larger of this and its own space, not both).
    var spaceBelowPanel: [Double]

    init(filler: PageFiller) {
        self.filler = filler
        page = PageFiller.PageContent(columns: filler.columns)
        cursors = Array(repeating: 0, count: filler.columns)
        spaceBelowPanel = Array(repeating: 0, count: filler.columns)
    }

    var sectionIsEmpty: Bool { page.placed.count == sectionStart }

    func noteHeight(_ notes: [Int]) -> Double {
        notes.isEmpty ? 0 : filler.footnoteSpaceBefore + notes.reduce(0) { $0 + filler.footnotes[$1].height }
    }
    /// The lowest y a column's content may reach, given its notes and `adding` more.
    func bottom(of c: Int, adding notes: [Int] = []) -> Double {
        let all = page.notes[c] + notes.filter { !page.notes[c].contains($0) }
        return filler.textHeight - noteHeight(all)
    }
    func x(of c: Int) -> Double { filler.columnX(c) }

    /// Starts a column section at `top`: every column's cursor there, nothing owed, the first
    /// column current.
    mutating func startSection(at top: Double) {
        bandTop = top
        cursors = Array(repeating: top, count: filler.columns)
        spaceBelowPanel = Array(repeating: 0, count: filler.columns)
        column = 0
        sectionStart = page.placed.count
    }

    /// The space above an item asking for `space` at the cursor of the current column: none at
    /// the top of the column, else the larger of `space` and what a panel above still owes.
    func gap(above space: Double) -> Double {
        cursors[column] > bandTop ? max(space, spaceBelowPanel[column]) : 0
    }

    mutating func newPage() {
        pages.append(page)
        page = PageFiller.PageContent(columns: filler.columns)
        startSection(at: 0)
        let spanning = spanningFloats
        spanningFloats = []
        for (frame, space) in spanning {
            placeSpanning([(frame, frame.size.height)], spaceAfter: space, keepBelow: 0, floats: true)
        }
        placeColumnFloats()
    }

    mutating func nextColumn() {
        if column + 1 < filler.columns {
            column += 1
            placeColumnFloats()
        } else {
            newPage()
        }
    }

    mutating func placeColumnFloats() {
        while let (frame, space) = columnFloats.first {
            let top = cursors[column]
            guard top == bandTop || top + gap(above: space) + frame.size.height <= bottom(of: column) else { return }
            columnFloats.removeFirst()
            putPanel(frame, space: space)
        }
    }

    /// Places a frame at the cursor of the current column, `gap` below what is above it;
    /// `space` is the space it wants above it wherever it stands (for the balancer).
    mutating func put(
        _ frame: Frame, height: Double, gap: Double, space: Double = 0, notes: [Int] = [],
        line: (first: Bool, last: Bool)? = nil
    ) {
        cursors[column] += gap
        spaceBelowPanel[column] = 0
        var placed = PageFiller.Placed(
            item: Positioned(position: Point(x: x(of: column), y: cursors[column]), item: .group(frame)), column: column,
            height: height, notes: notes)
        placed.spaceAbove = space
        if let line {
            placed.isLine = true
            placed.isFirstLine = line.first
            placed.isLastLine = line.last
        }
        page.placed.append(placed)
        cursors[column] += height
        for note in notes where !page.notes[column].contains(note) { page.notes[column].append(note) }
    }

    /// Places a panel with `space` above it (unless it is first in the column) and owes the
    /// same below it.
    mutating func putPanel(_ frame: Frame, space: Double) {
        // A panel narrower than its column (a half-column infographic) stands in the middle
        // of it, not at its left with the right half empty.
        var frame = frame
        if frame.size.width < filler.columnWidth - 0.5 {
            var holder = Frame(size: Size(width: filler.columnWidth, height: frame.size.height))
            holder.place(frame, at: Point(x: (filler.columnWidth - frame.size.width) / 2, y: 0))
            frame = holder
        }
        put(frame, height: frame.size.height, gap: gap(above: space), space: space)
        spaceBelowPanel[column] = space
        page.placed[page.placed.count - 1].spaceBelow = space
    }

    mutating func placeColumnPanel(_ frame: Frame, space: Double) {
        let top = cursors[column]
        let room = bottom(of: column) - top - gap(above: space)
        if columnFloats.isEmpty && (top == bandTop || frame.size.height <= room) {
            putPanel(frame, space: space)
        } else if columnFloats.isEmpty, let shrunk = PageFiller.shrunk(frame, toFit: room, width: filler.columnWidth) {
            putPanel(shrunk, space: space)
        } else if columnFloats.isEmpty, filler.columns > 1, column == filler.columns - 1, top > bandTop,
            frame.size.height <= bottom(of: column) - bandTop, headPanel(frame, space: space)
        {
            return
        } else {
            columnFloats.append((frame, space))
            floatedPanels += 1
        }
    }

    /// Spanning items: on a page whose columns are still empty they go on top; otherwise the
    /// section above is balanced and they go below it, or (floats) to the next page.
    mutating func placeSpanning(_ items: [(Frame, Double)], spaceAfter: Double, keepBelow: Double, floats: Bool) {
        let height = items.reduce(0) { $0 + $1.1 }
        if !sectionIsEmpty {
            let sectionBottom = balanceSection()
            let top = sectionBottom + spaceAfter
            let room = filler.textHeight - (page.notes.map(noteHeight).max() ?? 0) - top - keepBelow
            if height <= room {
                bandTop = top
            } else if floats, items.count == 1, spanningFloats.isEmpty,
                let shrunk = PageFiller.shrunk(items[0].0, toFit: room, width: filler.textWidth)
            {
                bandTop = top
                placeSpanningItems([(shrunk, shrunk.size.height)], spaceAfter: spaceAfter)
                return
            } else if floats {
                spanningFloats.append(items[0])
                floatedPanels += 1
                // The columns go on below the balanced section.
                startSection(at: sectionBottom + spaceAfter)
                return
            } else {
                newPage()
            }
        } else if bandTop > 0, bandTop + height + keepBelow > filler.textHeight {
            if floats {
                spanningFloats.append(items[0])
                floatedPanels += 1
                return
            }
            newPage()
        }
        placeSpanningItems(items, spaceAfter: spaceAfter)
    }

    /// Puts spanning items at `bandTop`, one under another, and starts a column section below.
    private mutating func placeSpanningItems(_ items: [(Frame, Double)], spaceAfter: Double) {
        var y = bandTop
        for (frame, h) in items {
            page.placed.append(
                PageFiller.Placed(
                    item: Positioned(position: Point(x: 0, y: y), item: .group(frame)), column: nil, height: h, notes: []))
            y += h
        }
        startSection(at: y + spaceAfter)
    }

    mutating func placeParagraph(_ lines: [SetLine], spaceBefore: Double) {
        var rest = lines[...]
        var first = true
        var movedOn = false
        let last = lines.count - 1
        while !rest.isEmpty {
            let atTop = cursors[column] == bandTop
            let space = gap(above: first ? spaceBefore : 0)
            var n = fitting(rest, spaceBefore: space)
            if n < rest.count {
                if rest.count - n < filler.minimumLines { n = rest.count - filler.minimumLines }
                if n < filler.minimumLines && n < rest.count { n = 0 }
                // Below a wide panel near the page's foot, a section with room for fewer lines
                // than a paragraph may keep there would strand its first line at the foot of one
                // column (orphan) and its others one by one at the heads of the next: the text
                // goes on on the next page instead (once: a page that has no more room takes it).
                if n <= 0 && atTop && bandTop > 0 && !movedOn
                    && fitting(rest, spaceBefore: 0) < min(filler.minimumLines, rest.count)
                {
                    movedOn = true
                    newPage()
                    continue
                }
                if n <= 0 && atTop { n = max(1, min(rest.count, fitting(rest, spaceBefore: 0))) }
                // A page does not end in a hyphenated word when a line can go over with it
                // (TeX's \brokenpenalty): the reader would turn the page mid-word. Not in
                // columns: there a page's columns end level at its foot, as a make-up editor
                // wants them, and a line sent over would leave the last one short.
                if n > filler.minimumLines, filler.columns == 1, rest[rest.startIndex + n - 1].isHyphenated {
                    n -= 1
                }
            }
            if n > 0 {
                for (k, line) in rest.prefix(n).enumerated() {
                    let index = rest.startIndex + k
                    put(
                        line.frame, height: line.height, gap: k == 0 ? space : 0, space: index == 0 ? spaceBefore : 0,
                        notes: line.notes, line: (index == 0, index == last))
                }
                rest = rest.dropFirst(n)
                first = false
            }
            if !rest.isEmpty { nextColumn() }
        }
    }

    func fitting(_ lines: ArraySlice<SetLine>, spaceBefore: Double) -> Int {
        var y = cursors[column] + spaceBefore
        var notes: [Int] = []
        var n = 0
        for line in lines {
            notes += line.notes
            y += line.height
            if y > bottom(of: column, adding: notes) + 0.001 { break }
            n += 1
        }
        return n
    }

    mutating func finish() {
        if !sectionIsEmpty { _ = balanceSection() }
        // Floats left when the text ends: on new pages, down the columns, as many as fit (a
        // new page places at least the first, so this ends).
        while !columnFloats.isEmpty || !spanningFloats.isEmpty {
            newPage()
            while !columnFloats.isEmpty, column + 1 < filler.columns {
                column += 1
                placeColumnFloats()
            }
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
    }
}
