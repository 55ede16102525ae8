// Layout geometry, read from the frame tree: lines in the text block, justification, panels,
// footnotes on the page of their mark, widows and orphans.

import Foundation
import Galley
import GalleyCore
import GalleyLayout
import Testing

/// A placed line with its page.
struct PlacedLine {
    var page: Int
    var rect: Rect
    var frame: Frame
    /// Where the last glyph run ends, from the line's left edge.
    var inkRight: Double {
        var right = 0.0
        for p in frame.items { if case .text(let run) = p.item { right = max(right, p.position.x + run.width) } }
        return right
    }
}

/// Lines of the pages whose role satisfies `predicate`: by default body and footnote lines.
func lines(of article: Article, where predicate: (Role) -> Bool = { $0.isLine && $0 != .headlineLine }) -> [PlacedLine] {
    article.pages.flatMap { page in
        page.frame.frames(where: predicate).map { PlacedLine(page: page.number, rect: $0.rect, frame: $0.frame) }
    }
}

/// A Russian article of `paragraphs` paragraphs of varied sentences, with a directive and a footnote.
func syntheticArticle(paragraphs: Int, directiveAfter: Int = 1) -> String {
    let sentences = [
        "Депутаты городского совета в среду одобрили смету реконструкции северной набережной.",
        "По словам заместителя главы администрации, работы начнутся весной и займут два сезона.",
        "Жители прибрежных кварталов годами жаловались на разрушенные ступени и темные аллеи.",
        "Архитекторы предлагают расширить пешеходную зону и устроить велодорожку вдоль реки.",
        "Подрядчика выберут на открытом конкурсе, заявки уже подали несколько компаний.",
        "Градозащитники просят сохранить чугунную ограду и провести историческую экспертизу.",
    ]
    var body: [String] = []
    for p in 0..<paragraphs {
        var text = (0..<(4 + p % 3)).map { sentences[(p + $0) % sentences.count] }.joined(separator: " ")
        if p == 0 { text += " Движение «Живой берег*» выступило против." }
        body.append(text)
        if p == directiveAfter { body.append("#{biginfographic=204817}") }
    }
    return "Городской совет утвердил ремонт набережной\n\n" + body.joined(separator: "\n\n")
        + "\n\n* Общественное движение, основанное жителями города."
}

@Suite("layout geometry")
struct LayoutTests {
    let template = Template()

    func typeset(_ text: String) throws -> Article {
        try Typesetter(template: template).typeset(Array(text.utf8), path: "test.txt")
    }

    @Test("every line lies inside the text block of its page")
    func linesInsideTextBlock() throws {
        let article = try typeset(syntheticArticle(paragraphs: 14))
        #expect(article.pages.count >= 2)
        let m = template.page.margins
        let block = Rect(
            x: m.left, y: m.top, width: template.measure, height: template.page.size.height - m.top - m.bottom)
        let all = lines(of: article) + lines(of: article, where: { $0 == .headlineLine })
        #expect(!all.isEmpty)
        for line in all {
            #expect(block.contains(line.rect, tolerance: 0.5), "line on page \(line.page) at \(line.rect)")
        }
    }

