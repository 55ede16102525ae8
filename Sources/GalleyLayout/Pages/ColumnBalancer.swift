// Balance (pages): a section's items shared out over its columns, evenly, with no widow or orphan.

/// Chooses where a column section's items go from one column to the next.
///
/// A sub-editor wants the columns of a section (between the headline or a wide panel and the
/// next, or the page's end) to end level, within a line of each other, and no paragraph to
/// leave its last line alone at the head of a column (a widow) or its first line alone at the
/// foot of one (an orphan). The items stay in order; a cut may fall between any two items
/// except where it would make a widow or an orphan. Of all the ways to cut, the balancer
/// takes the one whose tallest column is lowest and, among those, the one whose shortest
/// column is tallest: seven lines in three columns end 3 / 2 / 2, not 3 / 3 / 1. Both are
/// exact dynamic programs over cut positions (O(columns × items²); a section holds a few
/// hundred lines at most).
///
/// A column's height counts the space between its items (a paragraph's space before it, the
/// space around a panel) except above the first, which stands at the column's top.
///
/// A panel is one tall item that cannot be cut, so a section whose panel stands mid-text may
/// not balance in the order written. Then, as a make-up editor would, the balancer also tries
/// each panel at the foot of the section, at its top and at the head of each column, and keeps
/// the order that balances best (`plan(limit:)`, `isBetter`). A panel's height is no multiple
/// of a line's either: when the lowest tallest column leaves the columns more than a line
/// apart, a column up to a line taller is tried too (`cuts(limit:)`).
struct ColumnBalancer {
    /// What the balancer needs to know of one item.
    struct Item {
        var height: Double
        /// The space it wants above it when it is not at the top of a column.
        var spaceAbove: Double
        /// The space it keeps below it (a panel's), unless it ends a column.
        var spaceBelow: Double
        /// For a line: whether it is the first or the last of its paragraph.
        var isFirstLine: Bool
        var isLastLine: Bool
        var isLine: Bool
    }

    let items: [Item]
    let columns: Int

    /// Where each item goes: `order` lists the items' indices in the order they are set, `cuts`
    /// the positions in `order` where a new column starts; `tallest` and `shortest` are the
    /// column heights it gives.
    struct Plan {
        var order: [Int]
        var cuts: [Int]
        var tallest: Double
        var shortest: Double
    }

    /// The best plan: the items in their order, or with a panel moved to the section's top or
    /// foot or to the top of one of its columns, when that balances better (`isBetter`). nil
    /// when no order avoids widows and orphans within `limit`.
    func plan(limit: Double) -> Plan? {
        var best = planned(Array(items.indices), limit: limit)
        for p in items.indices where !items[p].isLine {
            guard let current = best, current.tallest - current.shortest > 0.5 else { return best }
            let rest = current.order.filter { $0 != p }
            // Where the panel may go: the section's top and foot, and the head of each column
            // of the plan so far (a make-up editor's choices; the text keeps its order).
            var positions: Set<Int> = [0, rest.count]
            for cut in current.cuts where current.order[cut] != p {
                positions.insert(rest.firstIndex(of: current.order[cut]) ?? 0)
            }
            for q in positions.sorted() {
                let order = Array(rest[..<q]) + [p] + Array(rest[q...])
                guard order != current.order, let candidate = planned(order, limit: limit) else { continue }
                if best.map({ isBetter(candidate, than: $0) }) ?? true { best = candidate }
            }
        }
        return best
    }

    /// The height within which a section counts as level: one line.
    var lineHeight: Double {
        let lines = items.filter(\.isLine).map(\.height).sorted()
        return lines.isEmpty ? 12 : lines[lines.count / 2]
    }

    /// How far a plan's columns end further apart than a line.
    func excess(_ plan: Plan) -> Double { max(0, plan.tallest - plan.shortest - lineHeight) }

    /// Whether `candidate` balances better than `current`: its columns end closer to within a
    /// line of each other, or as close and its tallest column is lower, or as low and its
    /// shortest is taller (each by more than a point).
    func isBetter(_ candidate: Plan, than current: Plan) -> Bool {
        if excess(candidate) < excess(current) - 1 { return true }
        guard abs(excess(candidate) - excess(current)) <= 1 else { return false }
        if candidate.tallest < current.tallest - 1 { return true }
        return abs(candidate.tallest - current.tallest) <= 1 && candidate.shortest > current.shortest + 1
    }

    /// The plan for the items in `order`.
    private func planned(_ order: [Int], limit: Double) -> Plan? {
        let balancer = ColumnBalancer(items: order.map { items[$0] }, columns: columns)
        guard let cuts = balancer.cuts(limit: limit) else { return nil }
        return balancer.plan(order: order, cuts: cuts)
    }

    /// The plan of the items in this balancer's order cut at `cuts`.
    private func plan(order: [Int], cuts: [Int]) -> Plan {
        let bounds = [0] + cuts + [items.count]
        var heights: [Double] = []
        for k in 0..<(bounds.count - 1) { heights.append(height(from: bounds[k], to: bounds[k + 1])) }
        while heights.count < columns { heights.append(0) }
        return Plan(order: order, cuts: cuts, tallest: heights.max() ?? 0, shortest: heights.min() ?? 0)
    }

