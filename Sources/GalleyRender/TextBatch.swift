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

    init(like run: GlyphRun) {
        font = run.font
        color = run.color
        horizontalScale = run.horizontalScale
    }

    /// Whether `run` may go into a batch at all: it has glyphs and text and runs left to
    /// right (right-to-left runs keep their own call, with cairo's backward clusters).
    static func canHold(_ run: GlyphRun) -> Bool {
        !run.glyphs.isEmpty && !run.text.isEmpty && !run.isBackward
    }

    /// Whether `run` draws in this batch's font, colour and scale.
    func matches(_ run: GlyphRun) -> Bool {
        run.font == font && run.color == color && run.horizontalScale == horizontalScale
    }

    mutating func append(_ run: GlyphRun, at origin: Point) {
        for glyph in run.glyphs {
            glyphs.append(cairo_glyph_t(index: UInt(glyph.id), x: origin.x + glyph.x, y: origin.y + glyph.y))
        }
        let before = utf8.count
        utf8.append(contentsOf: run.text.utf8)
        clusters += Self.clusters(of: run, utf8Count: utf8.count - before)
    }

    /// The run's clusters for cairo: its own when they cover its text and glyphs exactly,
    /// else one cluster for the whole run.
    static func clusters(of run: GlyphRun, utf8Count: Int) -> [cairo_text_cluster_t] {
        var bytes = 0
        var glyphs = 0
        for cluster in run.clusters {
            bytes += cluster.bytes
            glyphs += cluster.glyphs
        }
        guard !run.clusters.isEmpty, bytes == utf8Count, glyphs == run.glyphs.count else {
            return [cairo_text_cluster_t(num_bytes: Int32(utf8Count), num_glyphs: Int32(run.glyphs.count))]
        }
        return run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
    }
}
