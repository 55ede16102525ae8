// Panels: each kind's geometry, determinism, assets and their safety, read from the frame tree.

import Foundation
import GalleyCore
import GalleyText
import Testing

@testable import GalleyPanels

/// Every item's bounds inside the frame (glyph runs by their advance and font size).
private func itemsInside(_ frame: Frame) -> Bool {
    let bounds = Rect(x: -0.01, y: -0.01, width: frame.size.width + 0.02, height: frame.size.height + 0.02)
    for positioned in frame.items {
        let p = positioned.position
        switch positioned.item {
        case .group(let child):
            if !bounds.contains(Rect(origin: p, size: child.size)) || !itemsInside(child) { return false }
        case .text(let run):
            if !bounds.contains(Rect(x: p.x, y: p.y - run.font.size * 0.8, width: run.width, height: run.font.size)) {
                return false
            }
        case .shape(let shape):
            if case .rect(let size) = shape.geometry, !bounds.contains(Rect(origin: p, size: size)) { return false }
        case .image(let image):
            if !bounds.contains(Rect(origin: p, size: image.size)) { return false }
        }
    }
    return true
}

@Suite("panels")
struct PanelTests {
    let shaper = TextShaper()
    var factory: PanelFactory { PanelFactory(shaper: shaper) }

    static let kinds = [
        "biginfographic", "infographic", "smallinfographic", "image", "photo", "bigphoto", "movie", "video", "gallery",
        "smallgallery",
    ]

    @Test("each kind: the asked width, the kind's proportions, everything inside", arguments: kinds)
    func geometry(kind: String) {
        let result = factory.makePanel(PanelRequest(kind: kind, id: "771531", language: "ru"), width: 400)
        #expect(result.frame.size.width == 400)
        let drawing = (400 * PanelKind(kind).aspect).rounded()
        #expect(result.frame.size.height > drawing && result.frame.size.height < drawing + 30)
        #expect(result.frame.role == .panel(kind: kind, id: "771531"))
        #expect(itemsInside(result.frame))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("the same id draws the same panel; two ids draw different ones")
    func determinism() {
        let a = factory.makePanel(PanelRequest(kind: "biginfographic", id: "771531", language: "ru"), width: 480)
        let b = PanelFactory(shaper: TextShaper()).makePanel(
            PanelRequest(kind: "biginfographic", id: "771531", language: "ru"), width: 480)
        #expect(a.frame == b.frame)
        #expect(a.frame.dump() == b.frame.dump())
        let c = factory.makePanel(PanelRequest(kind: "biginfographic", id: "771532", language: "ru"), width: 480)
        #expect(a.frame != c.frame)
    }

    @Test("ids choose among the chart families")
    func families() {
        let kinds = Set((1...40).map { ChartGenerator.generate(id: String($0), language: "en").type })
        #expect(kinds.count >= 5)
    }

    @Test("labels in the article's language, the id, the placeholder mark and the caption")
    func labels() {
        let ru = factory.makePanel(PanelRequest(kind: "video", id: "42", caption: "Подпись к видео", language: "ru"), width: 300)
        let text = ru.frame.text()
        #expect(text.contains("Видео"))
        #expect(text.contains("42"))
        #expect(text.contains("МАКЕТ"))
        #expect(text.contains("Подпись к видео"))
        #expect(!ru.frame.frames(where: { $0 == .caption }).isEmpty)
        let en = factory.makePanel(PanelRequest(kind: "gallery", id: "7", language: "en"), width: 300)
        #expect(en.frame.text().contains("Gallery"))
        #expect(en.frame.text().contains("PLACEHOLDER"))
    }

    @Test("an unknown kind is a generic panel naming it, with one warning")
    func unknown() {
        let result = factory.makePanel(PanelRequest(kind: "poll", id: "5", language: "ru"), width: 300)
        #expect(result.frame.text().contains("poll"))
        #expect(result.diagnostics.map(\.code) == ["unknown-directive-kind"])
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

    /// A 3×2 PNG header (enough for the size; render reads the whole file).
    let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2]
    /// A JPEG with a start-of-frame marker for 40×30.
    let jpegHeader: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 30, 0, 40, 3, 1, 0x22, 0]

    @Test("each picture type is found by id, with its size", arguments: [("png", ImageItem.Format.png), ("jpg", .jpeg), ("svg", .svg)])
    func pictures(ext: String, format: ImageItem.Format) throws {
        let bytes: [UInt8] =
            switch format {
            case .png: pngHeader
            case .jpeg: jpegHeader
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

    @Test("bad JSON: a clear error and a placeholder", arguments: [#"{"title": "x""#, #"{"title": "x", "type": "pie", "labels": [], "series": []}"#, #"{"type": "bar"}"#])
    func badJSON(json: String) throws {
        let path = try folder(["9.json": Array(json.utf8)])
        let panel = PanelFactory(shaper: shaper, assets: AssetLibrary(folder: path)).makePanel(
            PanelRequest(kind: "infographic", id: "9", language: "ru"), width: 300)
        #expect(panel.diagnostics.map(\.code) == ["bad-chart-data"])
        #expect(panel.diagnostics.first?.severity == .error)
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
