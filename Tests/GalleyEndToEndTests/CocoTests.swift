// --emit coco: the PNG pages and their boxes as a COCO annotation file.

import Foundation
@testable import Galley
import GalleyPanels
import Testing

@Suite("COCO annotations")
struct CocoTests {
    /// Checks what a COCO consumer relies on: unique ids, every annotation on an existing image
    /// and in an existing category, boxes inside their image, images that exist beside the file
    /// with the size they state. Returns the decoded dataset.
    @discardableResult
    func validate(_ file: URL) throws -> CocoDataset {
        let dataset = try JSONDecoder().decode(CocoDataset.self, from: Data(contentsOf: file))
        let folder = file.deletingLastPathComponent()
        #expect(dataset.categories == CocoCategory.all)
        #expect(dataset.images.map(\.id) == Array(1...max(1, dataset.images.count)), "image ids count up from 1")
        #expect(dataset.annotations.map(\.id) == Array(1...max(1, dataset.annotations.count)), "annotation ids count up from 1")
        let images = Dictionary(uniqueKeysWithValues: dataset.images.map { ($0.id, $0) })
        let categories = Set(dataset.categories.map(\.id))
        #expect(categories.count == dataset.categories.count)
        for image in dataset.images {
            let size = PNGSize(contentsOf: folder.appendingPathComponent(image.fileName).path)
            #expect(size == PNGSize(width: image.width, height: image.height), "\(image.fileName) exists with the size stated")
        }
        for annotation in dataset.annotations {
            #expect(categories.contains(annotation.categoryId))
            #expect(annotation.iscrowd == 0)
            let image = try #require(images[annotation.imageId], "annotation \(annotation.id) is on an image")
            let b = annotation.bbox
            #expect(b.count == 4 && b[2] > 0 && b[3] > 0)
            #expect(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= Double(image.width) + 0.01 && b[1] + b[3] <= Double(image.height) + 0.01,
                    "annotation \(annotation.id) \(b) inside \(image.width)×\(image.height)")
            #expect(abs(annotation.area - b[2] * b[3]) < 1)
        }
        return dataset
    }

    /// The boxes of a layout JSON file.
    func layoutBoxes(_ file: URL) throws -> [LayoutJSON.Box] {
        try JSONDecoder().decode(LayoutJSON.self, from: Data(contentsOf: file)).pages.flatMap(\.boxes)
    }

    /// How many annotations each category should have for these layout boxes.
    func expectedCounts(_ boxes: [LayoutJSON.Box]) -> [Int: Int] {
        Dictionary(grouping: boxes.compactMap(CocoCategory.id(for:)), by: { $0 }).mapValues(\.count)
    }

    func name(_ id: Int) -> String { CocoCategory.all[id - 1].name }

    @Test("convert: one image per PNG page, one annotation per layout box, in the right categories")
    func convert() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
        let result = try galley(["convert", sample.path, "--format", "pdf,png", "--dpi", "60", "-o", folder.path + "/", "--emit", "layout,coco"])
        #expect(result.status == 0, "\(result.stderr)")
        let dataset = try validate(folder.appendingPathComponent("ru-naberezhnaya.coco.json"))
        let layout = try JSONDecoder().decode(LayoutJSON.self, from: Data(contentsOf: folder.appendingPathComponent("ru-naberezhnaya.layout.json")))
        #expect(dataset.images.map(\.fileName) == (1...layout.pages.count).map { "ru-naberezhnaya-\($0).png" })
        let boxes = layout.pages.flatMap(\.boxes)
        #expect(dataset.annotations.count == boxes.count, "every layout box is an annotation")
        let counts = Dictionary(grouping: dataset.annotations.map(\.categoryId), by: { $0 }).mapValues(\.count)
        #expect(counts == expectedCounts(boxes))
        // The sample's directives: biginfographic, image, movie, gallery and the unknown poll.
        #expect(Set(counts.keys.map(name)).isSuperset(of: ["headline", "paragraph", "line", "footnote", "footer", "biginfographic", "photo", "video", "gallery", "poll"]))
        // Boxes are the layout's points scaled to 60 dpi.
        let headline = try #require(boxes.first { $0.kind == "headline" })
        let annotation = try #require(dataset.annotations.first { name($0.categoryId) == "headline" })
        for (pixels, points) in zip(annotation.bbox, headline.box) { #expect(abs(pixels - points * 60 / 72) < 0.02) }
        let panel = try #require(dataset.annotations.first { name($0.categoryId) == "photo" })
        #expect(panel.attributes?.directive == "image" && panel.attributes?.generated == true)
    }

    @Test("--emit coco without PNG pages is a usage error that says what to add")
    func needsPNG() throws {
        let sample = Paths.samples.appendingPathComponent("en-harbour-ferries.txt").path
        for arguments in [["convert", sample, "--emit", "coco"], ["batch", sample, "--format", "pdf,svg", "--emit", "layout,coco"]] {
            let result = try galley(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains("add png to --format"), "\(result.stderr)")
        }
        #expect(try galley(["convert", sample, "--format", "png", "--emit", "coco", "-o", "-"]).status == 2)
    }

    @Test("batch: one COCO file for every input, the same bytes on every run, resumed runs included")
    func batch() throws {
        let folder = try sampleArchive(copy: "en-harbour-ferries.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in").path
        func render(_ out: String, _ extra: [String] = []) throws -> Data {
            let result = try galley(["batch", input, "-o", folder.appendingPathComponent(out).path, "--format", "pdf,png", "--dpi", "40", "--emit", "coco"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return try Data(contentsOf: folder.appendingPathComponent("\(out)/annotations.coco.json"))
        }
        let first = try render("a")
        let out = folder.appendingPathComponent("a")
        let dataset = try validate(out.appendingPathComponent("annotations.coco.json"))
        let jobs = try BatchInputs.list([input]).jobs
        #expect(jobs.count == 3)
        #expect(dataset.images.count >= 3)
        // Images follow the inputs' keys, each input's pages in order.
        let expectedNames = try jobs.flatMap { job in
            let pages = try JSONDecoder().decode(LayoutJSON.self, from: Data(contentsOf: out.appendingPathComponent(job.outputName + ".layout.json"))).pages.count
            return (1...pages).map { "\(job.outputName)-\($0).png" }
        }
        #expect(dataset.images.map(\.fileName) == expectedNames)
        let boxes = try jobs.flatMap { try layoutBoxes(out.appendingPathComponent($0.outputName + ".layout.json")) }
        #expect(dataset.annotations.count == boxes.count)
        let counts = Dictionary(grouping: dataset.annotations.map(\.categoryId), by: { $0 }).mapValues(\.count)
        #expect(counts == expectedCounts(boxes))

        #expect(try render("b") == first, "a second batch into a fresh folder writes the same bytes")
        #expect(try render("a") == first, "a rerun that renders nothing still covers every input")
        // A rerun after one input changed: the others come from what the folder holds.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("in/sub/copy.txt"))
        try FileManager.default.copyItem(
            at: Paths.samples.appendingPathComponent("ru-naberezhnaya.txt"), to: folder.appendingPathComponent("in/sub/copy.txt"))
        _ = try render("a")
        let changed = try validate(out.appendingPathComponent("annotations.coco.json"))
        let copyPages = try JSONDecoder().decode(LayoutJSON.self, from: Data(contentsOf: out.appendingPathComponent("sub/copy.layout.json"))).pages.count
        let others = dataset.images.map(\.fileName).filter { !$0.hasPrefix("sub/copy-") }
        #expect(changed.images.map(\.fileName) == others + (1...copyPages).map { "sub/copy-\($0).png" })
    }

    @Test("the date honours SOURCE_DATE_EPOCH and is fixed without it")
    func date() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Paths.samples.appendingPathComponent("en-harbour-ferries.txt").path
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = nil
        #expect(try galley(["convert", sample, "--format", "png", "--dpi", "20", "-o", folder.path + "/", "--emit", "coco"], environment: environment).status == 0)
        let file = folder.appendingPathComponent("en-harbour-ferries.coco.json")
        #expect(try JSONDecoder().decode(CocoDataset.self, from: Data(contentsOf: file)).info.dateCreated == "2000-01-01T00:00:00Z")
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        #expect(try galley(["convert", sample, "--format", "png", "--dpi", "20", "-o", folder.path + "/", "--emit", "coco"], environment: environment).status == 0)
        let info = try JSONDecoder().decode(CocoDataset.self, from: Data(contentsOf: file)).info
        #expect(info.dateCreated == "2023-11-14T22:13:20Z")
        #expect(info.year == 2023)
    }

    @Test("every directive kind galley knows has a panel category of its own, fixed by name; unknown kinds share one")
    func panelCategories() {
        func category(_ kind: String) -> String? {
            let known = DirectiveKind.named(kind)
            var box = LayoutJSON.Box(kind: "panel", box: [0, 0, 1, 1], panelKind: kind)
            box.registryKind = known.isKnown ? known.name : nil
            return CocoCategory.id(for: box).map(name)
        }
        let names = ["biginfographic", "infographic", "smallinfographic", "image", "photo", "bigphoto", "bigimage", "movie", "video", "gallery", "smallgallery", "poll", "timeline"]
        #expect(names.map(category) == ["biginfographic", "infographic", "smallinfographic", "photo", "photo", "bigphoto", "bigphoto", "video", "video", "gallery", "smallgallery", "poll", "timeline"])
        #expect(category("quiz") == "other-panel")
        #expect(Set(CocoCategory.all.filter { $0.supercategory == "panel" }.map(\.name)) == Set(names.compactMap(category) + ["other-panel"]))
        #expect(CocoCategory.id(for: LayoutJSON.Box(kind: "footnote-line", box: [0, 0, 1, 1])).map(name) == "line")
        // The ids datasets were made with stay what they were (docs/data.md), whatever the
        // registry's order: a kind added later takes the next free id.
        let fixed = [
            "headline": 1, "paragraph": 2, "footnote": 3, "header": 4, "footer": 5, "line": 6, "biginfographic": 7,
            "infographic": 8, "smallinfographic": 9, "photo": 10, "bigphoto": 11, "video": 12, "gallery": 13,
            "smallgallery": 14, "other-panel": 15, "poll": 16, "timeline": 17,
        ]
        #expect(Dictionary(uniqueKeysWithValues: CocoCategory.all.map { ($0.name, $0.id) }) == fixed)
        #expect(CocoCategory.all.map(\.id) == Array(1...fixed.count))
    }

    @Test("boxes are clipped to their image; a box with nothing left is dropped")
    func clipping() {
        let size = PNGSize(width: 100, height: 50)
        #expect(CocoDataset.pixels([-10, 10, 50, 10], scale: 1, within: size) == [0, 10, 40, 10])
        #expect(CocoDataset.pixels([90, 40, 20, 20], scale: 1, within: size) == [90, 40, 10, 10])
        #expect(CocoDataset.pixels([72, 0, 72, 36], scale: 2, within: size) == nil, "all of it right of the image")
    }
}
