// The typography figures of many articles together (what galley batch --report sums).

import Foundation
import Galley
import GalleyLayout
import Testing

@Suite("typography totals")
struct TypographyTotalsTests {
    @Test("counts add up, the largest values stay the largest, the p95 is over every line of every article")
    func totals() throws {
        let typesetter = try Typesetter()
        let articles = try [3, 8, 14].map { try typesetter.typeset(Array(syntheticArticle(paragraphs: $0).utf8), path: "t\($0).txt") }
        let reports = articles.map(\.report)
        let ratios = articles.map { TypographyReport.justifiedGapRatios(in: $0.pages) }
        for (report, own) in zip(reports, ratios) {
            #expect(own.count == report.justifiedLines)
            #expect(own == own.sorted() && own.last == report.maxGapRatio)
        }
        let total = TypographyReport(total: reports, gapRatios: ratios.flatMap { $0 })
        #expect(total.lines == reports.map(\.lines).reduce(0, +))
        #expect(total.justifiedLines == reports.map(\.justifiedLines).reduce(0, +))
        #expect(total.pages == reports.map(\.pages).reduce(0, +))
        #expect(total.maxGapRatio == reports.map(\.maxGapRatio).max())
        let all = ratios.flatMap { $0 }.sorted()
        #expect(total.p95GapRatio == all[Int(0.95 * Double(all.count - 1))])
        // One article alone: its own figures.
        #expect(TypographyReport(total: [reports[1]], gapRatios: ratios[1]) == reports[1])
    }

    @Test("the p95 of ratios 1…100 is 95; nothing gives zeros")
    func percentile() {
        #expect(TypographyReport(total: [], gapRatios: (1...100).reversed().map(Double.init)).p95GapRatio == 95)
        let empty = TypographyReport(total: [], gapRatios: [])
        #expect(empty.lines == 0 && empty.p95GapRatio == 0 && empty.maxGapRatio == 0)
    }

    @Test("a tally gathered one article at a time gives the same figures, the p95 to a thousandth")
    func tally() throws {
        let typesetter = try Typesetter()
        let articles = try [3, 8, 14, 5].map { try typesetter.typeset(Array(syntheticArticle(paragraphs: $0).utf8), path: "t\($0).txt") }
        let ratios = articles.map { TypographyReport.justifiedGapRatios(in: $0.pages) }
        var tally = TypographyTally()
        for (article, own) in zip(articles, ratios) { tally.add(article.report, gapRatios: own) }
        let exact = TypographyReport(total: articles.map(\.report), gapRatios: ratios.flatMap { $0 })
        var counted = tally.total
        #expect(tally.articles == 4)
        #expect(abs(counted.p95GapRatio - exact.p95GapRatio) < TypographyTally.resolution + 1e-9)
        #expect(counted.p95GapRatio <= exact.p95GapRatio + 1e-9)
        counted.p95GapRatio = exact.p95GapRatio
        #expect(counted == exact, "every other figure is the same")
        // Nothing added: zeros, not a crash.
        #expect(TypographyTally().total.p95GapRatio == 0 && TypographyTally().total.lines == 0)
    }
}
