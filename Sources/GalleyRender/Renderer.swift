// Frames → PDF, SVG and PNG bytes through cairo. The surfaces differ; the drawing does not.

internal import CDeflateLevel
internal import CPangoCairo
import Foundation
import GalleyCore

/// Draws laid-out pages into PDF, SVG or PNG bytes.
///
/// Keeps a font cache (a Pango font map) between documents, so one renderer per thread
/// should render many documents. Not `Sendable`: Pango font maps stay on one thread.
public final class Renderer {
    private let fonts: FontCache

    /// The zlib level of PDF streams: the fastest. At cairo's default (6) deflating was 23 %
    /// of a batch's time; level 1 takes about half that and makes PDFs 4.6 % larger
    /// (CDeflateLevel).
    static let pdfDeflateLevel: Int32 = 1

    /// `knownFonts` gives the Pango font (a `PangoFont *`) that shaped a `FontRef`, when the
    /// caller has it (the typesetter's shaper, on this thread): render then draws with that
    /// very font and asks fontconfig only for the others.
    public init(knownFonts: ((FontRef) -> UnsafeMutableRawPointer?)? = nil) {
        fonts = FontCache(knownFonts: knownFonts)
        galley_set_deflate_level(Self.pdfDeflateLevel)
    }

    /// All pages in one tagged PDF, fonts embedded as subsets, with document information,
    /// language, alt text and XMP (`PDFFinisher`), and what `facts.standards` ask for.
    public func pdf(_ pages: [Page], metadata: DocumentMetadata, facts: PDFFacts) throws -> [UInt8] {
        let sink = ByteSink()
        let first = pages.first?.size ?? Size(width: 595.276, height: 841.89)
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width, first.height)
        else { throw RenderError("cairo could not create a PDF surface") }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        setMetadata(surface, metadata)
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        let tags = StructureTags(cr: cr, language: facts.language, parts: facts.parts)
        // One Document element holds every page's elements (cairo keeps it open across pages).
        tags.begin("Document")
        for page in pages {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            try Painter(cr: cr, fonts: fonts, page: page.number, tags: tags).paint(page.frame, at: .zero)
            tags.closeGroup()
            cairo_show_page(cr)
        }
        tags.end("Document")
        try finish(surface, what: "PDF")
        return try PDFFinisher(facts: facts, metadata: metadata, figureAlt: tags.figureAlt, elements: tags.elements).finish(sink.bytes)
    }

    /// One page as a standalone SVG document (cairo writes one page per SVG surface),
    /// in points, with the headline as its `<title>`.
    public func svg(_ page: Page, title: String) throws -> [UInt8] {
        let sink = ByteSink()
        guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, page.size.width, page.size.height)
        else { throw RenderError("cairo could not create an SVG surface") }
        defer { cairo_surface_destroy(surface) }
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        let cr = cairo_create(surface)!
        do {
            defer { cairo_destroy(cr) }
            try Painter(cr: cr, fonts: fonts, page: page.number).paint(page.frame, at: .zero)
            cairo_show_page(cr)
        }
        try finish(surface, what: "SVG")
        return SVGPostProcessor.process(sink.bytes, title: title, textLayer: SVGTextLayer.markup(for: page))
    }

    /// The most pixels a PNG page may have: 150 megapixels is 600 MB of image surface (A4 at
    /// 1,200 dpi is 139), refused before cairo allocates it.
    public static let maximumPNGPixels = 150_000_000.0

    /// One page as a PNG at `dpi` dots per inch, on a white background.
    public func png(_ page: Page, dpi: Double) throws -> [UInt8] {
        let scale = dpi / 72
        let pixelsWide = (page.size.width * scale).rounded()
        let pixelsHigh = (page.size.height * scale).rounded()
        guard pixelsWide >= 1, pixelsHigh >= 1, pixelsWide < 30_000, pixelsHigh < 30_000,
            pixelsWide * pixelsHigh <= Self.maximumPNGPixels
        else {
            throw RenderError(
                "a page of \(Int(pixelsWide))×\(Int(pixelsHigh)) pixels at \(dpi) dpi is over the PNG limit (30,000 pixels a side, \(Int(Self.maximumPNGPixels / 1_000_000)) megapixels a page); lower --dpi")
        }
        let width = Int32(pixelsWide)
        let height = Int32(pixelsHigh)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { throw RenderError("cairo could not allocate a \(width)×\(height) image") }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        do {
            defer { cairo_destroy(cr) }
            try Painter(cr: cr, fonts: fonts, page: page.number).paint(page.frame, at: .zero)
        }
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("cairo could not write PNG: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }

    private func setMetadata(_ surface: OpaquePointer, _ metadata: DocumentMetadata) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title),
            (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
        ]
        for (key, value) in fields where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }

    private func finish(_ surface: OpaquePointer, what: String) throws {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("cairo could not write \(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
