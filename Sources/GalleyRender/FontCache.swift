// Turns the font values of the frame tree back into cairo scaled fonts, once per font.

internal import CPangoCairo
import GalleyCore

/// Resolves `FontRef`s to cairo scaled fonts: from the face that shaped them when the caller
/// knows it, otherwise through fontconfig (via Pango).
///
/// Owns a Pango font map, which must stay on one thread: a cache belongs to the renderer
/// that made it and is not `Sendable`.
final class FontCache {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    /// Fonts this cache loaded itself (released with it).
    private var loaded: [UnsafeMutablePointer<PangoFont>] = []
    /// A referenced cairo scaled font per font value.
    private var scaled: [FontRef: OpaquePointer] = [:]
    private let knownFonts: ((FontRef) -> UnsafeMutableRawPointer?)?

    init(knownFonts: ((FontRef) -> UnsafeMutableRawPointer?)? = nil) {
        self.knownFonts = knownFonts
        (fontMap, context) = FontSystemLock.withLock {
            let map = pango_cairo_font_map_new()!
            return (map, pango_font_map_create_context(map)!)
        }
        // The shaper's metric settings (one function for both), so the scaled font has the
        // metrics layout measured with.
        galley_configure_metrics(context)
    }

    deinit {
        for font in scaled.values { cairo_scaled_font_destroy(font) }
        for font in loaded { g_object_unref(UnsafeMutableRawPointer(font)) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The cairo scaled font for `ref`, owned by this cache.
    func scaledFont(for ref: FontRef) -> OpaquePointer? {
        if let hit = scaled[ref] { return hit }
        let font: OpaquePointer?
        if let known = knownFonts?(ref), let base = pango_cairo_font_get_scaled_font(OpaquePointer(known)) {
            font = Self.resized(base, to: ref.size)
        } else {
            font = load(ref).map { cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(OpaquePointer($0))) }
        }
        guard let font, cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS else { return nil }
        scaled[ref] = font
        return font
    }

    /// `base` at `size` points (a new reference): the same face, options and transformation
    /// (a synthetic slant stays), its font matrix scaled, as Pango builds a font of that size
    /// (the same PDF bytes as a font loaded through fontconfig).
    private static func resized(_ base: OpaquePointer, to size: Double) -> OpaquePointer? {
        var matrix = cairo_matrix_t()
        cairo_scaled_font_get_font_matrix(base, &matrix)
        guard matrix.yy != 0 else { return nil }
        // In Pango's units (1/1024 pt), as a font loaded by description at that size would be.
        let scale = Double(PANGO_SCALE)
        let factor = (size * scale).rounded(.towardZero) / scale / matrix.yy
        if factor == 1 { return cairo_scaled_font_reference(base) }
        matrix.xx *= factor
        matrix.yx *= factor
        matrix.xy *= factor
        matrix.yy *= factor
        var ctm = cairo_matrix_t()
        cairo_scaled_font_get_ctm(base, &ctm)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_scaled_font_get_font_options(base, options)
        return cairo_scaled_font_create(cairo_scaled_font_get_font_face(base), &matrix, &ctm, options)
    }

    /// `ref` looked up through fontconfig.
    private func load(_ ref: FontRef) -> UnsafeMutablePointer<PangoFont>? {
        guard let description = pango_font_description_from_string(ref.description) else { return nil }
        defer { pango_font_description_free(description) }
        pango_font_description_set_absolute_size(description, ref.size * Double(PANGO_SCALE))
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return nil }
        loaded.append(font)
        return font
    }
}
