// Glyph runs gathered for one cairo call: the words of a line in one font.

internal import CPangoCairo
import GalleyCore

/// Left-to-right glyph runs of one font, colour and horizontal scale, with their glyphs at
/// page positions, their text one after another and their clusters: what one
/// `cairo_show_text_glyphs` call draws. Each run keeps its own clusters, so every glyph still
/// maps to its own characters, and readers still find the words by the gaps between them.
struct TextBatch {
    let font: FontRef
    let color: Color
    let horizontalScale: Double
    private(set) var glyphs: [cairo_glyph_t] = []
    private(set) var utf8: [UInt8] = []
    private(set) var clusters: [cairo_text_cluster_t] = []
    /// Each word space drawn: the index of its cluster and of its glyph.
    private(set) var spaces: [(cluster: Int, glyph: Int)] = []

    init(like run: GlyphRun) {
        font = run.font
        color = run.color
        horizontalScale = run.horizontalScale
    }

    /// Whether `run` may go into a batch at all: it has glyphs and text.
    static func canHold(_ run: GlyphRun) -> Bool {
        !run.glyphs.isEmpty && !run.text.isEmpty
    }

    /// Whether `run` draws in this batch's font, colour and scale.
    func matches(_ run: GlyphRun) -> Bool {
        run.font == font && run.color == color && run.horizontalScale == horizontalScale
    }

    /// Adds the run's glyphs in text order (a right-to-left run's reversed) with its clusters.
    mutating func append(_ run: GlyphRun, at origin: Point) {
        let text = Array(run.text.utf8)
        let runClusters = Self.clusters(of: run, utf8: text)
        let inTextOrder = run.isBackward && runClusters.count > 1
        let count = run.glyphs.count
        for k in 0..<count {
            let glyph = run.glyphs[inTextOrder ? count - 1 - k : k]
            glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: origin.x + glyph.x, y: origin.y + glyph.y))
        }
        utf8.append(contentsOf: text)
        clusters += runClusters
        if let space = run.wordSpace {
            // The word space as a character of the same text run (`WordSpace`).
            spaces.append((clusters.count, glyphs.count))
            glyphs.append(cairo_glyph_t(index: UInt(space.glyph.id), x: origin.x + space.glyph.x, y: origin.y + space.glyph.y))
            utf8.append(contentsOf: space.text.utf8)
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(space.text.utf8.count), num_glyphs: 1))
        }
    }

    /// The run's clusters for cairo, in text order: its own when they cover its text and
    /// glyphs exactly and every cluster holds whole characters, else one cluster for the whole
    /// run (the text still extracts, only not glyph by glyph).
    ///
    /// A right-to-left run's clusters come in glyph order, which is text order reversed; the
    /// painter draws such a run with its glyphs reversed into text order (their positions are
    /// explicit, so the page looks the same) and these clusters forward. cairo 1.16's
    /// `CAIRO_TEXT_CLUSTER_FLAG_BACKWARD` is not used: cairo validates backward clusters as if
    /// they ran forward, rejects a run whose clusters then split a character (Arabic with a
    /// U+200F mark did), and its context then silently refuses every later drawing call.
    static func clusters(of run: GlyphRun, utf8: [UInt8]) -> [cairo_text_cluster_t] {
        let whole = [cairo_text_cluster_t(num_bytes: Int32(utf8.count), num_glyphs: Int32(run.glyphs.count))]
        guard !run.clusters.isEmpty else { return whole }
        let inTextOrder = run.isBackward ? run.clusters.reversed() : run.clusters
        var bytes = 0
        var glyphs = 0
        var result: [cairo_text_cluster_t] = []
        result.reserveCapacity(inTextOrder.count)
        for cluster in inTextOrder {
            guard cluster.bytes >= 0, cluster.glyphs >= 0, cluster.bytes + cluster.glyphs > 0 else { return whole }
            bytes += cluster.bytes
            glyphs += cluster.glyphs
            // Each cluster must end where a character ends (the next byte is no continuation byte).
            guard bytes <= utf8.count, bytes == utf8.count || utf8[bytes] & 0xC0 != 0x80 else { return whole }
            result.append(cairo_text_cluster_t(num_bytes: Int32(cluster.bytes), num_glyphs: Int32(cluster.glyphs)))
        }
        guard bytes == utf8.count, glyphs == run.glyphs.count else { return whole }
        return result
    }
}