    @Test("justified lines end at the measure; last lines of paragraphs are ragged")
    func justification() throws {
        let article = try typeset(syntheticArticle(paragraphs: 6))
        let body = lines(of: article).filter { $0.frame.items.contains { if case .text(let r) = $0.item { r.font.size == template.body.size } else { false } } }
        // A justified line ends at the measure, or past it by what its last character hangs
        // into the margin (protrusion: at most 0.27 em, the reader's allowance).
        let hang = 0.27 * template.body.size
        var justified = 0
        for line in body where line.inkRight > template.measure - 0.05 && line.inkRight <= template.measure + hang { justified += 1 }
        // All but the last line of each of the 6 paragraphs (and the footnote's) are justified.
        #expect(justified >= body.count - 8)
        for line in body { #expect(line.inkRight <= template.measure + hang, "no overfull line") }
        #expect(body.contains { $0.inkRight > template.measure + 0.5 }, "some punctuation hangs")
    }

    @Test("a biginfographic spans the measure and is never split")
    func panelSpan() throws {
        let article = try typeset(syntheticArticle(paragraphs: 8))
        let panels = article.pages.flatMap { page in page.frame.frames { if case .panel = $0 { true } else { false } } }
        #expect(panels.count == 1)
        let panel = try #require(panels.first)
        #expect(abs(panel.frame.size.width - template.measure) < 0.01)
        #expect(panel.rect.maxY <= template.page.size.height - template.page.margins.bottom + 0.5)
    }

    /// A panel is set in the column (one column: as wide as the measure), and its caption is
    /// its last line: the text that follows must keep the panel spacing below it, as the text
    /// before keeps it above, or the caption reads as the first line of the next paragraph.
    @Test("a panel keeps its spacing above and below: a caption never touches the next paragraph")
    func spaceAroundPanel() throws {
        let sentence = "Депутаты городского совета в среду одобрили смету реконструкции северной набережной."
        let text = "Заголовок\n\n" + String(repeating: sentence + " ", count: 3)
            + "\n\n#{photo=30112 caption=\"Северная набережная в мае\"}\n\n" + String(repeating: sentence + " ", count: 3)
        let article = try typeset(text)
        let page = try #require(article.pages.first)
        let panel = try #require(page.frame.frames { if case .panel = $0 { true } else { false } }.first)
        let body = lines(of: article).filter { $0.page == page.number }
        let above = try #require(body.filter { $0.rect.maxY <= panel.rect.minY + 0.01 }.last)
        let below = try #require(body.first { $0.rect.minY >= panel.rect.minY })
        #expect(panel.rect.minY - above.rect.maxY >= template.panelSpacing - 0.01, "space above the panel")
        #expect(below.rect.minY - panel.rect.maxY >= template.panelSpacing - 0.01, "space below the panel and its caption")
    }

    @Test("a footnote stands at the foot of the page of its mark")
    func footnotePage() throws {
        let article = try typeset(syntheticArticle(paragraphs: 14))
        let notePages = article.pages.filter { !$0.frame.frames(where: { if case .footnote = $0 { true } else { false } }).isEmpty }.map(\.number)
        let markPages = lines(of: article).filter { $0.frame.text().contains("берег*") }.map(\.page)
        #expect(notePages.count == 1)
        #expect(notePages == markPages)
        let note = try #require(article.pages[notePages[0] - 1].frame.frames(where: { if case .footnote = $0 { true } else { false } }).first)
        let lastBodyLine = lines(of: article).filter { $0.page == notePages[0] && !note.rect.contains($0.rect) }.map(\.rect.maxY).max() ?? 0
        #expect(note.rect.minY > lastBodyLine, "the note is below the text")
    }

    @Test("no widows or orphans: a paragraph split across pages leaves two lines on each side")
    func widowsAndOrphans() throws {
        for size in [9, 11, 13, 16] {
            let article = try typeset(syntheticArticle(paragraphs: size))
            // Group body lines by paragraph (source spans of one paragraph are contiguous).
            for paragraph in article.document.paragraphs {
                let span = paragraph.text.span
                let placed = lines(of: article).filter { l in l.frame.span.map { $0.start >= span.start && $0.end <= span.end } ?? false }
                let pages = Dictionary(grouping: placed, by: \.page)
                guard pages.count > 1 else { continue }
                for (page, group) in pages { #expect(group.count >= 2, "\(group.count) line(s) of a paragraph on page \(page)") }
            }
        }
    }

    @Test("a headline is never the last thing on a page")
    func headlineKeptWithText() throws {
        let article = try typeset(syntheticArticle(paragraphs: 3))
        let headline = lines(of: article, where: { $0 == .headlineLine })
        let first = lines(of: article).first
        #expect(headline.first?.page == first?.page)
    }

    @Test("the frame dump is stable text, and the same input gives the same tree")
    func dump() throws {
        let a = try typeset(syntheticArticle(paragraphs: 2))
        let b = try typeset(syntheticArticle(paragraphs: 2))
        #expect(a.pages == b.pages)
        let dump = a.pages[0].frame.dump()
        #expect(dump.contains("group headline"))
        #expect(dump.contains("\"Городской"))
    }
}

@Suite("microtypography")
struct MicrotypeTests {
    func lines(_ microtype: Microtype) throws -> [PlacedLine] {
        var template = Template()
        template.microtype = microtype
        let article = try Typesetter(template: template).typeset(Array(syntheticArticle(paragraphs: 6).utf8), path: "t.txt")
        return GalleyLayoutTests.lines(of: article).filter { $0.frame.line?.isJustified == true && $0.frame.role?.paragraph != nil }
    }

    func runs(_ frame: Frame) -> [(x: Double, run: GlyphRun)] {
        frame.items.compactMap { if case .text(let r) = $0.item { ($0.position.x, r) } else { nil } }
    }

    @Test("a final hyphen or comma hangs past the measure by its factor; letters end at the measure")
    func protrusion() throws {
        let template = Template()
        for line in try lines(Microtype()) {
            guard let last = runs(line.frame).last else { continue }
            let end = last.x + last.run.width
            let final = last.run.text.unicodeScalars.last.map(Character.init) ?? " "
            if let factor = template.microtype.rightProtrusion[final] {
                let glyph = last.run.width / Double(max(1, last.run.glyphs.count))
                #expect(end > template.measure, "'\(final)' hangs")
                #expect(end <= template.measure + factor * glyph * 3 + 0.01)
            } else if final.isLetter {
                #expect(abs(end - template.measure) < 0.05, "a letter ends at the measure, not \(end)")
            }
        }
    }

    @Test("expansion stays within ±2% in steps of 0.5%; glyph positions add up to each run's width")
    func expansion() throws {
        var scales = Set<Double>()
        for line in try lines(Microtype()) {
            for (_, run) in runs(line.frame) {
                let s = run.horizontalScale
                #expect(s >= 0.98 - 1e-9 && s <= 1.02 + 1e-9)
                let steps = (s - 1) / 0.005
                #expect(abs(steps - steps.rounded()) < 1e-6, "scale \(s) is on a 0.5% step")
                scales.insert((s * 1000).rounded() / 1000)
                if let last = run.glyphs.last { #expect(last.x < run.width + 1e-6) }
            }
        }
        #expect(scales.count > 1, "lines are expanded by different amounts")
    }

    /// Justified lines of an article of quoted words, so that many lines start with «.
    func quotedLines(_ microtype: Microtype) throws -> [PlacedLine] {
        var template = Template()
        template.microtype = microtype
        let words = ["«Набережная»", "совет", "«Живой берег»", "подрядчики", "«Городские аллеи»", "жители", "Татьяна", "«Ограда»"]
        let body = (0..<3).map { p in (0..<60).map { words[($0 * 3 + p) % words.count] }.joined(separator: " ") + "." }
        let text = "Цитаты\n\n" + body.joined(separator: "\n\n")
        let article = try Typesetter(template: template).typeset(Array(text.utf8), path: "q.txt")
        return GalleyLayoutTests.lines(of: article).filter { $0.frame.role?.paragraph != nil }
    }

    @Test("an opening guillemet or a capital T at a line start hangs into the left margin by its factor; other letters start at the edge")
    func leftProtrusion() throws {
        let microtype = Microtype()
        var hung = 0
        for line in try quotedLines(microtype) {
            // A paragraph's indented first line starts with the indent, not with a character.
            guard let first = runs(line.frame).min(by: { $0.x < $1.x }), first.x < 1, let character = first.run.text.first
            else { continue }
            let factor = microtype.leftProtrusion[character] ?? 0
            if factor > 0 {
                hung += 1
                let glyph = first.run.glyphs.count > 1 ? first.run.glyphs[1].x - first.run.glyphs[0].x : first.run.width
                #expect(first.x < 0, "'\(character)' hangs left")
                #expect(abs(first.x + factor * glyph) < 0.05, "by \(factor) of its width \(glyph), not \(-first.x)")
            } else {
                #expect(abs(first.x) < 0.01, "'\(character)' starts at the text edge, not \(first.x)")
            }
        }
        #expect(hung >= 3, "some lines start with a hanging character")
        for line in try quotedLines(.off) {
            #expect((runs(line.frame).map(\.x).min() ?? 0) >= 0)
        }
    }

    @Test("adjacent lines' expansion differs by at most 1% unless that would loosen the word spaces")
    func smoothing() throws {
        func jumps(_ limit: Double) throws -> (over: Int, pairs: Int) {
            var microtype = Microtype()
            microtype.expansionJump = limit
            let lines = try lines(microtype)
            var over = 0
            var pairs = 0
            for (a, b) in zip(lines, lines.dropFirst()) where a.frame.role?.paragraph == b.frame.role?.paragraph {
                guard let sa = runs(a.frame).first?.run.horizontalScale, let sb = runs(b.frame).first?.run.horizontalScale else { continue }
                pairs += 1
                if abs(sa - sb) > 0.01 + 1e-9 { over += 1 }
            }
            return (over, pairs)
        }
        let smoothed = try jumps(0.01)
        let free = try jumps(1)
        #expect(smoothed.pairs > 10)
        #expect(smoothed.over < free.over, "smoothing removes jumps (\(smoothed.over) against \(free.over))")
        #expect(Double(smoothed.over) <= 0.25 * Double(smoothed.pairs), "\(smoothed.over) of \(smoothed.pairs)")
    }

    @Test("--no-microtype: no expansion and no hanging characters")
    func off() throws {
        for line in try lines(.off) {
            for (x, run) in runs(line.frame) {
                #expect(run.horizontalScale == 1)
                #expect(x + run.width <= Template().measure + 0.05)
            }
        }
    }
}

@Suite("panels that nearly fit")
struct PanelFitTests {
    func panels(_ article: Article) -> [(page: Int, placed: PlacedFrame)] {
        article.pages.flatMap { page in
            page.frame.frames { if case .panel = $0 { true } else { false } }.map { (page.number, $0) }
        }
    }

    @Test("a panel that fits at three quarters of its size or more stays at its directive's place, smaller and centred; otherwise it keeps its size")
    func shrinkToFit() throws {
        let template = Template()
        var shrunk = 0
        for after in 0..<8 {
            let article = try Typesetter().typeset(Array(syntheticArticle(paragraphs: 9, directiveAfter: after).utf8), path: "t.txt")
            let panel = try #require(panels(article).first)
            let scale = panel.placed.frame.size.width / template.measure
            #expect(scale >= 0.75 - 1e-9 && scale <= 1 + 1e-9, "scale \(scale)")
            // Text block edges: a smaller panel is centred in the measure.
            let left = panel.placed.rect.minX - template.page.margins.left
            let right = template.page.margins.left + template.measure - panel.placed.rect.maxX
            #expect(abs(left - right) < 0.01, "centred: \(left) vs \(right)")
            if scale < 1 - 1e-9 {
                shrunk += 1
                // It stands where its directive does: after the paragraph before it, on its page.
                let before = lines(of: article).filter { $0.frame.role?.paragraph == after }
                #expect(before.last?.page == panel.page)
                #expect((before.last?.rect.maxY ?? .infinity) < panel.placed.rect.minY)
            }
            // The text and everything else stays inside the page.
            #expect(panel.placed.rect.maxY <= template.page.size.height - template.page.margins.bottom + 0.5)
        }
        #expect(shrunk > 0, "some directive place leaves room for a smaller panel")
    }

    @Test("a frame scaled as a whole keeps its text and scales sizes, type and strokes")
    func scaledFrame() {
        var frame = Frame(size: Size(width: 100, height: 50))
        frame.place(.shape(.rect(Size(width: 10, height: 20), stroke: Stroke(color: .black, width: 2, dash: [4, 2]))), at: Point(x: 10, y: 10))
        let run = GlyphRun(
            font: FontRef(description: "PT Sans", size: 10), color: .black, glyphs: [Glyph(id: 5, x: 0), Glyph(id: 6, x: 6)],
            text: "ab", width: 12)
        frame.place(.text(run), at: Point(x: 20, y: 30))
        let small = frame.scaled(by: 0.5)
        #expect(small.size == Size(width: 50, height: 25))
        #expect(small.text() == frame.text())
        guard case .shape(let shape) = small.items[0].item, case .rect(let size) = shape.geometry,
            case .text(let scaledRun) = small.items[1].item
        else { Issue.record("items kept their kinds"); return }
        #expect(small.items[0].position == Point(x: 5, y: 5) && size == Size(width: 5, height: 10))
        #expect(shape.stroke?.width == 1 && shape.stroke?.dash == [2, 1])
        #expect(scaledRun.font.size == 5 && scaledRun.width == 6 && scaledRun.glyphs.map(\.x) == [0, 3])
    }
}

@Suite("overfull lines")
struct OverfullTests {
    func typeset(_ text: String) throws -> Article {
        try Typesetter().typeset(Array(text.utf8), path: "t.txt")
    }

    @Test("lines that end in hanging punctuation are not overfull: they end where their protrusion says")
    func hangingIsNotOverfull() throws {
        // Closing quotes, guillemets and compounds broken at their hyphen hang furthest.
        let sentence = "Он сказал: «Мы всё построим заново» — и ушёл. Жители прибрежных кварталов "
            + "ждут, когда «Живой берег» ответит; штаб-квартира движения молчит, а пресс-секретарь "
            + "обещает «подробности позже». "
        let article = try typeset("Заголовок\u{2028}" + String(repeating: sentence, count: 12))
        #expect(article.report.overfullLines == 0)
        #expect(article.report.justifiedLines > 10)
    }

    @Test("a line that cannot fit sticks out and is counted; its word spaces never shrink past their limit")
    func unfittableLineSticksOut() throws {
        // Digit groups glued by no-break spaces: one unbreakable run wider than the measure
        // (without normalization, which would take stray no-break spaces for HTML's).
        let glued = Array(repeating: "123456789", count: 11).joined(separator: "\u{00A0}")
        var options = ConvertOptions()
        options.typography = false
        let text = "Test headline\u{2028}The committee met on Tuesday and agreed that the codes \(glued) would all be kept in the final list."
        let article = try Typesetter().typeset(Array(text.utf8), path: "t.txt", options: options)
        #expect(article.report.overfullLines == 1)
        for line in lines(of: article) where line.frame.role?.paragraph != nil {
            // Spaces shrink to 2/3 of their natural width at most (gap ratio ≥ 2/3).
            if let info = line.frame.line, info.isJustified { #expect(info.gapRatio >= 2.0 / 3 - 0.01, "\(info.gapRatio)") }
        }
    }
}

@Suite("multi-column geometry")
struct ColumnTests {
    func newspaper() throws -> Template {
        var t = Template()
        t.name = "newspaper-test"
        t.page.size = Size(width: 792, height: 1224)
        t.page.margins = Margins(top: 51, right: 40, bottom: 57, left: 40)
        t.page.columns = 3
        t.page.gutter = 14
        t.body = TextSpec(family: "PT Serif, DejaVu Serif", size: 10, leading: 12.5)
        t.header = "{source}"
        return t
    }

    func typeset(_ template: Template, paragraphs: Int) throws -> Article {
        try Typesetter(template: template).typeset(Array(syntheticArticle(paragraphs: paragraphs).utf8), path: "t.txt")
    }

    @Test("lines stand in three columns at the column x-positions, each a measure wide")
    func columnPositions() throws {
        let t = try newspaper()
        let article = try typeset(t, paragraphs: 16)
        let xs = Set(lines(of: article).filter { $0.frame.role?.paragraph != nil }.map { ($0.rect.minX * 100).rounded() / 100 })
        let expected = Set((0..<3).map { ((t.page.margins.left + Double($0) * (t.measure + t.page.gutter)) * 100).rounded() / 100 })
        #expect(xs == expected)
        for line in lines(of: article) where line.frame.role?.paragraph != nil {
            #expect(abs(line.rect.width - t.measure) < 0.01)
        }
    }

    @Test("the headline and a biginfographic span all columns")
    func spanning() throws {
        let t = try newspaper()
        let article = try typeset(t, paragraphs: 6)
        let headline = lines(of: article, where: { $0 == .headlineLine })
        #expect(headline.allSatisfy { abs($0.rect.width - t.textWidth) < 0.01 })
        let panel = try #require(article.pages.flatMap { $0.frame.frames { if case .panel = $0 { true } else { false } } }.first)
        #expect(abs(panel.rect.width - t.textWidth) < 0.01)
        #expect(abs(panel.rect.minX - t.page.margins.left) < 0.01)
    }

    @Test("the columns of the last section are balanced within one line")
    func balanced() throws {
        let t = try newspaper()
        for count in [3, 5, 8] {
            let article = try typeset(t, paragraphs: count)
            let last = try #require(article.pages.last)
            let body = lines(of: article).filter { $0.page == last.number && $0.frame.role?.paragraph != nil }
            // The last band: lines below the lowest spanning item (headline or panel) of the page.
            let spans = last.frame.frames { if case .panel = $0 { true } else { $0 == .headlineLine } }
            let top = spans.filter { abs($0.rect.width - t.textWidth) < 0.01 }.map(\.rect.maxY).max() ?? 0
            let band = body.filter { $0.rect.minY >= top }
            let bottoms = Dictionary(grouping: band, by: { ($0.rect.minX * 10).rounded() }).mapValues { $0.map(\.rect.maxY).max() ?? 0 }
            guard bottoms.count > 1 else { continue }
            let spread = (bottoms.values.max() ?? 0) - (bottoms.values.min() ?? 0)
            #expect(spread <= t.body.leading + 0.01, "\(count) paragraphs: columns end \(bottoms.values.sorted())")
        }
    }

    @Test("the running header is on every page but the first")
    func header() throws {
        let article = try typeset(try newspaper(), paragraphs: 30)
        #expect(article.pages.count >= 2)
        for page in article.pages {
            let headers = page.frame.frames(where: { $0 == .furniture(.runningHeader) })
            #expect(headers.count == (page.number == 1 ? 0 : 1))
        }
    }
}

