// Multi-column pages: sections end level, no widow or orphan at a column's head or foot.

import Foundation
import Galley
import GalleyCore
import GalleyTemplates
import Testing

@testable import GalleyLayout

@Suite("columns: balance, widows, orphans")
struct ColumnBalanceTests {
    typealias Item = ColumnBalancer.Item

    /// A paragraph of `count` lines of `height`, with `space` above its first line.
    static func paragraph(_ count: Int, height: Double = 12, space: Double = 0) -> [Item] {
        (0..<count).map { k in
            Item(
                height: height, spaceAbove: k == 0 ? space : 0, spaceBelow: 0, isFirstLine: k == 0,
                isLastLine: k == count - 1, isLine: true)
        }
    }

    static func panel(_ height: Double, space: Double) -> Item {
        Item(height: height, spaceAbove: space, spaceBelow: space, isFirstLine: false, isLastLine: false, isLine: false)
    }

    @Test("seven one-line paragraphs in three columns end 3 / 2 / 2, not 3 / 3 / 1")
    func levelEnds() throws {
        let items = (0..<7).flatMap { _ in Self.paragraph(1) }
        let plan = try #require(ColumnBalancer(items: items, columns: 3).plan(limit: 1000))
        #expect(plan.cuts == [3, 5])
        #expect(plan.tallest == 36 && plan.shortest == 24)
    }

    @Test("a cut that would leave a widow or an orphan is not taken")
    func noWidowNoOrphan() throws {
        // Two lines, then three: the even cut (3 / 2) would put the second paragraph's first line
        // alone at the foot of the first column.
        let items = Self.paragraph(2) + Self.paragraph(3)
        let balancer = ColumnBalancer(items: items, columns: 2)
        #expect(!balancer.mayStartColumn(at: 3))
        let plan = try #require(balancer.plan(limit: 1000))
        #expect(plan.cuts == [2])
        // Four lines and one: the last line alone at the head of a column is a widow.
        let widow = ColumnBalancer(items: Self.paragraph(5), columns: 2)
        #expect(!widow.mayStartColumn(at: 4))
        #expect(try #require(widow.plan(limit: 1000)).cuts == [3])
    }

    @Test("the space around a panel counts inside a column and not at its top")
    func panelSpace() throws {
        let items = Self.paragraph(4) + [Self.panel(40, space: 10)] + Self.paragraph(4)
        let balancer = ColumnBalancer(items: items, columns: 2)
        #expect(balancer.height(from: 0, to: 5) == 4 * 12 + 10 + 40)
        #expect(balancer.height(from: 4, to: 9) == 40 + 10 + 4 * 12)
    }

    @Test("a panel that keeps a section from balancing moves to the section's foot or a column's head")
    func panelMoves() throws {
        // Two lines, a tall panel, ten lines in three columns: in this order the first column
        // holds two lines; with the panel at a column's head or the foot, the lines share two.
        let items = Self.paragraph(2) + [Self.panel(120, space: 12)] + Self.paragraph(10)
        let plan = try #require(ColumnBalancer(items: items, columns: 3).plan(limit: 1000))
        #expect(plan.order.firstIndex(of: 2) != 2)
        #expect(plan.shortest >= 60)
    }

    @Test("the columns of a section with a panel end within a line when some order allows it")
    func panelLevel() throws {
        // Nine lines, a 50 pt panel, nine lines in two columns: in order the panel column ends
        // lower than a line below the other; at a column's head it levels them.
        let items = Self.paragraph(9) + [Self.panel(50, space: 6)] + Self.paragraph(9)
        let balancer = ColumnBalancer(items: items, columns: 2)
        let plan = try #require(balancer.plan(limit: 1000))
        #expect(plan.tallest - plan.shortest <= 12)
        #expect(balancer.excess(plan) == 0)
    }

