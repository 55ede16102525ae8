// Panels: each kind's geometry, determinism, assets and their safety, read from the frame tree.

import Foundation
import GalleyCore
import GalleyText
import Testing

@testable import GalleyPanels

/// The bounds of a path: its points, and for an arc the square around its circle.
private func pathBounds(_ elements: [PathElement]) -> Rect? {
    var xs: [Double] = []
    var ys: [Double] = []
    for element in elements {
        switch element {
        case .move(let p), .line(let p):
            xs.append(p.x)
            ys.append(p.y)
        case .curve(let a, let b, let c):
            xs += [a.x, b.x, c.x]
            ys += [a.y, b.y, c.y]
        case .arc(let center, let radius, _, _):
            xs += [center.x - radius, center.x + radius]
            ys += [center.y - radius, center.y + radius]
        case .close: break
        }
    }
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
}

/// Every item that sticks out of its frame, or has a coordinate that is not finite, by its dump line.
private func strayItems(_ frame: Frame) -> [String] {
    let bounds = Rect(x: 0, y: 0, width: frame.size.width, height: frame.size.height)
    var stray: [String] = []
    for positioned in frame.items {
        let p = positioned.position
        let extent: Rect?
        switch positioned.item {
        case .group(let child):
            extent = Rect(origin: p, size: child.size)
            stray += strayItems(child)
        case .text(let run):
            // Glyph runs by their advance, from ascender to descender of the size.
            extent = Rect(x: p.x, y: p.y - run.font.size * 0.8, width: run.width, height: run.font.size)
        case .shape(let shape):
            switch shape.geometry {
            case .rect(let size): extent = Rect(origin: p, size: size)
            case .path(let elements): extent = pathBounds(elements).map { Rect(x: $0.minX + p.x, y: $0.minY + p.y, width: $0.width, height: $0.height) }
            }
        case .image(let image):
            extent = Rect(origin: p, size: image.size)
        }
        guard let extent else { continue }
        let numbers = [extent.minX, extent.minY, extent.width, extent.height]
        if !numbers.allSatisfy(\.isFinite) || !bounds.contains(extent, tolerance: 0.05) {
            stray.append(Frame(size: frame.size, items: [positioned]).dump())
        }
    }
    return stray
}

/// All glyph runs of a frame tree, for checks on their text.
private func runs(_ frame: Frame) -> [GlyphRun] {
    frame.items.flatMap { positioned -> [GlyphRun] in
        switch positioned.item {
        case .group(let child): runs(child)
        case .text(let run): [run]
        default: []
        }
    }
}

@Suite("panels")
struct PanelTests {
    let shaper = TextShaper()
    var factory: PanelFactory { PanelFactory(shaper: shaper) }
    var style: PanelStyle { PanelStyle() }

    static let kinds = [
        "biginfographic", "infographic", "smallinfographic", "image", "photo", "bigphoto", "movie", "video", "gallery",
        "smallgallery", "poll", "timeline", "quiz",
    ]

    @Test("each kind: the asked width, label + aspect × width + caption, everything inside", arguments: kinds, [140.0, 483.3])
    func geometry(kind: String, width: Double) {
        let plain = factory.makePanel(PanelRequest(kind: kind, id: "771531", language: "ru"), width: width)
        let drawing = (width * DirectiveKind.named(kind).aspect).rounded()
        #expect(plain.frame.size.width == width)
        #expect(plain.frame.size.height == style.labelLineHeight + drawing)
        #expect(plain.frame.role?.panel?.directive == kind)
        #expect(plain.frame.role?.panel?.id == "771531")
        #expect(plain.frame.role?.panel?.isGenerated == true)
        #expect(strayItems(plain.frame) == [])

        let captioned = factory.makePanel(PanelRequest(kind: kind, id: "771531", caption: "Подпись", language: "ru"), width: width)
        #expect(captioned.frame.size.height == style.labelLineHeight + drawing + style.captionGap + style.captionLeading)
        let captions = captioned.frame.frames(where: { $0 == .caption })
        #expect(captions.count == 1)
        #expect(captions.first?.rect.minY == style.labelLineHeight + drawing)
        #expect(strayItems(captioned.frame) == [])
    }

