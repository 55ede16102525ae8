// Knuth–Plass: synthetic paragraphs with known optimal breaks.

import Testing

@testable import GalleyTypography

/// A paragraph of words of the given widths, spaces of width 3 (stretch 1.5, shrink 1),
/// finished as the caller must (fill glue and a forced break).
private func paragraph(_ widths: [Double], space: Double = 3) -> [BreakItem] {
    var items: [BreakItem] = []
    for (k, w) in widths.enumerated() {
        if k > 0 { items.append(.glue(width: space, stretch: space / 2, shrink: space / 3)) }
        items.append(.box(width: w))
    }
    items.append(.glue(width: 0, stretch: 100_000, shrink: 0))
    items.append(.penalty(width: 0, cost: -.infinity, flagged: false))
    return items
}

/// First-fit: put words on a line while they fit at natural width.
private func greedyBreaks(_ items: [BreakItem], width: Double) -> [Int] {
    var breaks: [Int] = []
    var line = 0.0
    var lastGlue: Int?
    for (i, item) in items.enumerated() {
        switch item {
        case .box(let w, _, _):
            if line + w > width, let g = lastGlue {
                breaks.append(g)
                line = 0
                lastGlue = nil
                // Recompute this line from the box after the break.
                var j = g + 1
                while j < i {
                    if case .box(let bw, _, _) = items[j] { line += bw } else if case .glue(let gw, _, _) = items[j] { line += gw }
                    j += 1
                }
            }
            line += w
        case .glue(let w, _, _):
            lastGlue = i
            line += w
        case .penalty: break
        }
    }
    breaks.append(items.count - 1)
    return breaks
}

@Suite("line breaking")
struct LineBreakerTests {
    let breaker = LineBreaker()

    @Test("a paragraph that fits on one line: one break at the end, ratio from the fill glue")
    func oneLine() {
        let items = paragraph([10, 10, 10])
        let breaks = breaker.breakLines(items, lineWidth: { _ in 100 })
        #expect(breaks.map(\.position) == [items.count - 1])
    }

    @Test("exact fits give ratio 0 on every line but the last")
    func exact() {
        // Lines of 20 + 3 + 20 + 3 + 20 = 66.
        let items = paragraph([20, 20, 20, 20, 20, 20, 20])
        let breaks = breaker.breakLines(items, lineWidth: { _ in 66 })
        #expect(breaks.count == 3)
        #expect(breaks[0].position == 5 && breaks[1].position == 11)
        #expect(abs(breaks[0].ratio) < 1e-9 && abs(breaks[1].ratio) < 1e-9)
    }

    @Test("total fit beats first fit: the optimum differs from greedy and is better")
    func totalFit() {
        // At natural width 40 + 40 + 15 (+ two spaces) is 101: first fit breaks before «15»
        // and leaves a line with one stretched space; total fit shrinks the spaces instead.
        let widths: [Double] = [40, 40, 15, 40, 40, 15]
        let items = paragraph(widths)
        let width = 100.0
        let optimal = breaker.breakLines(items, lineWidth: { _ in width })
        let greedy = greedyBreaks(items, width: width)
        #expect(optimal.map(\.position) != greedy, "the example must separate the two methods")
        // Every line of the optimum lies within the tolerance: |r| ≤ 1.26 (badness ≤ 200).
        for b in optimal.dropLast() { #expect(b.ratio >= -1 && b.ratio <= 1.26, "ratio \(b.ratio)") }
        func maxRatio(_ positions: [Int]) -> Double {
            var worst = -Double.infinity
            var start = 0
            for p in positions.dropLast() {
                var w = 0.0
                var stretch = 0.0
                for item in items[start..<p] {
                    if case .box(let bw, _, _) = item { w += bw }
                    if case .glue(let gw, let gy, _) = item { w += gw; stretch += gy }
                }
                worst = max(worst, (width - w) / stretch)
                start = p + 1
            }
            return worst
        }
        #expect(maxRatio(optimal.map(\.position)) < maxRatio(greedy))
    }

    @Test("a box wider than the line still gets a line of its own (overfull), nothing dropped")
    func overfull() {
        let items = paragraph([20, 150, 20])
        let breaks = breaker.breakLines(items, lineWidth: { _ in 60 })
        #expect(breaks.last?.position == items.count - 1)
        #expect(breaks.count >= 2)
        #expect(breaks.contains { $0.ratio < -1 }, "the wide box's line is overfull")
    }

    @Test("a forced break in the middle is always taken")
    func forced() {
        var items = paragraph([10, 10])
        items.insert(.penalty(width: 0, cost: -.infinity, flagged: false), at: 2)
        let breaks = breaker.breakLines(items, lineWidth: { _ in 100 })
        #expect(breaks.map(\.position).contains(2))
    }

    @Test("no three hyphenated lines in a row when a paragraph could have them")
    func hyphenRuns() {
        // Words split into two halves by a flagged penalty: lines of 2.5 words fit exactly
        // only by hyphenating, so an unrestricted breaker would hyphenate every line.
        var items: [BreakItem] = []
        for k in 0..<30 {
            if k > 0 { items.append(.glue(width: 4, stretch: 2, shrink: 1.3)) }
            items += [.box(width: 20), .penalty(width: 3, cost: 50, flagged: true), .box(width: 20)]
        }
        items += [.glue(width: 0, stretch: 100_000, shrink: 0), .penalty(width: 0, cost: -.infinity, flagged: false)]
        let breaks = breaker.breakLines(items, lineWidth: { _ in 107 })
        var run = 0
        var longest = 0
        for b in breaks {
            run = b.isFlagged ? run + 1 : 0
            longest = max(longest, run)
        }
        #expect(longest <= 2)
        #expect(breaks.contains { $0.isFlagged }, "hyphens are used where they help")
    }

    @Test("20,000 words set in one call (linear: active nodes stay bounded)")
    func long() {
        var widths: [Double] = []
        var seed: UInt64 = 7
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            widths.append(10 + Double(seed >> 59) * 3)
        }
        let items = paragraph(widths)
        let breaks = breaker.breakLines(items, lineWidth: { _ in 300 })
        #expect(breaks.count > 1000)
        #expect(breaks.dropLast().allSatisfy { $0.ratio >= -1 })
    }
}
