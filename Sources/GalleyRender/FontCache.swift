// Turns the font values of the frame tree back into cairo scaled fonts, once per font.

internal import CPangoCairo
import GalleyCore

/// Resolves `FontRef`s through fontconfig (via Pango) to cairo scaled fonts.
///
/// Owns a Pango font map, which must stay on one thread: a cache belongs to the renderer
/// that made it and is not `Sendable`.
final class FontCache {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var fonts: [FontRef: UnsafeMutablePointer<PangoFont>] = [:]

    init() {
        (fontMap, context) = FontSystemLock.withLock {
            let map = pango_cairo_font_map_new()!
            return (map, pango_font_map_create_context(map)!)
        }
        // The same settings as the shaper's (GalleyText.TextShaper.configure): 72 dpi, no
        // rounding, no hinting, so the scaled font has the metrics layout measured with.
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        for font in fonts.values { g_object_unref(UnsafeMutableRawPointer(font)) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The cairo scaled font for `ref`, owned by this cache.
    func scaledFont(for ref: FontRef) -> OpaquePointer? {
        let font: UnsafeMutablePointer<PangoFont>
        if let hit = fonts[ref] {
            font = hit
        } else {
            guard let description = pango_font_description_from_string(ref.description) else { return nil }
            defer { pango_font_description_free(description) }
            pango_font_description_set_absolute_size(description, ref.size * Double(PANGO_SCALE))
            guard let loaded = pango_font_map_load_font(
                fontMap, context, description)
            else { return nil }
            font = loaded
            fonts[ref] = font
        }
        return pango_cairo_font_get_scaled_font(OpaquePointer(font))
    }
}