    @Test("the kinds' spans and proportions, names and aliases read in one place")
    func registry() {
        #expect(DirectiveKind.named("biginfographic").span == .fullWidth)
        #expect(DirectiveKind.named("bigphoto").span == .fullWidth)
        #expect(DirectiveKind.named("infographic").span == .column)
        #expect(DirectiveKind.named("smallinfographic").span == .halfColumn)
        #expect(DirectiveKind.named("BigInfographic").name == "biginfographic")
        #expect(DirectiveKind.named("image").name == "photo")
        #expect(DirectiveKind.named("bigimage").name == "bigphoto")
        #expect(DirectiveKind.named("movie").name == "video")
        #expect(DirectiveKind.named("biginfographic").aspect == 0.75)
        #expect(DirectiveKind.named("smallinfographic").aspect == 0.8)
        #expect(DirectiveKind.named("photo").aspect == 2.0 / 3.0)
        #expect(DirectiveKind.named("video").aspect == 9.0 / 16.0)
        #expect(DirectiveKind.named("smallgallery").aspect == 0.5)
        #expect(DirectiveKind.named("poll").isKnown && DirectiveKind.named("timeline").isKnown)
        #expect(!DirectiveKind.named("quiz").isKnown)
        #expect(DirectiveKind.named("quiz").aspect == 0.4)
        // Every name and alias of the registry is listed, and only those.
        let names = DirectiveKind.registry.flatMap { [$0.name] + $0.aliases }
        #expect(DirectiveKind.knownNames == names.sorted())
        #expect(Set(DirectiveKind.registry.map(\.categoryId)).count == DirectiveKind.registry.count)
    }

    @Test("the same id draws the same panel; two ids draw different ones", arguments: ["biginfographic", "photo", "gallery", "video"])
    func determinism(kind: String) {
        let a = factory.makePanel(PanelRequest(kind: kind, id: "771531", language: "ru"), width: 480)
        let b = PanelFactory(shaper: TextShaper()).makePanel(PanelRequest(kind: kind, id: "771531", language: "ru"), width: 480)
        #expect(a.frame == b.frame)
        #expect(a.frame.dump() == b.frame.dump())
        let c = factory.makePanel(PanelRequest(kind: kind, id: "771532", language: "ru"), width: 480)
        #expect(a.frame != c.frame)
        #expect(a.frame.dump() != c.frame.dump())
    }

    @Test("the generator is FNV-1a and SplitMix64, not the process's randomly seeded Hasher")
    func seed() {
        // Published test vectors of both algorithms.
        #expect(SeededRandom.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(SeededRandom.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(SeededRandom.fnv1a("foobar") == 0x8594_4171_f739_67e8)
        var zero = SeededRandom(state: 0)
        #expect(zero.next() == 0xe220_a839_7b1d_cdaf)
        #expect(zero.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(ChartGenerator.generate(id: "771531", language: "ru") == ChartGenerator.generate(id: "771531", language: "ru"))
    }

    @Test("ids choose among the chart families, every family drawable at every size")
    func families() {
        let charts = (1...40).map { ChartGenerator.generate(id: String($0), language: "en") }
        #expect(Set(charts.map(\.type)).count >= 4)
        for (family, id) in Self.familyIDs() {
            for (kind, width) in [("smallinfographic", 120.0), ("infographic", 240.0), ("biginfographic", 483.3)] {
                let panel = factory.makePanel(PanelRequest(kind: kind, id: id, language: "ru"), width: width)
                #expect(strayItems(panel.frame) == [], "\(family) in \(kind)")
                #expect(panel.frame.text().contains("Источник: данные-заглушка"))
            }
        }
    }

    /// One id for each chart family, the first found among 1, 2, 3, ...
    static func familyIDs() -> [ChartData.Kind: String] {
        var found: [ChartData.Kind: String] = [:]
        var n = 1
        while found.count < ChartData.Kind.allCases.count && n < 1000 {
            let type = ChartGenerator.generate(id: String(n), language: "en").type
            if found[type] == nil { found[type] = String(n) }
            n += 1
        }
        return found
    }

    @Test(
        "labels in the article's language, with the id",
        arguments: [
            ("biginfographic", "Инфографика", "Infographic"), ("smallinfographic", "Инфографика", "Infographic"),
            ("photo", "Фото", "Photo"), ("bigphoto", "Фото", "Photo"), ("movie", "Видео", "Video"),
            ("smallgallery", "Галерея", "Gallery"), ("poll", "Опрос", "Poll"), ("timeline", "Хронология", "Timeline"), ("quiz", "Материал", "Media"),
        ])
    func labels(kind: String, ru: String, en: String) {
        let russian = factory.makePanel(PanelRequest(kind: kind, id: "42", language: "ru"), width: 300).frame
        let english = factory.makePanel(PanelRequest(kind: kind, id: "42", language: "en"), width: 300).frame
        // The label line is the first text of the panel.
        #expect(runs(russian).first?.text == ru)
        #expect(runs(english).first?.text == en)
        #expect(russian.text().contains("№\u{00A0}42"))
        #expect(english.text().contains("No.\u{00A0}42"))
        #expect(russian.text().contains("МАКЕТ"))
        #expect(english.text().contains("PLACEHOLDER"))
        #expect(!english.text().contains(ru))
    }

