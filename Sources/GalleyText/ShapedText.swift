// The result of shaping: glyphs in visual order, each knowing its font and source byte.

import GalleyCore

/// One shaped glyph of a text.
public struct ShapedGlyph: Sendable, Hashable {
    public var id: UInt32
    /// The glyph's advance in points.
    public var advance: Double
    public var xOffset: Double
    /// Vertical offset from the baseline, positive downwards (page coordinates).
    public var yOffset: Double
    /// The UTF-8 offset (in the shaped string) of the cluster this glyph belongs to.
    public var cluster: Int
    /// Index into `ShapedText.fonts`.
    public var font: Int
    /// False for glyphs Pango marks empty or unknown: they advance but draw nothing.
    public var isVisible: Bool
    /// Whether the glyph belongs to a right-to-left run (Arabic, Hebrew): its run's glyphs come
    /// in visual order, the reverse of the text's.
    public var isRightToLeft: Bool = false
}

/// A shaped string: its glyphs in visual order, the fonts they use, and vertical metrics.
///
/// Layout cuts it into pieces by UTF-8 ranges (`glyphRuns(in:)`), so that a paragraph is
/// shaped once and its words and syllables are taken from that single shaping.
public struct ShapedText: Sendable {
    public let text: String
    public let utf8: [UInt8]
    public let glyphs: [ShapedGlyph]
    public let fonts: [FontRef]
    public let color: Color
    /// Ascent and descent of the primary font, in points.
    public let ascent: Double
    public let descent: Double
    /// For each UTF-8 offset (and the end): whether a cluster starts there.
    private let startsCluster: [Bool]
    /// For each UTF-8 offset: the advance of all glyphs whose cluster starts there (0 inside
    /// a cluster). Arrays by offset, not dictionaries: layout asks for every word's width.
    private let advanceAt: [Double]
    /// Glyph indices sorted by cluster, when glyph order is not cluster order (right-to-left
    /// runs); empty when it is, the common case, and `glyphs` is itself sorted by cluster. A
    /// byte range's glyphs are found by binary search, so cutting a long paragraph into words
    /// costs O(log n) per word, not O(n).
    private let glyphsByCluster: [Int]

    init(text: String, glyphs: [ShapedGlyph], fonts: [FontRef], color: Color, ascent: Double, descent: Double) {
        self.text = text
        self.utf8 = Array(text.utf8)
        self.glyphs = glyphs
        self.fonts = fonts
        self.color = color
        self.ascent = ascent
        self.descent = descent
        var starts = [Bool](repeating: false, count: utf8.count + 1)
        var advances = [Double](repeating: 0, count: utf8.count + 1)
        for g in glyphs where g.cluster >= 0 && g.cluster <= utf8.count {
            starts[g.cluster] = true
            advances[g.cluster] += g.advance
        }
        startsCluster = starts
        advanceAt = advances
        let isInClusterOrder = zip(glyphs, glyphs.dropFirst()).allSatisfy { $0.cluster <= $1.cluster }
        glyphsByCluster =
            isInClusterOrder ? [] : glyphs.indices.sorted { (glyphs[$0].cluster, $0) < (glyphs[$1].cluster, $1) }
    }

    /// The index of the glyph at position `k` in cluster order.
    private func glyph(inClusterOrder k: Int) -> Int { glyphsByCluster.isEmpty ? k : glyphsByCluster[k] }

    /// The first position in cluster order whose glyph's cluster starts at or after `offset`.
    private func firstPosition(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = glyphs.count
        while low < high {
            let mid = (low + high) / 2
            if glyphs[glyph(inClusterOrder: mid)].cluster < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Calls `body` with the index of each glyph whose cluster starts in `range`, in visual
    /// (glyph) order.
    private func forEachGlyph(in range: Range<Int>, _ body: (Int) -> Void) {
        let lower = firstPosition(atOrAfter: range.lowerBound)
        let upper = max(lower, firstPosition(atOrAfter: range.upperBound))
        if glyphsByCluster.isEmpty {
            for index in lower..<upper { body(index) }
        } else {
            for index in glyphsByCluster[lower..<upper].sorted() { body(index) }
        }
    }

    /// Whether a cluster starts at UTF-8 offset `offset`: breaks may only fall there.
    public func isClusterStart(_ offset: Int) -> Bool {
        offset >= 0 && offset < startsCluster.count && startsCluster[offset]
    }

    /// The total advance of the whole text.
    public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }

    /// The advance of the glyphs whose clusters start in `range` (UTF-8 offsets).
    public func width(of range: Range<Int>) -> Double {
        var sum = 0.0
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, advanceAt.count)
        while i < end {
            sum += advanceAt[i]
            i += 1
        }
        return sum
    }

