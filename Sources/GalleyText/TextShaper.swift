// Shapes text with Pango (HarfBuzz underneath): itemizing, font fallback, bidi, glyphs.

internal import CPangoCairo
import GalleyCore

/// Shapes strings into glyphs with Pango, in points, identically for every output format.
///
/// Owns Pango font maps (`FontSearch`) and contexts. Pango font maps must not be shared between threads
/// (Pango's font map caches are not thread-safe), so a shaper belongs to the thread that made it;
/// it is deliberately not `Sendable`. Reuse one shaper for many articles: loading fonts is
/// the expensive part.
public final class TextShaper {
    private let search: FontSearch
    /// A Pango context and a one-line layout over each of the search's font maps.
    private let fullSetup: PangoSetup
    private let narrowSetup: PangoSetup?
    private var fontRefs: [UnsafeMutableRawPointer: Int] = [:]
    private var fontTable: [FontRef] = []
    /// The family of each font in `fontTable` (lower case), to tell whether a narrow result
    /// used only the families its style lists.
    private var fontFamilies: [String] = []
    /// The Pango font behind each `FontRef` this shaper handed out (the first, when two fonts
    /// describe alike).
    private var fontsByRef: [FontRef: UnsafeMutableRawPointer] = [:]
    /// The first Pango font of each description, whatever its size.
    private var fontsByDescription: [String: UnsafeMutableRawPointer] = [:]
    private var metricsCache: [String: (ascent: Double, descent: Double)] = [:]
    private var cache: [CacheKey: ShapedText] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var style: TextStyle
    }

    /// A context and a layout that measure in points (`galley_configure_metrics`).
    private struct PangoSetup {
        let context: OpaquePointer
        let layout: OpaquePointer

        init(_ map: UnsafeMutablePointer<PangoFontMap>) {
            context = pango_font_map_create_context(map)!
            galley_configure_metrics(context)  // the metric settings render uses too (CPangoCairo/shim.h)
            layout = pango_layout_new(context)!
        }

        func release() {
            g_object_unref(UnsafeMutableRawPointer(layout))
            g_object_unref(UnsafeMutableRawPointer(context))
        }
    }

    /// - Parameter preferredFamilies: the families the text will mostly be set in (a
    ///   template's `Template.fontFamilies`), searched first (`FontSearch`); empty: every
    ///   installed face for all text.
    public init(preferredFamilies: [String] = []) {
        (search, fullSetup, narrowSetup) = FontSystemLock.withLock {
            let search = FontSearch(preferredFamilies: preferredFamilies)
            let full = PangoSetup(search.full)
            let narrow = search.narrow.map(PangoSetup.init)
            // Load one font now, under the lock: fontconfig's first load is global.
            let description = pango_font_description_from_string("PT Serif 11")
            let first = narrow ?? full
            if let font = pango_font_map_load_font(search.narrow ?? search.full, first.context, description) { g_object_unref(font) }
            pango_font_description_free(description)
            return (search, full, narrow)
        }
    }

    deinit {
        for font in fontRefs.keys { g_object_unref(font) }
        fullSetup.release()
        narrowSetup?.release()
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
        let (map, setup) = start(style)
        let saved = pango_context_get_language(setup.context)
        pango_context_set_language(setup.context, language)
        let font = pango_font_map_load_font(map, setup.context, description)
        pango_context_set_language(setup.context, saved)
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

    /// The Pango font (a `PangoFont *`, owned by this shaper) that shaped the glyphs of `ref`,
    /// else one of the same face at another size (a panel scaled to fit its column shows its
    /// text at a size never shaped), or nil when this shaper never loaded the face. Render
    /// draws with it, so that the page uses the very face layout measured, without asking
    /// fontconfig again (each fresh lookup sorted every installed face).
    public func loadedFont(for ref: FontRef) -> UnsafeMutableRawPointer? {
        fontsByRef[ref] ?? fontsByDescription[ref.description]
    }

    /// Whether fontconfig has a family of this name (any case).
    public func hasFamily(_ name: String) -> Bool {
        search.isInstalled(name)
    }

    /// The font map and setup a style's text is shaped with first.
    private func start(_ style: TextStyle) -> (UnsafeMutablePointer<PangoFontMap>, PangoSetup) {
        if let narrow = search.narrow, let narrowSetup, search.startsNarrow(style) { return (narrow, narrowSetup) }
        return (search.full, fullSetup)
    }

    /// The family fontconfig actually uses for the first family of `style`, for warnings
    /// about fonts that are not installed.
    public func resolvedFamily(of style: TextStyle) -> String {
        let description = makeDescription(style)
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(search.full, fullSetup.context, description)
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

    /// Shapes in the narrow search first when the style starts there, and keeps that result
    /// only when it drew every character with a face of a family the style lists; otherwise
    /// (a character those families lack) shapes again over every installed face.
    private func shapeUncached(_ text: String, style: TextStyle) -> ShapedText {
        if let narrowSetup, search.startsNarrow(style) {
            let listed = search.families(of: style)
            if let shaped = shape(text, style: style, in: narrowSetup, keepingOnly: listed) { return shaped }
        }
        return shape(text, style: style, in: fullSetup, keepingOnly: nil)!
    }

    /// `text` shaped with `setup`; nil when `families` is given and a glyph is unknown or in
    /// a face of another family.
    private func shape(_ text: String, style: TextStyle, in setup: PangoSetup, keepingOnly families: [String]?) -> ShapedText? {
        let description = makeDescription(style)
        defer { pango_font_description_free(description) }
        let (ascent, descent) = metrics(of: style)

        let l = setup.layout
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
                let (complete, font) = appendGlyphs(of: run, to: &glyphs)
                if let families, !complete || !families.contains(fontFamilies[font]) { return nil }
                runs = runNode.pointee.next
            }
            lines = node.pointee.next
        }
        return ShapedText(
            text: text, glyphs: glyphs, fonts: fontTable, color: style.color, ascent: ascent, descent: descent)
    }

    /// Appends a run's glyphs; `complete` is false when one of them is Pango's «unknown» glyph.
    private func appendGlyphs(of run: UnsafeMutablePointer<PangoGlyphItem>, to glyphs: inout [ShapedGlyph]) -> (complete: Bool, font: Int) {
        let item = run.pointee.item.pointee
        let string = run.pointee.glyphs.pointee
        let font = fontIndex(item.analysis.font)
        let empty = UInt32(PANGO_GLYPH_EMPTY)
        let unknownFlag = UInt32(PANGO_GLYPH_UNKNOWN_FLAG)
        let scale = Double(PANGO_SCALE)
        var complete = true
        for i in 0..<Int(string.num_glyphs) {
            let info = string.glyphs[i]
            // A character no installed font has comes back as Pango's «unknown» glyph, which
            // draws nothing of its own: it is drawn as the font's .notdef glyph (id 0, a box)
            // instead, so the page shows that something stands there and readers still get
            // the character (the facade warns about every such glyph, MissingGlyphs).
            let isUnknown = (info.glyph & unknownFlag) != 0
            if isUnknown { complete = false }
            let id = isUnknown ? 0 : info.glyph
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
        return (complete, font)
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
        fontFamilies.append(String(cString: pango_font_description_get_family(described)).lowercased())
        fontRefs[key] = index
        if fontsByRef[ref] == nil { fontsByRef[ref] = key }
        if fontsByDescription[ref.description] == nil { fontsByDescription[ref.description] = key }
        // Keep the font alive for as long as its address is a key in the table.
        g_object_ref(key)
        return index
    }
}
