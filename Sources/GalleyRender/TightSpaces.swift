// Word spaces in tight gaps bound to the letter before them, so that PDFium keeps them.

internal import CPangoCairo

/// A word space is often a text object of its own in cairo's PDF: cairo puts the glyphs of
/// Latin-1 characters (the space among them) into a simple font and the rest (Cyrillic) into a
/// composite one, so between two Cyrillic words the space glyph stands alone between font
/// changes; and a space glyph showing another text than the one cairo first mapped it to (a
/// no-break space after a short word, where the glyph was first a plain space, or the reverse)
/// goes into an /ActualText span of its own. PDFium (Chromium's reader) drops a text object of
/// no width, and a space glyph has no ink; it then guesses the space from the gap between the
/// words and misses it where justification made the gap tight (0.59–0.75 of the space's width
/// on the seed, the corpus and the samples: «которыйторгует», «ofthe»). Such a space is joined
/// to the character before it in one cluster: cairo writes a cluster of two glyphs as an
/// /ActualText span («й »), which PDFium, poppler and MuPDF read as the span's text, and which
/// has the letter's width; pypdf and pdfminer read the glyphs themselves, as before. Glyph
/// positions do not change.
enum TightSpaces {
    /// A gap narrower than this share of the space glyph's advance is tight (every space
    /// PDFium dropped measured 0.75 or less; the margin is for glyph widths it also weighs).
    static let tightShare = 0.85

    /// `batch`'s clusters with each tight word space merged into the cluster before it.
    /// `advance`: the space glyph's advance as drawn.
    static func clusters(of batch: TextBatch, spaceAdvance advance: Double) -> [cairo_text_cluster_t] {
        guard !batch.spaces.isEmpty, advance > 0 else { return batch.clusters }
        var bound = Set<Int>()
        for (cluster, glyph) in batch.spaces where cluster > 0 && glyph + 1 < batch.glyphs.count {
            let gap = batch.glyphs[glyph + 1].x - batch.glyphs[glyph].x
            if gap < advance * tightShare { bound.insert(cluster) }
        }
        guard !bound.isEmpty else { return batch.clusters }
        var result: [cairo_text_cluster_t] = []
        result.reserveCapacity(batch.clusters.count)
        for (index, cluster) in batch.clusters.enumerated() {
            if bound.contains(index), var last = result.popLast() {
                last.num_bytes += cluster.num_bytes
                last.num_glyphs += cluster.num_glyphs
                result.append(last)
            } else {
                result.append(cluster)
            }
        }
        return result
    }
}