    /// What the multi-column templates must give on real articles: no widow or orphan, and every
    /// section ends its columns within 1.5 lines, a column panel counted as its height (unless a
    /// panel is taller than the rest of its section could fill beside it). Read from the layout
    /// JSON as ../shared/tools/columns_balance.py reads it.
    static func faults(_ layout: LayoutJSON, bodyLeading: Double) -> [String] {
        var faults: [String] = []
        var paragraphs: [Int: [(page: Int, x: Double, y: Double)]] = [:]
        for page in layout.pages {
            for b in page.boxes where b.kind == "line" {
                if let p = b.paragraph { paragraphs[p, default: []].append((page.number, b.box[0], b.box[1])) }
            }
        }
        func order(_ a: (page: Int, x: Double, y: Double), _ b: (page: Int, x: Double, y: Double)) -> Bool {
            (a.page, a.x, a.y) < (b.page, b.x, b.y)
        }
        for page in layout.pages where page.columns.count > 1 {
            let left = page.columns.map { $0[0] }.min() ?? 0
            let width = (page.columns.map { $0[0] + $0[2] }.max() ?? 0) - left
            let wide = page.boxes.filter { ($0.kind == "headline" || $0.kind == "panel") && $0.box[2] > 0.6 * width }
            let cuts = [0.0] + wide.flatMap { [$0.box[1], $0.box[1] + $0.box[3]] }.sorted() + [1e9]
            func band(_ b: LayoutJSON.Box) -> Int { cuts.lastIndex { $0 <= b.box[1] + 0.5 } ?? 0 }
            func column(_ b: LayoutJSON.Box) -> Int {
                page.columns.indices.min { abs(page.columns[$0][0] - b.box[0]) < abs(page.columns[$1][0] - b.box[0]) } ?? 0
            }
            let lines = page.boxes.filter { $0.kind == "line" }
            let narrow = page.boxes.filter { $0.kind == "panel" && $0.box[2] <= 0.6 * width }
            for bandIndex in Set((lines + narrow).map(band)) {
                let inBand = (lines + narrow).filter { band($0) == bandIndex }
                for c in page.columns.indices {
                    let col = inBand.filter { column($0) == c && $0.kind == "line" }.sorted { $0.box[1] < $1.box[1] }
                    if let head = col.first, let p = head.paragraph, let all = paragraphs[p], all.count > 1,
                        let last = all.max(by: order), last == (page.number, head.box[0], head.box[1])
                    {
                        faults.append("widow on page \(page.number): \(head.text ?? "")")
                    }
                    if let foot = col.last, let p = foot.paragraph, let all = paragraphs[p], all.count > 1,
                        let first = all.min(by: order), first == (page.number, foot.box[0], foot.box[1])
                    {
                        faults.append("orphan on page \(page.number): \(foot.text ?? "")")
                    }
                }
                let lineCount = inBand.filter { $0.kind == "line" }.count
                // A panel taller than the section's lines would fill the other columns cannot be
                // levelled by any order (the text would have to leave the page): such a section
                // is not counted, as a make-up editor would send it back for a smaller panel.
                let text = inBand.filter { $0.kind == "line" }.reduce(0) { $0 + $1.box[3] }
                let tallPanel = inBand.contains {
                    $0.kind == "panel" && $0.box[3] > text / Double(page.columns.count - 1) + 1.5 * bodyLeading
                }
                guard lineCount >= 2 * page.columns.count, !tallPanel else { continue }
                let top = inBand.map { $0.box[1] }.min() ?? 0
                let bottoms = page.columns.indices.map { c in
                    inBand.filter { column($0) == c }.map { $0.box[1] + $0.box[3] }.max() ?? top
                }
                let spread = (bottoms.max() ?? 0) - (bottoms.min() ?? 0)
                if spread > 1.5 * bodyLeading {
                    faults.append("section on page \(page.number) ends \(bottoms.map { Int($0) }) (\(Int(spread)) pt apart)")
                }
            }
        }
        return faults
    }

    static var articles: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var urls = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { root.appendingPathComponent("samples/\($0)") }
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
        if FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path) {
            urls.append(shared.appendingPathComponent("seeds/000_7b5fd0e551e9cfee.txt"))
            let corpus = shared.appendingPathComponent("corpus")
            urls += ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
                .filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0) }
        } else {
            print("columns: ../shared is absent; the samples only")
        }
        return urls
    }

    @Test("newspaper and broadsheet: real articles end their sections level, with no widow or orphan", arguments: ["newspaper", "broadsheet"])
    func realArticles(template name: String) throws {
        let template = try TemplateCatalog(folder: "/nonexistent").find(name).template
        let typesetter = try Typesetter(template: template)
        for article in Self.articles {
            let set = try typesetter.typeset(Array(try Data(contentsOf: article)), path: article.path)
            let faults = Self.faults(LayoutJSON(article: set), bodyLeading: template.body.leading)
            #expect(faults.isEmpty, "\(name), \(article.lastPathComponent): \(faults)")
        }
    }
}