    @Test("a template renames the labels")
    func renamedLabels() {
        var style = PanelStyle()
        style.labels["ru.biginfographic"] = "Графика"
        let panel = PanelFactory(style: style, shaper: shaper).makePanel(
            PanelRequest(kind: "biginfographic", id: "1", language: "ru"), width: 300)
        #expect(runs(panel.frame).first?.text == "Графика")
        #expect(style.label(for: DirectiveKind.named("infographic"), language: "ru") == "Инфографика")
    }

    @Test("a caption is wrapped to the width, every word kept, in its own frame")
    func caption() throws {
        let words = (1...40).map { "слово\($0)" }
        let panel = factory.makePanel(
            PanelRequest(kind: "photo", id: "3", caption: words.joined(separator: " "), language: "ru"), width: 200)
        let caption = try #require(panel.frame.frames(where: { $0 == .caption }).first)
        let lines = runs(caption.frame)
        #expect(lines.count > 3)
        #expect(lines.map(\.text).joined(separator: " ") == words.joined(separator: " "))
        #expect(lines.allSatisfy { $0.width <= 200 })
        #expect(strayItems(panel.frame) == [])
    }

    @Test("an unknown kind is a generic panel naming it and its id, with one warning listing the known kinds")
    func unknown() {
        let span = SourceSpan(0..<12)
        let result = factory.makePanel(PanelRequest(kind: "Quiz", id: "5", language: "ru", span: span), width: 300)
        #expect(result.frame.text().contains("quiz №\u{00A0}5"))
        #expect(result.diagnostics.map(\.code) == ["unknown-directive-kind"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.span == span)
        #expect(result.diagnostics.first?.message.contains("bigimage, biginfographic, bigphoto") == true)
        #expect(result.diagnostics.first?.message.contains("poll") == true)
        #expect(result.frame.span == span)
        #expect(result.frame.role == .panel(PanelRole(kind: "quiz", directive: "Quiz", isKnownKind: false, id: "5", isGenerated: true)))
    }

    @Test("a poll is its question, answers with shares adding up to 100 % and a vote count, in the article's language")
    func poll() {
        for language in ["ru", "en"] {
            let result = factory.makePanel(PanelRequest(kind: "poll", id: "42", language: language), width: 300)
            #expect(result.diagnostics.isEmpty)
            let texts = runs(result.frame).map(\.text)
            #expect(texts.first == (language == "ru" ? "Опрос" : "Poll"))
            let shares = texts.compactMap { $0.hasSuffix("\u{202F}%") ? Int($0.dropLast(2)) : nil }
            #expect(shares.count >= 3 && shares.reduce(0, +) == 100, "\(texts)")
            let all = texts.joined(separator: " ")
            if language == "ru" {
                #expect(all.contains("Проголосовали") && all.contains("МАКЕТ"))
                // No Latin word on a Russian poll (the id's «№» line aside).
                #expect(!all.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }, "\(all)")
            } else {
                #expect(all.contains("votes") && all.contains("PLACEHOLDER"))
            }
        }
    }

    @Test("a timeline is dated events on a line, generated from the id unless chart data is given")
    func timeline() {
        let result = factory.makePanel(PanelRequest(kind: "timeline", id: "7", language: "ru"), width: 483.3)
        let texts = runs(result.frame).map(\.text)
        #expect(texts.first == "Хронология")
        #expect(texts.contains { $0.hasPrefix("Хронология: ") })
        let years = texts.compactMap { Int($0) }.filter { (1990...2030).contains($0) }
        #expect(years.count >= 4 && years == years.sorted(), "\(texts)")
    }

    @Test("numbers without locale services: decimal comma in Russian, point in English")
    func numbers() {
        #expect(NumberText.format(4.25, decimals: 1, language: "ru") == "4,3" || NumberText.format(4.25, decimals: 1, language: "ru") == "4,2")
        #expect(NumberText.format(65.4, decimals: 1, language: "en") == "65.4")
        #expect(NumberText.format(1234, decimals: 0, language: "ru") == "1234")
        #expect(NumberText.format(12345.5, decimals: 1, language: "ru") == "12\u{00A0}345,5")
        #expect(NumberText.format(12345, decimals: 0, language: "en") == "12,345")
        #expect(NumberText.format(-0.04, decimals: 1, language: "en") == "0.0")
        #expect(NumberText.format(-3, decimals: 0, language: "en") == "−3")
        #expect(NumberText.format(.nan, decimals: 0, language: "en") == "–")
        #expect(NumberText.format(1e300, decimals: 0, language: "en").count > 10)
        #expect(NumberText.percent(41, language: "ru") == "41\u{00A0}%")
    }

