// A panel in a tagged PDF: its drawing as a Figure, its caption as a Caption.

internal import CPangoCairo
import GalleyCore

extension Painter {
    /// A panel: its drawing inside a Figure (whose alt text `StructureTags` records), then its
    /// caption inside a Caption.
    ///
    /// The drawing's text (its label line of kind and archive id, a chart's title, labels and
    /// values, a placeholder's mark, a poll's answers) is drawn as glyph outlines: the text
    /// layer carries the article's text (headline, body, notes, captions) in reading order, as
    /// the SVG text layer does, and the Figure's /Alt says what the drawing shows and what is
    /// written in it. Drawn as text, a generated panel put invented figures into what readers
    /// extract and index (ru_001's chart years read as glued article words by all five readers),
    /// and every panel's text made blocks that broke poppler's reading of the columns around it.
    /// The caption, the article's own words, stays text.
    func paintPanel(_ frame: Frame, _ panel: PanelRole, at origin: Point, tags: StructureTags) throws(RenderError) {
        tags.closeGroup()
        var drawing = frame
        drawing.items = frame.items.filter { !Self.isCaption($0) }
        var captions = frame
        captions.items = frame.items.filter(Self.isCaption)
        tags.addFigure(panel, caption: captions.text(), drawnText: drawing.text())
        tags.begin("Figure")
        var painter = self
        painter.outlinesText = true
        try painter.paint(drawing, at: origin)
        tags.end("Figure")
        if !captions.items.isEmpty {
            tags.begin("Caption")
            try paint(captions, at: origin)
            tags.end("Caption")
        }
    }

    /// Fills the glyphs' outlines in the selected font and colour: ink with no text behind it.
    func fillOutlines(_ glyphs: inout [cairo_glyph_t]) {
        cairo_new_path(cr)
        cairo_glyph_path(cr, &glyphs, Int32(glyphs.count))
        cairo_fill(cr)
    }

    static func isCaption(_ positioned: Positioned) -> Bool {
        if case .group(let child) = positioned.item, child.role == .caption { return true }
        return false
    }
}
