// A panel in a tagged PDF: its drawing as a Figure, its caption as a Caption.

internal import CPangoCairo
import GalleyCore

extension Painter {
    /// A panel: its drawing inside a Figure (whose alt text `StructureTags` records), then its
    /// caption inside a Caption.
    ///
    /// A generated panel's drawing (a placeholder, an invented chart's title, labels and
    /// values, a poll's made-up answers) is galley's, not the article's: its text is drawn as
    /// outlines, so it stays out of the text that readers extract and index (as it stays out of
    /// the SVG text layer), and its text blocks no longer break poppler's reading of the
    /// columns around the panel. The Figure's /Alt says what it shows. Kept as text: the
    /// panel's label line (its kind and archive id, which come from the article's directive)
    /// and the caption. A real picture or chart from the assets keeps all of its text.
    func paintPanel(_ frame: Frame, _ panel: PanelRole, at origin: Point, tags: StructureTags) throws(RenderError) {
        tags.closeGroup()
        var drawing = frame
        drawing.items = frame.items.filter { !Self.isCaption($0) }
        var captions = frame
        captions.items = frame.items.filter(Self.isCaption)
        tags.addFigure(panel, caption: captions.text(), drawnText: drawing.text())
        tags.begin("Figure")
        var painter = self
        if panel.isGenerated {
            painter.outlinesText = true
            // The label line is the panel's first text (PanelFactory draws it first).
            painter.keptBaseline = drawing.items.first(where: { if case .text = $0.item { true } else { false } })?.position.y
        }
        try painter.paint(drawing, at: origin)
        tags.end("Figure")
        if !captions.items.isEmpty {
            tags.begin("Caption")
            try paint(captions, at: origin)
            tags.end("Caption")
        }
    }

    /// Whether text placed at `position` (in the frame being painted) is drawn as outlines.
    func outlines(at position: Point) -> Bool {
        guard outlinesText else { return false }
        guard let keptBaseline else { return true }
        return abs(position.y - keptBaseline) > 0.5
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