    @Test("axes on round steps, shares that add up to 100")
    func scales() {
        #expect(ValueScale(maximum: 94).ticks == [0, 20, 40, 60, 80, 100])
        #expect(ValueScale(maximum: 155).top == 200)
        #expect(ValueScale(maximum: 0.9).step == 0.2)
        #expect(ValueScale(maximum: 0.9).decimals == 1)
        #expect(ValueScale(maximum: 0).top > 0)
        #expect(ChartDrawer.wholePercents([1, 1, 1]).reduce(0, +) == 100)
        #expect(ChartDrawer.wholePercents([10, 41, 26, 22]).reduce(0, +) == 100)
        #expect(ChartDrawer.wholePercents([0, 0]) == [0, 0])
    }
}

@Suite("panels: assets")
struct AssetTests {
    let shaper = TextShaper()

    /// A temporary assets folder with the given files.
    func folder(_ files: [String: [UInt8]]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("galley-assets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url.path
    }

    /// A whole 3×2 PNG (layout decodes a picture before accepting it).
    let pngFile = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGNocFCAIAY4CwA21AVBYVAZNAAAAABJRU5ErkJggg==")!)
    /// A whole 17×24 JPEG (pdftoppm's rendering of a sample article's page at 2 dpi).
    let jpegFile = [UInt8](Data(base64Encoded: "/9j/4AAQSkZJRgABAQEAAgACAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAYABEDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD1zUNZtbPUJreZdVLqRkwWN5InIB4aNCp69jx06ii18TWTXEcIXVB5jqgMul3arknAyzxgKOepIHrU2qJfPqMf2fzCA6MrCQKigH5ww6nI6defSrtsLny4ROYjLhfMMYIUnvgHtUKV3sU46XuaFFFFWSUJLIy3Lsdy553cY/xqSOy8tw3mE4OaKKALdFFFAH//2Q==")!)

    @Test("each picture type is found by id, with its size", arguments: [("png", ImageItem.Format.png), ("jpg", .jpeg), ("svg", .svg)])
    func pictures(ext: String, format: ImageItem.Format) throws {
        let bytes: [UInt8] =
            switch format {
            case .png: pngFile
            case .jpeg: jpegFile
            case .svg: Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\"></svg>".utf8)
            }
        let path = try folder(["12.\(ext)": bytes])
        let library = try #require(AssetLibrary(folder: path))
        guard case .picture(_, let found, let size) = library.match(id: "12") else {
            Issue.record("no picture found")
            return
        }
        #expect(found == format)
        #expect(size.width > 0 && size.height > 0)
        let panel = PanelFactory(shaper: shaper, assets: library).makePanel(
            PanelRequest(kind: "image", id: "12", language: "en"), width: 300)
        var images: [ImageItem] = []
        func walk(_ f: Frame) {
            for p in f.items {
                if case .image(let i) = p.item { images.append(i) }
                if case .group(let g) = p.item { walk(g) }
            }
        }
        walk(panel.frame)
        #expect(images.count == 1)
        #expect(!panel.frame.text().contains("PLACEHOLDER"))
    }

    @Test("a JSON chart is drawn from its data")
    func jsonChart() throws {
        let json = #"{"title": "Пассажиры", "type": "bar", "labels": ["2022", "2023"], "series": [{"name": "Все", "values": [3.5, 4.25]}], "unit": "млн", "source": "Порт"}"#
        let path = try folder(["9.json": Array(json.utf8)])
        let panel = PanelFactory(shaper: shaper, assets: AssetLibrary(folder: path)).makePanel(
            PanelRequest(kind: "infographic", id: "9", language: "ru"), width: 300)
        #expect(panel.diagnostics.isEmpty)
        let text = panel.frame.text()
        #expect(text.contains("Пассажиры"))
        #expect(text.contains("Источник: Порт"))
        #expect(text.contains("4,3") || text.contains("4,2"), "values with a decimal comma")
        #expect(!text.contains("МАКЕТ"))
    }

