// Balance (pages): a finished column section shared out level, and a panel kept at the head of
// its page's last column.

import GalleyCore

extension FillState {
    /// Shares the current section's column items out over the columns (ColumnBalancer: level
    /// column ends, no widow or orphan, the spaces between items kept); returns the section's
    /// bottom. A section the balancer cannot improve on keeps the columns it was filled into.
    mutating func balanceSection() -> Double {
        var items = Array(page.placed[sectionStart...])
        guard filler.columns > 1, !items.isEmpty else { return cursors.max() ?? bandTop }
        // A paragraph that goes on from the section before (or the page before) starts here as
        // far as the reader of this section sees, and one that goes on after it ends here: its
        // first line here is no more left alone at a column's foot than a paragraph's first.
        let firstLine = items.firstIndex { $0.isLine }
        let lastLine = items.lastIndex { $0.isLine }
        func balancer(_ items: [PageFiller.Placed]) -> ColumnBalancer {
            ColumnBalancer(
                items: items.indices.map { k in
                    let item = items[k]
                    return ColumnBalancer.Item(
                        height: item.height, spaceAbove: item.spaceAbove, spaceBelow: item.spaceBelow,
                        isFirstLine: item.isFirstLine || k == firstLine, isLastLine: item.isLastLine || k == lastLine,
                        isLine: item.isLine)
                },
                columns: filler.columns)
        }
        // No column may end lower than the section's columns do as they were filled (they
        // respected each column's footnotes).
        let filled = (cursors.max() ?? bandTop) - bandTop
        let limit = min(filled, filler.textHeight - bandTop)
        guard var plan = balancer(items).plan(limit: limit) else {
            return cursors.max() ?? bandTop
        }
        // A column panel's height is no multiple of a line's: when the columns still end more
        // than a line apart, the panel is drawn a little smaller (in the filler's steps, down
        // to the smallest it is drawn at its directive's place) until they end level.
        for p in items.indices where !items[p].isLine && balancer(items).excess(plan) > 0 {
            guard case .group(let frame) = items[p].item.item else { continue }
            for factor in stride(from: 1 - PageFiller.panelScaleStep, through: PageFiller.smallestPanelScale - 1e-9,
                by: -PageFiller.panelScaleStep)
            {
                guard let small = PageFiller.shrunk(frame, toFit: frame.size.height * factor + 0.01, width: filler.columnWidth)
                else { continue }
                var trial = items
                trial[p].item.item = .group(small)
                trial[p].height = small.size.height
                let level = balancer(trial)
                guard let candidate = level.plan(limit: limit), level.excess(candidate) < balancer(items).excess(plan) - 1
                else { continue }
                items = trial
                plan = candidate
                if level.excess(candidate) == 0 { break }
            }
        }
        let cuts = plan.cuts
        let ordered = plan.order.map { items[$0] }
        var c = 0
        var y = bandTop
        var notes = Array(repeating: [Int](), count: filler.columns)
        var placed: [PageFiller.Placed] = []
        for (k, var item) in ordered.enumerated() {
            if c < cuts.count, k == cuts[c] {
                c += 1
                y = bandTop
            } else if k > 0 {
                y += max(item.spaceAbove, ordered[k - 1].spaceBelow)
            }
            item.column = c
            item.item.position = Point(x: x(of: c), y: y)
            y += item.height
            for n in item.notes where !notes[c].contains(n) { notes[c].append(n) }
            placed.append(item)
        }
        page.placed.replaceSubrange(sectionStart..., with: placed)
        // Notes of earlier sections stay; this section's notes follow their lines.
        let sectionNotes = Set(items.flatMap(\.notes))
        for k in 0..<filler.columns {
            page.notes[k] = page.notes[k].filter { !sectionNotes.contains($0) } + notes[k]
        }
        return placed.map { $0.item.position.y + $0.height }.max() ?? bandTop
    }

    /// A panel that does not fit below the text of a page's last column stands at that
    /// column's head, and the column's lines go on below it and over to the next page, as a
    /// make-up editor keeps a picture on the page of its text: floated to the next page, it
    /// would stand there beside the few lines the article has left, taller than they could
    /// fill beside it. False (and nothing changed) when the column holds anything but lines.
    mutating func headPanel(_ frame: Frame, space: Double) -> Bool {
        var start = page.placed.count
        while start > sectionStart, page.placed[start - 1].column == column { start -= 1 }
        let moved = Array(page.placed[start...])
        guard !moved.isEmpty, moved.allSatisfy(\.isLine) else { return false }
        page.placed.removeSubrange(start...)
        let notes = Set(moved.flatMap(\.notes))
        page.notes[column].removeAll { notes.contains($0) }
        cursors[column] = bandTop
        spaceBelowPanel[column] = 0
        putPanel(frame, space: space)
        // The lines again, a paragraph's piece at a time, with the filler's rules for column
        // and page ends (the first piece may go on from the column before).
        var piece: [SetLine] = []
        var spaceBefore = 0.0
        for item in moved {
            guard case .group(let line) = item.item.item else { continue }
            if piece.isEmpty { spaceBefore = item.spaceAbove }
            piece.append(
                SetLine(
                    frame: line, notes: item.notes, ratio: line.line?.ratio ?? 0,
                    isHyphenated: line.line?.isHyphenated ?? false, isLast: item.isLastLine))
            if item.isLastLine {
                placeParagraph(piece, spaceBefore: spaceBefore)
                piece = []
            }
        }
        if !piece.isEmpty { placeParagraph(piece, spaceBefore: spaceBefore) }
        return true
    }
}
