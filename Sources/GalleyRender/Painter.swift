// Draws frame items onto a cairo context: one switch over the item kinds.

internal import CPangoCairo
internal import CRsvg
import GalleyCore

/// Paints frames onto one cairo context. The only place frame items meet cairo calls.
///
/// cairo fails silently: after one refused call its context ignores every later one, and the
/// rest of the document comes out blank. So the painter checks the context's status after
/// every text call and every picture, and throws at the first failure, naming the page and
/// the text it could not draw: a page that lost its text is an error, never a blank page.
struct Painter {
    let cr: OpaquePointer
    let fonts: FontCache
    /// The 1-based number of the page being painted, for error messages.
    let page: Int
    /// Structure tags to write as the roles go by (tagged PDF); nil for SVG and PNG.
    var tags: StructureTags? = nil
    /// Whether text is drawn as glyph outlines, with no characters behind it: a panel's
    /// drawing in a PDF (`paintPanel`).
    var outlinesText = false

    func paint(_ frame: Frame, at origin: Point) throws(RenderError) {
        // In a PDF, a line broken after a word's own hyphen keeps that hyphen for readers.
        let frame = tags != nil && frame.line?.isHyphenated == true ? WordHyphens.marked(frame) : frame
        // Runs side by side in one font, colour and width (the words of a line) are drawn by
        // one cairo call: cairo records, analyses and replays every call of a PDF page, and a
        // call per word made that the larger part of writing a page.
        var batch: TextBatch?
        for positioned in frame.items {
            let at = origin.offset(by: positioned.position)
            if case .text(let run) = positioned.item, TextBatch.canHold(run) {
                if let current = batch, !current.matches(run) {
                    try show(current)
                    batch = nil
                }
                if batch == nil { batch = TextBatch(like: run) }
                batch?.append(run, at: at)
                continue
            }
            if let current = batch {
                try show(current)
                batch = nil
            }
            switch positioned.item {
            case .group(let child):
                if let tags { try paintTagged(child, at: at, tags: tags) } else { try paint(child, at: at) }
            case .text(let run): try asContent { () throws(RenderError) in try paint(run, at: at) }
            case .shape(let shape): try asContent { () throws(RenderError) in paint(shape, at: at) }
            case .image(let image): try asContent { () throws(RenderError) in try paint(image, at: at) }
            }
        }
        if let current = batch { try show(current) }
    }

    /// Draws an item; in a tagged PDF, one drawn outside every element is an artifact.
    private func asContent(_ draw: () throws(RenderError) -> Void) throws(RenderError) {
        if let tags, tags.isOutsideContent { try tags.artifact(draw) } else { try draw() }
    }

    /// A child frame inside the structure element its role calls for (`StructureTags`).
    private func paintTagged(_ frame: Frame, at origin: Point, tags: StructureTags) throws(RenderError) {
        switch frame.role {
        case .headlineLine, .leadLine:
            tags.line(.headline)
            try paint(frame, at: origin)
        case .bodyLine(let paragraph, _):
            tags.line(.paragraph(paragraph))
            try paint(frame, at: origin)
        case .footnote(let note, let mark):
            tags.closeGroup()
            tags.beginNote(note)
            try paintNote(frame, mark: mark, at: origin, tags: tags)
            tags.end("Note")
        case .panel(let panel):
            try paintPanel(frame, panel, at: origin, tags: tags)
        case .furniture:
            try tags.artifact { () throws(RenderError) in try paint(frame, at: origin) }
        default:
            try paint(frame, at: origin)
        }
    }

    /// A footnote: its mark (the first run of its first line, when that run shows the mark
    /// its role names) as Lbl, the rest as a P in the Note.
    private func paintNote(_ note: Frame, mark: String, at origin: Point, tags: StructureTags) throws(RenderError) {
        var labelled = false
        for positioned in note.items {
            let at = origin.offset(by: positioned.position)
            guard !labelled, case .group(let line) = positioned.item,
                let first = line.items.firstIndex(where: { if case .text = $0.item { true } else { false } }),
                case .text(let run) = line.items[first].item, run.text == mark, TextBatch.canHold(run)
            else {
                try paint(Frame(size: note.size, items: [positioned]), at: origin)
                continue
            }
            labelled = true
            var rest = line
            rest.items.remove(at: first)
            tags.begin("Lbl")
            var label = TextBatch(like: run)
            label.append(run, at: at.offset(by: line.items[first].position))
            try show(label)
            tags.end("Lbl")
            // The note's text after its label in a P of its own: cairo 1.16 does not resume
            // the Note's marked content after a child element ends.
            tags.begin("P")
            try paint(rest, at: at)
        }
        if labelled { tags.end("P") }
    }

    /// Throws when the context is in an error state, naming what was being drawn.
    private func check(_ what: @autoclosure () -> String) throws(RenderError) {
        let status = cairo_status(cr)
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw RenderError("cairo refused to draw \(what()) on page \(page): \(String(cString: cairo_status_to_string(status)))")
    }

    /// The scaled font for `ref`, or an error: text with no font would be lost.
    private func scaledFont(_ ref: FontRef, text: @autoclosure () -> String) throws(RenderError) -> OpaquePointer {
        guard let font = fonts.scaledFont(for: ref) else {
            throw RenderError("no font '\(ref.description)' \(ref.size) pt to draw \(Self.quote(text())) on page \(page)")
        }
        return font
    }