    /// The number of clusters that start in `range` (UTF-8 offsets): what tracking widens.
    public func clusterCount(in range: Range<Int>) -> Int {
        var count = 0
        for offset in max(0, range.lowerBound)..<min(range.upperBound, startsCluster.count) where startsCluster[offset] {
            count += 1
        }
        return count
    }

    /// The glyphs whose clusters start in `range` (UTF-8 offsets) as glyph runs, one per
    /// font change. Every run is meant to be placed at the same origin: glyph x positions
    /// are measured from the start of the range. Also returns the range's total advance.
    /// With `scale` ≠ 1 the runs are drawn that much wider (font expansion: positions, widths
    /// and the returned advance multiplied). `tracking` points are added after each cluster
    /// (letter-spacing, not scaled), so the advance grows by it times `clusterCount(in:)`.
    public func glyphRuns(
        in range: Range<Int>, span: SourceSpan? = nil, scale: Double = 1, tracking: Double = 0
    ) -> (runs: [GlyphRun], width: Double) {
        struct Pending {
            var font: Int
            var rightToLeft: Bool
            var glyphs: [Glyph] = []
            /// Source cluster (UTF-8 start) of each drawn glyph, in glyph order.
            var glyphClusters: [Int] = []
            var start: Double
            var lo: Int
            var hi: Int
        }
        var runs: [GlyphRun] = []
        var x = 0.0
        var pending: Pending?
        // Tracking in the unscaled units `x` counts in, added when a new cluster starts.
        let track = tracking / scale
        var lastCluster: Int?

        func flush() {
            guard let p = pending else { return }
            let end = clusterEnd(after: p.hi, limit: range.upperBound)
            let text = String(decoding: utf8[p.lo..<end], as: UTF8.self)
            var run = GlyphRun(
                font: fonts[p.font], color: color, glyphs: p.glyphs, text: text, width: (x - p.start) * scale, span: span,
                horizontalScale: scale)
            run.clusters = clusterMap(p.glyphClusters, textRange: p.lo..<end, backward: p.rightToLeft)
            run.isBackward = p.rightToLeft
            runs.append(run)
            pending = nil
        }

        func take(_ g: ShapedGlyph) {
            if track != 0 {
                if let last = lastCluster, last != g.cluster { x += track }
                lastCluster = g.cluster
            }
            if pending?.font != g.font || pending?.rightToLeft != g.isRightToLeft {
                flush()
                pending = Pending(font: g.font, rightToLeft: g.isRightToLeft, start: x, lo: g.cluster, hi: g.cluster)
            }
            guard var p = pending else { return }
            pending = nil  // so that the appends below find the arrays uniquely referenced
            if g.isVisible {
                p.glyphs.append(Glyph(id: g.id, x: (x + g.xOffset) * scale, y: g.yOffset))
                p.glyphClusters.append(g.cluster)
            }
            p.lo = min(p.lo, g.cluster)
            p.hi = max(p.hi, g.cluster)
            pending = p
            x += g.advance
        }
        forEachGlyph(in: range) { take(glyphs[$0]) }
        if lastCluster != nil { x += track }
        flush()
        return (runs, x * scale)
    }

    /// Clusters for `cairo_show_text_glyphs`: (bytes, glyphs) pairs in glyph order that cover
    /// the run's text exactly, so a PDF reader maps every glyph to its own characters (and
    /// right-to-left runs read in logical order). Text not drawn by any glyph (invisible
    /// characters) joins the neighbouring cluster.
    private func clusterMap(_ glyphClusters: [Int], textRange: Range<Int>, backward: Bool) -> [TextCluster] {
        guard !glyphClusters.isEmpty else { return [] }
        // Distinct cluster starts in text order, each with its glyph count.
        let inOrder = zip(glyphClusters, glyphClusters.dropFirst()).allSatisfy { $0 <= $1 }
        let sorted = inOrder ? glyphClusters : glyphClusters.sorted()
        var starts: [Int] = []
        var counts: [Int] = []
        for c in sorted {
            if starts.last == c {
                counts[counts.count - 1] += 1
            } else {
                starts.append(c)
                counts.append(1)
            }
        }
        starts[0] = textRange.lowerBound
        var clusters: [TextCluster] = []
        clusters.reserveCapacity(starts.count)
        for k in starts.indices {
            let end = k + 1 < starts.count ? starts[k + 1] : textRange.upperBound
            clusters.append(TextCluster(bytes: end - starts[k], glyphs: counts[k]))
        }
        // Glyph order: the same as text order for left-to-right runs, reversed otherwise.
        return backward ? clusters.reversed() : clusters
    }

    /// The end of the cluster that starts at `start`: the next cluster start or `limit`.
    private func clusterEnd(after start: Int, limit: Int) -> Int {
        var i = start + 1
        while i < limit, !isClusterStart(i) { i += 1 }
        return min(i, limit)
    }
}
