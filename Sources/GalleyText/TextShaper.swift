// Shapes text with Pango (HarfBuzz underneath): itemizing, font fallback, bidi, glyphs.

internal import CPangoCairo
import GalleyCore

/// Shapes strings into glyphs with Pango, in points, identically for every output format.
///
/// Owns one Pango font map and context. Pango font maps must not be shared between threads
/// (Pango's font map caches are not thread-safe), so a shaper belongs to the thread that made it;
/// it is deliberately not `Sendable`. Reuse one shaper for many articles: loading fonts is
/// the expensive part.
public final class TextShaper {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private var fontRefs: [UnsafeMutableRawPointer: Int] = [:]
    private var fontTable: [FontRef] = []
    private var metricsCache: [String: (ascent: Double, descent: Double)] = [:]
    private var cache: [CacheKey: ShapedText] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var style: TextStyle
    }

    public init() {
        (fontMap, context, layout) = FontSystemLock.withLock {
            let map = pango_cairo_font_map_new()!
            let context = pango_font_map_create_context(map)!
            galley_configure_metrics(context)  // the metric settings render uses too (CPangoCairo/shim.h)
            // Load one font now, under the lock: fontconfig's first load is global.
            let description = pango_font_description_from_string("PT Serif 11")
            if let font = pango_font_map_load_font(map, context, description) { g_object_unref(font) }
            pango_font_description_free(description)
            return (map, context, pango_layout_new(context)!)
        }
    }

    deinit {
        for font in fontRefs.keys { g_object_unref(font) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Shapes `text` on one line (no wrapping). Results are cached per text and style.
    public func shape(_ text: String, style: TextStyle) -> ShapedText {
        let key = CacheKey(text: text, style: style)
        if let hit = cache[key] { return hit }
        let shaped = shapeUncached(text, style: style)
        if text.utf8.count < 64 {
            // Bounded, so that a worker rendering thousands of articles keeps flat memory.
            if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
            cache[key] = shaped
        }
        return shaped
    }

    /// Ascent and descent (points) of the first font of the style.
    public func metrics(of style: TextStyle) -> (ascent: Double, descent: Double) {
        let key = "\(style.pangoDescription) \(style.size)"
        if let hit = metricsCache[key] { return hit }
        let description = makeDescription(style)
        defer { pango_font_description_free(description) }
        let language = pango_language_from_string(style.language ?? "en")
        // The first font's metrics, as pango_context_get_metrics takes its ascent and
        // descent, without the sample text it shapes for an average character width
        // (6 % of a one-article convert, fallback fonts sorted for nothing).
        let saved = pango_context_get_language(context)
        pango_context_set_language(context, language)
        let font = pango_font_map_load_font(fontMap, context, description)
        pango_context_set_language(context, saved)
        guard let font else { return (0, 0) }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let metrics = pango_font_get_metrics(font, language)
        defer { pango_font_metrics_unref(metrics) }
        let result = (
            ascent: Double(pango_font_metrics_get_ascent(metrics)) / Double(PANGO_SCALE),
            descent: Double(pango_font_metrics_get_descent(metrics)) / Double(PANGO_SCALE)
        )
        metricsCache[key] = result
        return result
    }

    /// The family fontconfig actually uses for the first family of `style`, for warnings
    /// about fonts that are not installed.
    public func resolvedFamily(of style: TextStyle) -> String {
        let description = makeDescription(style)
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(fontMap, context, description)
        else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let described = pango_font_describe(font)
        defer { pango_font_description_free(described) }
        return String(cString: pango_font_description_get_family(described))
    }

    private func makeDescription(_ style: TextStyle) -> OpaquePointer {
        let description = pango_font_description_from_string(style.pangoDescription)!
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        return description
    }

    private func shapeUncached(_ text: String, style: TextStyle) -> ShapedText {
        let description = makeDescription(style)
        defer { pango_font_description_free(description) }
        let (ascent, descent) = metrics(of: style)

        let l = layout
        pango_layout_set_font_description(l, description)
        pango_layout_set_width(l, -1)
        pango_layout_set_single_paragraph_mode(l, 1)
        let attributes = pango_attr_list_new()
        if let language = style.language {
            pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language)))
        }
        pango_layout_set_attributes(l, attributes)
        pango_attr_list_unref(attributes)
        text.withCString { pango_layout_set_text(l, $0, Int32(text.utf8.count)) }

        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        var lines = pango_layout_get_lines_readonly(l)
        while let node = lines {
            let line = node.pointee.data.assumingMemoryBound(to: PangoLayoutLine.self)
            var runs = line.pointee.runs
            while let runNode = runs {
                let run = runNode.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
                appendGlyphs(of: run, to: &glyphs)
                runs = runNode.pointee.next
            }
            lines = node.pointee.next
        }
        return ShapedText(
            text: text, glyphs: glyphs, fonts: fontTable, color: style.color, ascent: ascent, descent: descent)
    }

    private func appendGlyphs(of run: UnsafeMutablePointer<PangoGlyphItem>, to glyphs: inout [ShapedGlyph]) {
        let item = run.pointee.item.pointee
        let string = run.pointee.glyphs.pointee
        let font = fontIndex(item.analysis.font)
        let empty = UInt32(PANGO_GLYPH_EMPTY)
        let unknownFlag = UInt32(PANGO_GLYPH_UNKNOWN_FLAG)
        let scale = Double(PANGO_SCALE)
        for i in 0..<Int(string.num_glyphs) {
            let info = string.glyphs[i]
            // A character no installed font has comes back as Pango's «unknown» glyph, which
            // draws nothing of its own: it is drawn as the font's .notdef glyph (id 0, a box)
            // instead, so the page shows that something stands there and readers still get
            // the character (the facade warns about every such glyph, MissingGlyphs).
            let id = (info.glyph & unknownFlag) != 0 ? 0 : info.glyph
            glyphs.append(
                ShapedGlyph(
                    id: id,
                    advance: Double(info.geometry.width) / scale,
                    xOffset: Double(info.geometry.x_offset) / scale,
                    yOffset: Double(info.geometry.y_offset) / scale,
                    cluster: Int(item.offset) + Int(string.log_clusters[i]),
                    font: font,
                    isVisible: id != empty, isRightToLeft: item.analysis.level % 2 == 1))
        }
    }

    /// The index in `fontTable` of a Pango font, describing it once per font.
    private func fontIndex(_ font: UnsafeMutablePointer<PangoFont>?) -> Int {
        guard let font else { return 0 }
        let key = UnsafeMutableRawPointer(font)
        if let index = fontRefs[key] { return index }
        let described = pango_font_describe_with_absolute_size(font)!
        defer { pango_font_description_free(described) }
        let size = Double(pango_font_description_get_size(described)) / Double(PANGO_SCALE)
        pango_font_description_unset_fields(described, PANGO_FONT_MASK_SIZE)
        let cString = pango_font_description_to_string(described)!
        defer { g_free(cString) }
        let ref = FontRef(description: String(cString: cString), size: size)
        let index = fontTable.count
        fontTable.append(ref)
        fontRefs[key] = index
        // Keep the font alive for as long as its address is a key in the table.
        g_object_ref(key)
        return index
    }
}