    /// A short quotation of `text` for an error message.
    static func quote(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return "«\(cut)»"
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    /// Selects the run's font, widened by its horizontal scale, and its colour.
    private func select(_ font: OpaquePointer, scale: Double, color: Color) {
        if scale == 1 {
            cairo_set_scaled_font(cr, font)
        } else {
            // Font expansion: the same font face with its matrix widened, so the PDF embeds the
            // face once and the text stays extractable (docs/typography.md, microtypography).
            var matrix = cairo_matrix_t()
            cairo_scaled_font_get_font_matrix(font, &matrix)
            matrix.xx *= scale
            matrix.yx *= scale
            cairo_set_font_face(cr, cairo_scaled_font_get_font_face(font))
            cairo_set_font_matrix(cr, &matrix)
            let options = cairo_font_options_create()
            cairo_scaled_font_get_font_options(font, options)
            cairo_set_font_options(cr, options)
            cairo_font_options_destroy(options)
        }
        setSource(color)
    }

    func show(_ batch: TextBatch) throws(RenderError) {
        let font = try scaledFont(batch.font, text: String(decoding: batch.utf8, as: UTF8.self))
        select(font, scale: batch.horizontalScale, color: batch.color)
        var glyphs = batch.glyphs
        if outlinesText {
            fillOutlines(&glyphs)
            try check(Self.quote(String(decoding: batch.utf8, as: UTF8.self)))
            return
        }
        var clusters = tags == nil ? batch.clusters : TightSpaces.clusters(of: batch, spaceAdvance: spaceAdvance(batch, font))
        batch.utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(
                    cr, chars.baseAddress, Int32(chars.count), &glyphs, Int32(glyphs.count), &clusters,
                    Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
        try check(Self.quote(String(decoding: batch.utf8, as: UTF8.self)))
    }

    /// The advance of the batch's space glyph as drawn (0 when it has no word space).
    private func spaceAdvance(_ batch: TextBatch, _ font: OpaquePointer) -> Double {
        guard let first = batch.spaces.first else { return 0 }
        var glyph = batch.glyphs[first.glyph]
        var extents = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(font, &glyph, 1, &extents)
        return extents.x_advance * batch.horizontalScale
    }

    /// A run the batches do not take: glyphs with no text behind them (decorative glyphs).
    private func paint(_ run: GlyphRun, at origin: Point) throws(RenderError) {
        guard !run.glyphs.isEmpty else { return }
        let font = try scaledFont(run.font, text: run.text)
        select(font, scale: run.horizontalScale, color: run.color)
        var glyphs = run.glyphs.map {
            cairo_glyph_t(index: UInt($0.id), x: origin.x + $0.x, y: origin.y + $0.y)
        }
        if outlinesText { fillOutlines(&glyphs) } else { cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count)) }
        try check("glyphs")
    }

    private func paint(_ shape: Shape, at origin: Point) {
        cairo_new_path(cr)
        switch shape.geometry {
        case .rect(let size):
            cairo_rectangle(cr, origin.x, origin.y, size.width, size.height)
        case .path(let elements):
            for element in elements {
                switch element {
                case .move(let p): cairo_move_to(cr, origin.x + p.x, origin.y + p.y)
                case .line(let p): cairo_line_to(cr, origin.x + p.x, origin.y + p.y)
                case .curve(let a, let b, let c):
                    cairo_curve_to(
                        cr, origin.x + a.x, origin.y + a.y, origin.x + b.x, origin.y + b.y,
                        origin.x + c.x, origin.y + c.y)
                case .arc(let center, let radius, let start, let end):
                    cairo_arc(cr, origin.x + center.x, origin.y + center.y, radius, start, end)
                case .close: cairo_close_path(cr)
                }
            }
        }
        if let fill = shape.fill {
            setSource(fill)
            if shape.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke = shape.stroke {
            setSource(stroke.color)
            cairo_set_line_width(cr, stroke.width)
            cairo_set_dash(cr, stroke.dash, Int32(stroke.dash.count), 0)
            cairo_stroke(cr)
        }
    }

    private func paint(_ image: ImageItem, at origin: Point) throws(RenderError) {
        // Layout decoded the picture before it took it; one that cannot be read now changed on
        // disk since, and leaving its box empty would lose it without a word.
        guard let picture = PictureLoader.load(image) else {
            throw RenderError("cannot read the picture \(image.path) any more (it changed while the article was set), page \(page)")
        }
        cairo_save(cr)
        cairo_rectangle(cr, origin.x, origin.y, image.size.width, image.size.height)
        cairo_clip(cr)
        switch picture {
        case .raster(let surface, let width, let height):
            cairo_translate(cr, origin.x, origin.y)
            cairo_scale(cr, image.size.width / width, image.size.height / height)
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_paint(cr)
            cairo_surface_destroy(surface)
        case .vector(let handle):
            var viewport = RsvgRectangle(x: origin.x, y: origin.y, width: image.size.width, height: image.size.height)
            var error: UnsafeMutablePointer<GError>?
            rsvg_handle_render_document(handle, cr, &viewport, &error)
            if let error { g_error_free(error) }
            g_object_unref(UnsafeMutableRawPointer(handle))
        }
        cairo_restore(cr)
        try check("the picture \(image.path)")
    }
}
