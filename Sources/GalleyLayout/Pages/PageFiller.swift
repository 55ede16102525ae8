// Run (pages): pour the flow into pages, with widows, orphans, floats and footnotes.

import GalleyCore

/// Fills pages with the flow's elements, one column per page.
///
/// Lines go down the page until the next one would not fit above the footnotes of the page.
/// Paragraphs keep at least `minimumLines` lines at the foot and the head of a page; a
/// headline takes the first lines of what follows with it; a panel that does not fit where
/// its directive stands floats to the top of the next page while the text goes on filling
/// this one; a footnote goes to the foot of the page of its mark (the line carrying the mark
/// moves to the next page when its note would not fit).
struct PageFiller {
    let bodyHeight: Double
    let minimumLines: Int
    let footnotes: [SetFootnote]
    let footnoteSpaceBefore: Double

    /// One page's content before finalizing: body items in body coordinates, and notes.
    struct PageContent {
        var items: [Positioned] = []
        var notes: [Int] = []
        var y = 0.0
        var isEmpty: Bool { items.isEmpty }
    }

    /// The pages, and how many panels could not stand where their directive stands.
    func fill(_ flow: [FlowElement]) -> (pages: [PageContent], floatedPanels: Int) {
        var floatedPanels = 0
        var pages: [PageContent] = []
        var page = PageContent()
        var floats: [(Frame, Double)] = []

        func footnoteHeight(_ notes: [Int]) -> Double {
            guard !notes.isEmpty else { return 0 }
            return footnoteSpaceBefore + notes.reduce(0) { $0 + footnotes[$1].height }
        }
        func available(adding notes: [Int] = []) -> Double {
            bodyHeight - footnoteHeight(page.notes + notes.filter { !page.notes.contains($0) })
        }
        func placeFloats() {
            while let (frame, space) = floats.first {
                let needed = frame.size.height + (page.isEmpty ? 0 : space)
                guard page.isEmpty || page.y + needed <= available() else { break }
                place(frame, space: space)
                floats.removeFirst()
            }
        }
        func newPage() {
            pages.append(page)
            page = PageContent()
            placeFloats()
        }
        func place(_ frame: Frame, space: Double) {
            if !page.isEmpty { page.y += space }
            page.items.append(Positioned(position: Point(x: 0, y: page.y), item: .group(frame)))
            page.y += frame.size.height
            if case .panel = frame.role { page.y += space }
        }
        func place(_ line: SetLine) {
            page.items.append(Positioned(position: Point(x: 0, y: page.y), item: .group(line.frame)))
            page.y += line.height
            for note in line.notes where !page.notes.contains(note) { page.notes.append(note) }
        }
        /// How many of `lines` fit on the current page from its cursor.
        func fitting(_ lines: ArraySlice<SetLine>, spaceBefore: Double) -> Int {
            var y = page.y + spaceBefore
            var notes: [Int] = []
            var n = 0
            for line in lines {
                notes += line.notes
                y += line.height
                if y > available(adding: notes) + 0.001 { break }
                n += 1
            }
            return n
        }

        for (index, element) in flow.enumerated() {
            switch element {
            case .headline(let lines, let spaceAfter):
                // Keep the headline with the first lines of what follows.
                var needed = lines.reduce(0) { $0 + $1.height } + spaceAfter
                if index + 1 < flow.count, case .paragraph(let next, _) = flow[index + 1] {
                    needed += next.prefix(minimumLines).reduce(0) { $0 + $1.height }
                }
                if !page.isEmpty, page.y + needed > available() { newPage() }
                for line in lines { place(line) }
                page.y += spaceAfter

            case .panel(let frame, let space):
                let needed = frame.size.height + (page.isEmpty ? 0 : space)
                if floats.isEmpty, page.isEmpty || page.y + needed <= available() {
                    place(frame, space: space)
                } else {
                    floats.append((frame, space))
                    floatedPanels += 1
                }

            case .paragraph(let lines, let spaceBefore):
                var rest = lines[...]
                var first = true
                while !rest.isEmpty {
                    let space = first && !page.isEmpty ? spaceBefore : 0
                    var n = fitting(rest, spaceBefore: space)
                    if n < rest.count {
                        // Widows: leave at least `minimumLines` for the next page.
                        if rest.count - n < minimumLines { n = rest.count - minimumLines }
                        // Orphans: do not leave fewer than `minimumLines` at the foot.
                        if n < minimumLines && n < rest.count { n = 0 }
                        // An empty page must make progress whatever the rules say.
                        if n <= 0 && page.isEmpty { n = max(1, min(rest.count, fitting(rest, spaceBefore: 0))) }
                    }
                    if n > 0 {
                        page.y += space
                        for line in rest.prefix(n) { place(line) }
                        rest = rest.dropFirst(n)
                        first = false
                    }
                    if !rest.isEmpty { newPage() }
                }
            }
        }
        // Floats still waiting get pages of their own.
        while !floats.isEmpty {
            if !page.isEmpty { newPage() } else { placeFloats() }
            if page.isEmpty, let (frame, space) = floats.first {
                place(frame, space: space)
                floats.removeFirst()
            }
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        return (pages, floatedPanels)
    }
}