    /// The height of a column holding items `i..<j` in this balancer's order.
    func height(from i: Int, to j: Int) -> Double {
        guard i < j else { return 0 }
        var h = items[i].height
        for k in (i + 1)..<j { h += gap(before: k) + items[k].height }
        return h
    }

    /// The space between item `k - 1` and item `k` when both stand in one column.
    private func gap(before k: Int) -> Double { max(items[k].spaceAbove, items[k - 1].spaceBelow) }

    /// Whether a column may start at item `k`: not a paragraph's last line whose paragraph began
    /// earlier (widow), not after a paragraph's first line that goes on (orphan).
    func mayStartColumn(at k: Int) -> Bool {
        guard k > 0 && k < items.count else { return true }
        let widow = items[k].isLine && items[k].isLastLine && !items[k].isFirstLine
        let orphan = items[k - 1].isLine && items[k - 1].isFirstLine && !items[k - 1].isLastLine
        return !widow && !orphan
    }

    /// The first item of each column after the first (an ascending list of fewer than
    /// `columns` cuts), or nil when no cut avoids widows and orphans within `limit`.
    func cuts(limit: Double) -> [Int]? {
        let n = items.count
        guard n > 0, columns > 1 else { return [] }
        // Prefix sums: heights, and gaps between neighbours.
        var heights = [0.0]
        var gaps = [0.0, 0.0]
        for (k, item) in items.enumerated() {
            heights.append(heights[k] + item.height)
            if k > 0 { gaps.append(gaps[k] + gap(before: k)) }
        }
        /// The height of a column holding items `i..<j` (i < j).
        func height(_ i: Int, _ j: Int) -> Double { heights[j] - heights[i] + gaps[j] - gaps[i + 1] }

        let unreachable = Double.infinity
        // Phase 1: the lowest possible tallest column. best[c][j]: items 0..<j in c columns.
        var best = Array(repeating: Array(repeating: unreachable, count: n + 1), count: columns + 1)
        best[0][0] = 0
        for c in 1...columns {
            best[c][0] = 0
            for j in 1...n {
                var value = j == n ? best[c - 1][j] : unreachable  // column c empty: only at the end
                for i in 0..<j where best[c - 1][i] < unreachable && (i == 0 || mayStartColumn(at: i)) {
                    value = min(value, max(best[c - 1][i], height(i, j)))
                }
                best[c][j] = value
            }
        }
        let tallest = best[columns][n]
        guard tallest <= limit + 0.001 else { return nil }

        // Phase 2: with no column taller than that, the tallest shortest column; when the
        // columns still end more than a line apart, a column half a line or a line taller
        // may let the shortest grow more (a panel's height is no multiple of a line's).
        var chosen: (cuts: [Int], spread: Double)?
        for extra in [0, 0.5, 1.0].map({ $0 * lineHeight }) where tallest + extra <= limit + 0.001 {
            guard let cuts = levelCuts(ceiling: tallest + extra + 0.001, height: height) else { continue }
            let planned = plan(order: Array(items.indices), cuts: cuts)
            let spread = planned.tallest - planned.shortest
            if chosen.map({ spread < $0.spread - 1 }) ?? true { chosen = (cuts, spread) }
            if spread <= lineHeight + 0.001 { break }
        }
        return chosen?.cuts
    }

    /// Cuts with no column taller than `ceiling` whose shortest column is the tallest it can
    /// be; nil when there are none. `height(i, j)`: the height of a column of items `i..<j`.
    private func levelCuts(ceiling: Double, height: (Int, Int) -> Double) -> [Int]? {
        let n = items.count
        // low[c][j]: the best shortest column for items 0..<j in c columns (−∞: impossible).
        var low = Array(repeating: Array(repeating: -Double.infinity, count: n + 1), count: columns + 1)
        var from = Array(repeating: Array(repeating: -1, count: n + 1), count: columns + 1)
        low[0][0] = .infinity
        for c in 1...columns {
            for j in 0...n {
                // Column c empty: its height 0 is the shortest.
                if low[c - 1][j] > -Double.infinity, j == n {
                    let value = min(low[c - 1][j], 0)
                    if value > low[c][j] {
                        low[c][j] = value
                        from[c][j] = j
                    }
                }
                guard j > 0 else { continue }
                for i in 0..<j where low[c - 1][i] > -Double.infinity && (i == 0 || mayStartColumn(at: i)) {
                    let h = height(i, j)
                    guard h <= ceiling else { continue }
                    let value = min(low[c - 1][i], h)
                    // On a tie the later cut wins: the earlier columns are the longer ones,
                    // as a reader expects the last column to be the one that ends first.
                    if value >= low[c][j] - 1e-9 {
                        low[c][j] = value
                        from[c][j] = i
                    }
                }
            }
        }
        guard low[columns][n] > -Double.infinity else { return nil }
        var starts: [Int] = []
        var j = n
        for c in stride(from: columns, to: 0, by: -1) {
            let i = from[c][j]
            starts.append(i)
            j = i
        }
        // `starts` holds each column's first item, last column first; drop the first column's
        // (0) and empty columns (a start equal to the next column's).
        let ordered = Array(starts.reversed())
        var result: [Int] = []
        for (c, start) in ordered.enumerated() where c > 0 && start < n && start > (result.last ?? 0) {
            result.append(start)
        }
        return result
    }
}
