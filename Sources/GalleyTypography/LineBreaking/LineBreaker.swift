// Knuth–Plass total-fit line breaking over boxes, glue and penalties.

/// Chooses line breaks for a whole paragraph at once, minimizing total demerits.
///
/// Follows Knuth & Plass, «Breaking paragraphs into lines» (1981): legal breaks are glue after
/// a box and penalties below +∞; a line's adjustment ratio r is its shortfall over its total
/// stretch (or shrink); badness is 100·|r|³; a break is feasible when r ≥ −1 and badness ≤
/// tolerance; demerits are (linePenalty + badness)² ± penalty², plus extra demerits for two
/// flagged breaks in a row and for adjacent lines of fitness classes more than one apart.
/// Departures from the paper: active nodes are also keyed by the number of consecutive
/// hyphenated lines so that `maxConsecutiveHyphens` is a hard limit; nodes are not keyed by
/// line number (galley's lines in one paragraph have one width); and there is no looseness.
///
/// Cost: a node is deactivated as soon as a line from it would be overfull (r < −1), so the
/// active set never holds more nodes than fit in a line's width, times the 4 fitness classes
/// and the hyphen-run states; the work is linear in the paragraph's length.
public struct LineBreaker: Sendable {
    public var options: LineBreakOptions

    public init(options: LineBreakOptions = LineBreakOptions()) {
        self.options = options
    }

    /// Breaks `items` into lines, in up to four passes: the tolerance; the second tolerance;
    /// the second tolerance with emergency stretch; an emergency pass. The caller ends the paragraph with the customary finishing
    /// glue (width 0, very large stretch) and a forced break (penalty −∞). Always returns at
    /// least one break (the last item); a box wider than the line ends up alone on an overfull
    /// line rather than being dropped.
    ///
    /// `leftHang`, when not empty, holds for each item how far it hangs into the left margin
    /// when it starts a line (character protrusion): such a line has that much more room.
    public func breakLines(_ items: [BreakItem], lineWidth: (Int) -> Double, leftHang: [Double] = []) -> [LineBreak] {
        guard !items.isEmpty else { return [] }
        let sums = PrefixSums(items, leftHang: leftHang)
        if let breaks = run(items, sums, lineWidth, tolerance: options.tolerance, extraStretch: 0, emergency: false) {
            return breaks
        }
        // Second pass: looser lines allowed, still measured on the real glue, so that the
        // breaker keeps comparing true spacing; only then does emergency stretch (which hides
        // part of a line's looseness from the breaker) come in.
        if let breaks = run(items, sums, lineWidth, tolerance: options.secondTolerance, extraStretch: 0, emergency: false) {
            return breaks
        }
        if let breaks = run(
            items, sums, lineWidth, tolerance: options.secondTolerance,
            extraStretch: options.emergencyStretch, emergency: false)
        {
            return breaks
        }
        return run(items, sums, lineWidth, tolerance: .infinity, extraStretch: options.emergencyStretch, emergency: true)
            ?? [LineBreak(position: items.count - 1, ratio: 0, isFlagged: false)]
    }

    // MARK: - One pass

    private struct Node {
        var position: Int
        var line: Int
        var fitness: Int
        var hyphenRun: Int
        var demerits: Double
        var previous: Int?
        /// Sums of the items from the first item after the break that is not discarded.
        var width: Double
        var stretch: Double
        var shrink: Double
        var flagged: Bool
    }

