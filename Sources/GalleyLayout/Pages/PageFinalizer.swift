// Finalize (pages): bands and columns, footnotes, header and footer placed within the margins.

import Foundation
import GalleyCore
import GalleyText

/// Places filled page content onto pages: the text block at the margins, each column's
/// footnotes at its foot under a short rule, the running header (not on the first page) and
/// the footer in the margins.
struct PageFinalizer {
    let template: Template
    let footnotes: [SetFootnote]
    let shaper: TextShaper
    let language: String
    /// Values for `{title}`, `{source}`, `{date}`.
    let fields: [String: String]
    let headerSpace: Double

    func finalize(_ contents: [PageFiller.PageContent]) -> [Page] {
        let geometry = template.page
        let blockOrigin = Point(x: geometry.margins.left, y: geometry.margins.top + headerSpace)
        let blockHeight = template.textHeight - headerSpace
        let columns = (0..<max(1, geometry.columns)).map { column in
            Rect(x: blockOrigin.x + template.columnX(column), y: blockOrigin.y, width: template.measure, height: blockHeight)
        }
        return contents.enumerated().map { index, content in
            var frame = Frame(size: geometry.size)
            var block = Frame(size: Size(width: template.textWidth, height: blockHeight), role: .textBlock)
            block.items = content.placed.map(\.item)
            for (column, notes) in content.notes.enumerated() where !notes.isEmpty {
                let x = template.columnX(column)
                let height = notes.reduce(0) { $0 + footnotes[$1].height }
                var y = blockHeight - height
                block.place(
                    .shape(.line(to: Point(x: template.measure / 4, y: 0), stroke: Stroke(color: template.ruleColor, width: 0.5))),
                    at: Point(x: x, y: y - template.footnoteSpaceBefore / 2))
                for note in notes {
                    var noteFrame = Frame(size: Size(width: template.measure, height: footnotes[note].height), role: .footnote(note: footnotes[note].note, mark: footnotes[note].mark))
                    var lineY = 0.0
                    for line in footnotes[note].lines {
                        noteFrame.place(line.frame, at: Point(x: 0, y: lineY))
                        lineY += line.height
                    }
                    noteFrame.span = footnotes[note].lines.compactMap(\.frame.span).reduce(nil) { $0?.union($1) ?? $1 }
                    block.place(noteFrame, at: Point(x: x, y: y))
                    y += noteFrame.size.height
                }
            }
            frame.place(block, at: blockOrigin)
            let number = index + 1
            if index > 0, let header = runningLine(template.header, number: number, of: contents.count, role: .furniture(.runningHeader)) {
                frame.place(header, at: Point(x: 0, y: geometry.margins.top))
                frame.place(
                    .shape(.line(to: Point(x: template.textWidth, y: 0), stroke: Stroke(color: template.ruleColor, width: 0.4))),
                    at: Point(x: geometry.margins.left, y: geometry.margins.top + template.folio.leading * 1.3))
            }
            let footerY = geometry.size.height - geometry.margins.bottom + template.folio.leading * 2
            if let footer = runningLine(template.footer, number: number, of: contents.count, role: .furniture(.footer)) {
                frame.place(footer, at: Point(x: 0, y: footerY))
            }
            return Page(number: number, size: geometry.size, frame: frame, columns: columns)
        }
    }

    /// A header or footer line with its fields filled in, centred on the text block.
    private func runningLine(_ pattern: String, number: Int, of total: Int, role: Role) -> Frame? {
        var text = pattern
        for (key, value) in fields.merging(["page": String(number), "pages": String(total)], uniquingKeysWith: { $1 }) {
            text = text.replacingOccurrences(of: "{\(key)}", with: value)
        }
        text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let style = template.folio.style(color: template.textColor, language: language)
        let shaped = shaper.shape(text, style: style)
        var (runs, width) = shaped.glyphRuns(in: 0..<shaped.utf8.count)
        if width > template.textWidth {
            // A long title or source: cut it at the text width rather than run off the page.
            let cut = shaper.shape(String(text.prefix(max(1, Int(Double(text.count) * template.textWidth / width) - 1))) + "…", style: style)
            (runs, width) = cut.glyphRuns(in: 0..<cut.utf8.count)
        }
        var frame = Frame(size: Size(width: template.page.size.width, height: template.folio.leading), role: role)
        let x = template.page.margins.left + (template.textWidth - width) / 2
        for run in runs { frame.place(.text(run), at: Point(x: x, y: shaped.ascent)) }
        return frame
    }
}
