// Turns the font values of the frame tree back into cairo scaled fonts, once per font.

internal import CPangoCairo
import GalleyCore

/// Resolves `FontRef`s to cairo scaled fonts: the font that shaped them when the caller knows
/// it, otherwise through fontconfig (via Pango).
///
/// Owns a Pango font map, which must stay on one thread: a cache belongs to the renderer
/// that made it and is not `Sendable`.
final class FontCache {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var fonts: [FontRef: UnsafeMutablePointer<PangoFont>] = [:]
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
        for font in fonts.values { g_object_unref(UnsafeMutableRawPointer(font)) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The cairo scaled font for `ref`, owned by this cache.
    func scaledFont(for ref: FontRef) -> OpaquePointer? {
        let font: UnsafeMutablePointer<PangoFont>
        if let hit = fonts[ref] {
            font = hit
        } else if let known = knownFonts?(ref) {
            g_object_ref(known)
            font = known.assumingMemoryBound(to: PangoFont.self)
            fonts[ref] = font
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
