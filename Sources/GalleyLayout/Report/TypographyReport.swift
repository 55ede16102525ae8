// The typography figures of a laid-out article, read from its frame tree.

import GalleyCore

/// How well an article is set: spacing, hyphens, widows and orphans, overfull lines, floats.
///
/// Spacing figures use the word gap over the font's natural space (`LineInfo.gapRatio`), the
/// measure a reader of the PDF takes (the word gaps between extracted words over the natural
/// space; docs/data.md), over justified body lines.
public struct TypographyReport: Codable, Sendable, Hashable {
    public var pages: Int
    /// Body lines (not headline, footnotes or panels).
    public var lines: Int
    public var justifiedLines: Int
    /// Justified lines whose word gaps exceed 1.5× the natural space.
    public var looseLines: Int
    /// … exceed 2×.
    public var veryLooseLines: Int
    public var maxGapRatio: Double
    public var p95GapRatio: Double
    /// The largest Knuth–Plass adjustment ratio of a justified line.
    public var maxAdjustmentRatio: Double
    public var hyphenatedLines: Int
    public var longestHyphenRun: Int
    /// A paragraph's last line alone at the head of a page.
    public var widows: Int
    /// A paragraph's first line alone at the foot of a page.
    public var orphans: Int
    public var overfullLines: Int
    public var panelsMoved: Int

    public init(pages: [Page], panelsMoved: Int) {
        let body = Self.bodyLines(in: pages)
        self.pages = pages.count
        lines = body.count
        let justified = Self.justifiedGapRatios(body)
        justifiedLines = justified.count
        looseLines = justified.filter { $0 > 1.5 }.count
        veryLooseLines = justified.filter { $0 > 2 }.count
        maxGapRatio = justified.last ?? 0
        p95GapRatio = Self.percentile95(justified)
        maxAdjustmentRatio = body.filter { $0.info.isJustified }.map(\.info.ratio).max() ?? 0
        hyphenatedLines = body.filter { $0.info.isHyphenated }.count
        var run = 0
        var longest = 0
        for line in body {
            run = line.info.isHyphenated ? run + 1 : 0
            longest = max(longest, run)
        }
        longestHyphenRun = longest
        overfullLines = body.filter { $0.info.isOverfull }.count
        // A paragraph split across pages: count its lines per page, in order.
        var widows = 0
        var orphans = 0
        var k = 0
        while k < body.count {
            var end = k
            while end < body.count, body[end].paragraph == body[k].paragraph { end += 1 }
            let pieces = Dictionary(grouping: body[k..<end], by: \.page).sorted { $0.key < $1.key }.map(\.value.count)
            if pieces.count > 1 {
                if pieces.first! < 2 { orphans += 1 }
                if pieces.last! < 2 { widows += 1 }
            }
            k = end
        }
        self.widows = widows
        self.orphans = orphans
        self.panelsMoved = panelsMoved
    }

    /// The figures of many articles together (a batch): counts add up, `longestHyphenRun` and
    /// the largest ratios are the largest of any article, and the p95 is taken over
    /// `gapRatios`, every justified line's gap ratio of all the articles (a percentile of
    /// percentiles would not be one).
    public init(total reports: [TypographyReport], gapRatios: [Double]) {
        func sum(_ figure: KeyPath<TypographyReport, Int>) -> Int { reports.reduce(0) { $0 + $1[keyPath: figure] } }
        pages = sum(\.pages)
        lines = sum(\.lines)
        justifiedLines = sum(\.justifiedLines)
        looseLines = sum(\.looseLines)
        veryLooseLines = sum(\.veryLooseLines)
        maxGapRatio = reports.map(\.maxGapRatio).max() ?? 0
        p95GapRatio = Self.percentile95(gapRatios.sorted())
        maxAdjustmentRatio = reports.map(\.maxAdjustmentRatio).max() ?? 0
        hyphenatedLines = sum(\.hyphenatedLines)
        longestHyphenRun = reports.map(\.longestHyphenRun).max() ?? 0
        widows = sum(\.widows)
        orphans = sum(\.orphans)
        overfullLines = sum(\.overfullLines)
        panelsMoved = sum(\.panelsMoved)
    }

    /// The gap ratios of the justified body lines of `pages`, in ascending order: what the
    /// spacing figures are read from, and what a batch gathers for its p95.
    public static func justifiedGapRatios(in pages: [Page]) -> [Double] {
        justifiedGapRatios(bodyLines(in: pages))
    }

    private static func justifiedGapRatios(_ body: [(page: Int, paragraph: Int, info: LineInfo)]) -> [Double] {
        body.filter { $0.info.isJustified }.map(\.info.gapRatio).sorted()
    }

    /// Body lines in reading order, with their page numbers and paragraphs.
    private static func bodyLines(in pages: [Page]) -> [(page: Int, paragraph: Int, info: LineInfo)] {
        var body: [(page: Int, paragraph: Int, info: LineInfo)] = []
        for page in pages {
            for placed in page.frame.frames(where: { $0.paragraph != nil }) {
                if let info = placed.frame.line, let paragraph = placed.frame.role?.paragraph {
                    body.append((page.number, paragraph, info))
                }
            }
        }
        return body
    }

    /// The 95th percentile of ascending `sorted` values (nearest rank below); 0 when empty.
    private static func percentile95(_ sorted: [Double]) -> Double {
        sorted.isEmpty ? 0 : sorted[Int(0.95 * Double(sorted.count - 1))]
    }

    /// One line for people: `12 lines, 10 justified, 1 loose (>1.5×), 0 very loose (>2×), …`.
    public var summary: String {
        func f(_ v: Double) -> String { String(Double((v * 100).rounded()) / 100) }
        return "\(pages) page\(pages == 1 ? "" : "s"), \(lines) lines, \(justifiedLines) justified: "
            + "\(looseLines) loose (>1.5×), \(veryLooseLines) very loose (>2×), p95 \(f(p95GapRatio)), max \(f(maxGapRatio)); "
            + "\(hyphenatedLines) hyphenated (longest run \(longestHyphenRun)); \(widows) widows, \(orphans) orphans, "
            + "\(overfullLines) overfull, \(panelsMoved) panel\(panelsMoved == 1 ? "" : "s") moved"
    }
}