    @Test("a chart's text goes through the normalizer layout hands in; U+202F is drawn as U+00A0")
    func jsonChartNormalized() throws {
        let json = #"{"title": "Пассажиры 2019-2024", "type": "bar", "labels": ["2022", "2023"], "series": [{"name": "Все", "values": [3.5, 4.25]}], "source": "Порт № 5"}"#
        let path = try folder(["9.json": Array(json.utf8)])
        var factory = PanelFactory(shaper: shaper, assets: AssetLibrary(folder: path))
        var seen: [String] = []
        factory.textNormalizer = { text, language in
            seen.append(language)
            return text.replacingOccurrences(of: "-", with: "–").replacingOccurrences(of: "№ ", with: "№\u{202F}")
        }
        let panel = factory.makePanel(PanelRequest(kind: "infographic", id: "9", language: "ru"), width: 300)
        let text = panel.frame.text()
        #expect(text.contains("Пассажиры 2019–2024"))
        #expect(text.contains("Порт №\u{00A0}5"))
        #expect(!text.unicodeScalars.contains("\u{202F}"))
        #expect(seen.allSatisfy { $0 == "ru" } && seen.count >= 5, "title, labels, series name, source")
    }

    @Test("bad JSON: a clear error and a placeholder", arguments: [#"{"title": "x""#, #"{"title": "x", "type": "pie", "labels": [], "series": []}"#, #"{"type": "bar"}"#])
    func badJSON(json: String) throws {
        let path = try folder(["9.json": Array(json.utf8)])
        let panel = PanelFactory(shaper: shaper, assets: AssetLibrary(folder: path)).makePanel(
            PanelRequest(kind: "infographic", id: "9", language: "ru"), width: 300)
        #expect(panel.diagnostics.map(\.code) == ["bad-chart-data"])
        #expect(panel.diagnostics.first?.severity == .warning)
        #expect(panel.frame.text().contains("МАКЕТ"))
    }

    @Test("a picture over the pixel or file-size limit is never decoded: a warning and the placeholder")
    func overLimit() throws {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        // Signature and IHDR only (CRC not checked: only the header is read).
        let header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + Array("IHDR".utf8) + be(20_000) + be(20_000) + [8, 6, 0, 0, 0, 0, 0, 0, 0]
        let path = try folder(["big.png": header, "ok.png": pngFile, "cut.png": Array(pngFile.prefix(40))])
        let library = try #require(AssetLibrary(folder: path))
        guard case .unusable(let reason) = library.match(id: "big") else {
            Issue.record("a 400-megapixel picture was accepted")
            return
        }
        #expect(reason == "big.png declares 20000×20000 pixels, over the limit of 50 megapixels")
        guard case .picture = library.match(id: "ok") else {
            Issue.record("a whole small picture was refused")
            return
        }
        for id in ["cut"] {
            guard case .picture = library.match(id: id) else {
                Issue.record("the cheap match (header only) refused a picture whose header is whole")
                return
            }
            guard case .unusable(let why) = library.match(id: id, decoding: true) else {
                Issue.record("a truncated picture was accepted")
                return
            }
            #expect(why == "cut.png could not be decoded (a damaged or truncated PNG file)")
        }
        let panel = PanelFactory(shaper: shaper, assets: library).makePanel(PanelRequest(kind: "image", id: "big", language: "ru"), width: 300)
        #expect(panel.diagnostics.map(\.code) == ["unusable-asset"])
        #expect(panel.diagnostics.first?.severity == .warning)
        #expect(panel.frame.text().contains("МАКЕТ"))
    }

    @Test("ids that are not plain names never open a file", arguments: ["../../etc/passwd", "a/b", "..", "x y", "%2e%2e", ""])
    func traversal(id: String) throws {
        let path = try folder([:])
        let library = try #require(AssetLibrary(folder: path))
        guard case .rejected = library.match(id: id) else {
            Issue.record("\(id) was not rejected")
            return
        }
        let panel = PanelFactory(shaper: shaper, assets: library).makePanel(
            PanelRequest(kind: "image", id: id, language: "en"), width: 300)
        #expect(panel.diagnostics.map(\.code) == ["unsafe-asset-id"])
    }

    @Test("a symbolic link that leaves the assets folder is not followed")
    func symlinkOut() throws {
        let path = try folder([:])
        try FileManager.default.createSymbolicLink(atPath: path + "/5.svg", withDestinationPath: "/etc/hostname")
        let library = try #require(AssetLibrary(folder: path))
        guard case .rejected(let reason) = library.match(id: "5") else {
            Issue.record("the link was followed")
            return
        }
        #expect(reason.contains("outside"))
    }
}
