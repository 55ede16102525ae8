// Finalize (pages): body, footnotes and folio placed on the page within its margins.

import GalleyCore
import GalleyText

/// Places filled page content onto pages: the body at the margins, footnotes at the foot of
/// the text block under a short rule, and the folio (page number) in the bottom margin.
struct PageFinalizer {
    let template: Template
    let footnotes: [SetFootnote]
    let shaper: TextShaper
    let language: String

    func finalize(_ contents: [PageFiller.PageContent]) -> [Page] {
        let geometry = template.page
        let bodyOrigin = Point(x: geometry.margins.left, y: geometry.margins.top)
        let bodyBottom = geometry.size.height - geometry.margins.bottom
        return contents.enumerated().map { index, content in
            var frame = Frame(size: geometry.size)
            var column = Frame(
                size: Size(width: template.measure, height: bodyBottom - bodyOrigin.y), role: .column,
                items: content.items)
            if !content.notes.isEmpty {
                let height = content.notes.reduce(0) { $0 + footnotes[$1].height }
                var y = column.size.height - height
                let ruleY = y - template.footnoteSpaceBefore / 2
                column.place(
                    .shape(.line(to: Point(x: template.measure / 4, y: 0), stroke: Stroke(color: template.ruleColor, width: 0.5))),
                    at: Point(x: 0, y: ruleY))
                for note in content.notes {
                    var noteFrame = Frame(
                        size: Size(width: template.measure, height: footnotes[note].height), role: .footnote)
                    var lineY = 0.0
                    for line in footnotes[note].lines {
                        noteFrame.place(line.frame, at: Point(x: 0, y: lineY))
                        lineY += line.height
                    }
                    noteFrame.span = footnotes[note].lines.compactMap(\.frame.span).reduce(nil) { $0?.union($1) ?? $1 }
                    column.place(noteFrame, at: Point(x: 0, y: y))
                    y += noteFrame.size.height
                }
            }
            frame.place(column, at: bodyOrigin)
            if let folio = folio(number: index + 1, of: contents.count) {
                frame.place(folio, at: Point(x: 0, y: bodyBottom + template.folio.leading * 2))
            }
            return Page(number: index + 1, size: geometry.size, frame: frame)
        }
    }

    /// The footer line, centred on the text block, as a frame of role `.footer`.
    private func folio(number: Int, of total: Int) -> Frame? {
        let text = template.footer
            .replacingOccurrences(of: "{page}", with: String(number))
            .replacingOccurrences(of: "{pages}", with: String(total))
        guard !text.isEmpty else { return nil }
        let style = template.folio.style(color: template.textColor, language: language)
        let shaped = shaper.shape(text, style: style)
        let (runs, width) = shaped.glyphRuns(in: 0..<shaped.utf8.count)
        var frame = Frame(size: Size(width: template.page.size.width, height: template.folio.leading), role: .footer)
        let x = template.page.margins.left + (template.measure - width) / 2
        for run in runs { frame.place(.text(run), at: Point(x: x, y: shaped.ascent)) }
        return frame
    }
}
