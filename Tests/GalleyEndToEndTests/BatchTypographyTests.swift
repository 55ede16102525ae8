// galley batch --report: the typography figures of the whole batch.

import Foundation
import Galley
import GalleyLayout
import Testing

@Suite("batch typography")
struct BatchTypographyTests {
    @Test("the report's typography totals are the sums (and largest values) of the inputs' figures; stderr prints them")
    func totals() throws {
        let folder = try sampleArchive(copy: "ru-naberezhnaya.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let reportFile = folder.appendingPathComponent("report.json")
        let out = folder.appendingPathComponent("out")
        let result = try galley(["batch", input.path, "-o", out.path, "--template", "newspaper", "--emit", "report", "--report", reportFile.path])
        #expect(result.status == 0, "\(result.stderr)")

        struct Result: Decodable { var key: String; var outputs: [String]; var report: TypographyReport }
        struct Report: Decodable { var typography: TypographyReport; var results: [Result] }
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: reportFile))
        let inputs = report.results.map(\.report)
        #expect(inputs.count == 3)
        let total = report.typography
        func sum(_ figure: KeyPath<TypographyReport, Int>) -> Int { inputs.map { $0[keyPath: figure] }.reduce(0, +) }
        for figure in [\TypographyReport.pages, \.lines, \.justifiedLines, \.looseLines, \.veryLooseLines, \.hyphenatedLines,
                       \.widows, \.orphans, \.overfullLines, \.panelsMoved] {
            #expect(total[keyPath: figure] == sum(figure), "\(figure)")
        }
        #expect(total.lines > 0 && total.justifiedLines > 0)
        #expect(total.longestHyphenRun == inputs.map(\.longestHyphenRun).max())
        #expect(total.maxGapRatio == inputs.map(\.maxGapRatio).max())
        #expect(total.maxAdjustmentRatio == inputs.map(\.maxAdjustmentRatio).max())
        // The p95 is over every line of the batch (TypographyTotalsTests checks the figure).
        #expect(total.p95GapRatio > 0 && total.p95GapRatio <= total.maxGapRatio)
        #expect(!(try String(contentsOf: reportFile, encoding: .utf8)).contains("gapRatios"), "per-line ratios stay out of the report")

        // Each input's NAME.report.json (--emit report) says what the batch report says of it.
        for result in report.results {
            let name = try #require(result.outputs.first { $0.hasSuffix(".report.json") })
            let written = try JSONDecoder().decode(TypographyReport.self, from: Data(contentsOf: out.appendingPathComponent(name)))
            #expect(written == result.report)
        }
        #expect(result.stderr.contains("typography of the 3 rendered: \(total.pages) pages, \(total.lines) lines"), "\(result.stderr)")
    }
}