    private func run(
        _ items: [BreakItem], _ sums: PrefixSums, _ lineWidth: (Int) -> Double,
        tolerance: Double, extraStretch: Double, emergency: Bool
    ) -> [LineBreak]? {
        var nodes: [Node] = []
        let start = sums.after(breakAt: -1, items)
        nodes.append(
            Node(
                position: -1, line: 0, fitness: 1, hyphenRun: 0, demerits: 0, previous: nil, width: start.width,
                stretch: start.stretch, shrink: start.shrink, flagged: false))
        var active: [Int] = [0]

        for i in items.indices {
            let penaltyWidth: Double
            let cost: Double
            let flagged: Bool
            switch items[i] {
            case .box: continue
            case .glue:
                guard i > 0, case .box = items[i - 1] else { continue }
                penaltyWidth = 0
                cost = 0
                flagged = false
            case .penalty(let w, let c, let f):
                guard c < .infinity else { continue }
                penaltyWidth = w
                cost = c
                flagged = f
            }
            let forced = cost == -.infinity

            // Best candidate per (fitness class, hyphen run).
            var best: [Int: (demerits: Double, from: Int, ratio: Double)] = [:]
            var survivors: [Int] = []
            survivors.reserveCapacity(active.count)
            var lastRemoved: (node: Int, ratio: Double)?

            for a in active {
                let node = nodes[a]
                let width = sums.width[i] - node.width + penaltyWidth
                let target = lineWidth(node.line)
                var ratio: Double
                if width < target {
                    let stretch = sums.stretch[i] - node.stretch + extraStretch
                    ratio = stretch > 0 ? (target - width) / stretch : .infinity
                } else if width > target {
                    let shrink = sums.shrink[i] - node.shrink
                    ratio = shrink > 0 ? (target - width) / shrink : -.infinity
                } else {
                    ratio = 0
                }
                if ratio < -1 || forced {
                    lastRemoved = (a, ratio)
                } else {
                    survivors.append(a)
                }
                guard ratio >= -1 else { continue }
                let badness = Self.badness(ratio)
                guard badness <= tolerance || (forced && ratio == .infinity && width <= target) else { continue }
                let run = flagged ? node.hyphenRun + 1 : 0
                guard run <= options.maxConsecutiveHyphens else { continue }
                let fitness = Self.fitness(ratio)
                var demerits = (options.linePenalty + min(badness, 10_000))
                demerits *= demerits
                if cost > 0 { demerits += cost * cost } else if cost > -.infinity { demerits -= cost * cost }
                if flagged && node.flagged { demerits += options.flaggedDemerits }
                if abs(fitness - node.fitness) > 1 { demerits += options.fitnessDemerits }
                demerits += node.demerits
                let key = fitness * 16 + run
                if best[key].map({ demerits < $0.demerits }) ?? true {
                    best[key] = (demerits, a, ratio)
                }
            }

            // Emergency: nothing survives and nothing is feasible: break here anyway from the
            // node that overflowed last, so the paragraph goes on (an overfull line).
            if emergency, best.isEmpty, survivors.isEmpty, let removed = lastRemoved {
                let node = nodes[removed.node]
                best[0] = (node.demerits + 1_000_000, removed.node, removed.ratio)
            }

            active = survivors
            guard !best.isEmpty else {
                if active.isEmpty { return nil }
                continue
            }
            let after = sums.after(breakAt: i, items)
            for key in best.keys.sorted() {
                guard let candidate = best[key] else { continue }
                let from = nodes[candidate.from]
                nodes.append(
                    Node(
                        position: i, line: from.line + 1, fitness: key / 16, hyphenRun: key % 16,
                        demerits: candidate.demerits, previous: candidate.from, width: after.width,
                        stretch: after.stretch, shrink: after.shrink, flagged: flagged))
                active.append(nodes.count - 1)
            }
            if forced {
                // Every line must end here: only the nodes just made stay active.
                active = active.filter { nodes[$0].position == i }
            }
        }

        // The paragraph ends with a forced break: the best node there ends the best breaking.
        let last = items.count - 1
        guard let end = active.filter({ nodes[$0].position == last }).min(by: { nodes[$0].demerits < nodes[$1].demerits })
        else { return nil }
        var chain: [Int] = []
        var cursor: Int? = end
        while let c = cursor, nodes[c].position >= 0 {
            chain.append(c)
            cursor = nodes[c].previous
        }
        chain.reverse()
        // Ratios are recomputed without the emergency stretch: that is how the glue is set.
        var breaks: [LineBreak] = []
        var previous = nodes[0]
        for c in chain {
            let node = nodes[c]
            breaks.append(
                LineBreak(
                    position: node.position,
                    ratio: Self.ratio(from: previous, to: node.position, items, sums, lineWidth(previous.line)),
                    isFlagged: node.flagged))
            previous = node
        }
        return breaks
    }

    private static func ratio(from node: Node, to i: Int, _ items: [BreakItem], _ sums: PrefixSums, _ target: Double) -> Double {
        var width = sums.width[i] - node.width
        if case .penalty(let w, _, _) = items[i] { width += w }
        if width < target {
            let stretch = sums.stretch[i] - node.stretch
            return stretch > 0 ? (target - width) / stretch : 0
        } else if width > target {
            let shrink = sums.shrink[i] - node.shrink
            return shrink > 0 ? (target - width) / shrink : -.infinity
        }
        return 0
    }

    /// Knuth's badness: 100·|r|³, «infinitely bad» (10000) from r ≈ 4.6 on.
    static func badness(_ ratio: Double) -> Double {
        if ratio == .infinity { return .infinity }
        let r = abs(ratio)
        return min(100 * r * r * r, 100_000)
    }

    /// Fitness classes of the paper: 0 tight, 1 decent, 2 loose, 3 very loose.
    static func fitness(_ ratio: Double) -> Int {
        if ratio < -0.5 { return 0 }
        if ratio <= 0.5 { return 1 }
        if ratio <= 1 { return 2 }
        return 3
    }
}

/// Running totals of width, stretch and shrink of the items before each index.
struct PrefixSums {
    var width: [Double]
    var stretch: [Double]
    var shrink: [Double]
    /// Per item, its left protrusion when it starts a line (empty: none).
    var leftHang: [Double]

    init(_ items: [BreakItem], leftHang: [Double] = []) {
        self.leftHang = leftHang.count == items.count ? leftHang : []
        width = [0]
        stretch = [0]
        shrink = [0]
        width.reserveCapacity(items.count + 1)
        stretch.reserveCapacity(items.count + 1)
        shrink.reserveCapacity(items.count + 1)
        for item in items {
            var w = 0.0
            var y = 0.0
            var z = 0.0
            switch item {
            case .box(let bw, let by, let bz):
                w = bw
                y = by
                z = bz
            case .glue(let gw, let gy, let gz):
                w = gw
                y = gy
                z = gz
            case .penalty: break
            }
            width.append(width.last! + w)
            stretch.append(stretch.last! + y)
            shrink.append(shrink.last! + z)
        }
    }

    /// The totals where a line that breaks at `b` starts: glue and penalties right after the
    /// break are discarded (up to the next box or forced break), as TeX does. A first box that
    /// hangs into the left margin counts that much less (the width is moved forward by it).
    func after(breakAt b: Int, _ items: [BreakItem]) -> (width: Double, stretch: Double, shrink: Double) {
        var j = b + 1
        while j < items.count {
            switch items[j] {
            case .box: return (width[j] + (leftHang.isEmpty ? 0 : leftHang[j]), stretch[j], shrink[j])
            case .penalty(_, let cost, _) where cost == -.infinity && j > b:
                return (width[j], stretch[j], shrink[j])
            default: j += 1
            }
        }
        return (width[j], stretch[j], shrink[j])
    }
}
