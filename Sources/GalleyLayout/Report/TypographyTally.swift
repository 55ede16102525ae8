// The typography figures of a whole batch, gathered article by article in constant memory.

/// Adds up `TypographyReport`s one article at a time, for `galley batch`.
///
/// A batch of an archive renders tens of thousands of articles; keeping every article's report
/// and every line's gap ratio until the end would make the supervising process grow with the
/// archive. The tally keeps the running sums and maxima, and the lines' gap ratios as a
/// histogram of thousandths, from which the p95 is read to a thousandth (ratios of 16 and more
/// share the last bin; the largest ratio itself stays exact).
public struct TypographyTally: Sendable {
    /// The width of a histogram bin: p95 figures are exact to this.
    public static let resolution = 0.001
    private static let bins = 16_000

    private var sums = TypographyReport(total: [], gapRatios: [])
    private var histogram = [Int](repeating: 0, count: bins)
    private var ratios = 0
    public private(set) var articles = 0

    public init() {}

    /// Adds one article's figures and the gap ratios of its justified lines.
    public mutating func add(_ report: TypographyReport, gapRatios: [Double]) {
        sums = TypographyReport(total: articles == 0 ? [report] : [sums, report], gapRatios: [])
        articles += 1
        for ratio in gapRatios where ratio.isFinite {
            let bin = Int(min(Double(Self.bins - 1), max(0, ratio / Self.resolution)))
            histogram[bin] += 1
            ratios += 1
        }
    }

    /// The figures of every article added, together: counts summed, largest values the
    /// largest, the p95 over all lines (the lower edge of the bin of the nearest rank below).
    public var total: TypographyReport {
        var report = sums
        report.p95GapRatio = 0
        guard ratios > 0 else { return report }
        let rank = Int(0.95 * Double(ratios - 1))
        var seen = 0
        for (bin, count) in histogram.enumerated() where count > 0 {
            seen += count
            if seen > rank {
                report.p95GapRatio = min(Double(bin) * Self.resolution, report.maxGapRatio)
                break
            }
        }
        return report
    }
}
