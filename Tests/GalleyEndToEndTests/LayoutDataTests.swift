// --emit layout,report: the boxes and figures written beside the pages.

import Foundation
import Galley
import GalleyMarkup
import Testing

@Suite("pages as data")
struct LayoutDataTests {
    /// Converts `input` with --emit layout,report; returns the decoded layout and report.
    func emit(_ input: URL, png: Bool = false) throws -> (LayoutJSON, [String: Any], ProcessOutput) {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let formats = png ? "pdf,png" : "pdf"
        let result = try galley(["convert", input.path, "--format", formats, "--dpi", "100", "-o", folder.path + "/", "--emit", "layout,report"])
        #expect(result.status == 0, "\(result.stderr)")
        let name = input.deletingPathExtension().lastPathComponent
        let layout = try JSONDecoder().decode(LayoutJSON.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).layout.json")))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(name).report.json"))) as? [String: Any] ?? [:]
        return (layout, report, result)
    }

    @Test("line texts, joined, give back each paragraph's normalized text; boxes lie in their page and column")
    func linesGiveTheText() throws {
        try checkLinesGiveTheText(Paths.samples.appendingPathComponent("ru-naberezhnaya.txt"))
    }

    @Test(
        "the seed's line texts, joined, give back its normalized text; its line boxes lie in their page and column",
        .enabled(if: Paths.hasShared, "../shared is absent: the seed article is not part of a user's clone"))
    func seedLinesGiveTheText() throws {
        try checkLinesGiveTheText(Paths.seed)
    }

    /// Joins the line texts of each paragraph from the layout JSON of `input` and compares
    /// them with the paragraph's normalized text; checks that every box lies inside its page
    /// and every line box inside one of its page's text columns.
    func checkLinesGiveTheText(_ input: URL) throws {
        let (layout, _, _) = try emit(input, png: true)
        #expect(layout.version == 1)
        #expect(layout.dpi == 100)
        var byParagraph: [Int: [String]] = [:]
        for page in layout.pages {
            #expect(!page.columns.isEmpty)
            for box in page.boxes {
                let r = box.box
                #expect(r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= page.width + 0.01 && r[1] + r[3] <= page.height + 0.01)
                #expect(box.pixels?.count == 4)
                guard box.kind == "line" || box.kind == "footnote-line" else { continue }
                let inColumn = page.columns.contains { c in
                    r[0] >= c[0] - 0.01 && r[0] + r[2] <= c[0] + c[2] + 0.01 && r[1] >= c[1] - 0.01 && r[1] + r[3] <= c[1] + c[3] + 0.01
                }
                #expect(inColumn, "page \(page.number): line at \(r) outside the columns \(page.columns)")
                if box.kind == "line", let p = box.paragraph, let text = box.text { byParagraph[p, default: []].append(text) }
            }
        }
        let parsed = MarkupParser().parse(try String(contentsOf: input, encoding: .utf8)).document.normalized()
        var paragraphs = 0
        for (index, block) in parsed.blocks.enumerated() {
            guard case .paragraph(let paragraph) = block else { continue }
            paragraphs += 1
            let lines = try #require(byParagraph[index], "paragraph \(index) has lines")
            // Join: a line ending in a hyphen continues the word on the next line.
            var joined = ""
            for line in lines {
                if joined.hasSuffix("-"), !paragraph.text.string.contains(String(joined.split(separator: " ").last ?? "")) {
                    joined.removeLast()
                } else if !joined.isEmpty && !joined.hasSuffix("-") {
                    joined += " "
                }
                joined += line
            }
            let normalize = { (s: String) in s.replacingOccurrences(of: "\u{00A0}", with: " ") }
            #expect(normalize(joined) == normalize(paragraph.text.string))
        }
        #expect(paragraphs > 0 && byParagraph.count == paragraphs, "every paragraph has lines, and no lines are left over")
    }

    @Test(
        "the seed's layout JSON validates against docs/layout.schema.json",
        .enabled(if: Paths.hasShared, "../shared is absent: the seed article is not part of a user's clone"))
    func schema() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try galley(["convert", Paths.seed.path, "--format", "pdf,png", "--dpi", "50", "-o", folder.path + "/", "--emit", "layout"])
        #expect(result.status == 0)
        let layout = folder.appendingPathComponent("000_7b5fd0e551e9cfee.layout.json")
        let schema = Paths.root.appendingPathComponent("docs/layout.schema.json")
        let check = try run(
            "/usr/bin/python3",
            ["-c", "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')",
             layout.path, schema.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.text.contains("valid"))
        // And a broken one does not validate: the check can fail.
        let broken = folder.appendingPathComponent("broken.json")
        try Data(#"{"version": 2, "pages": []}"#.utf8).write(to: broken)
        let bad = try run("/usr/bin/python3", ["-c", "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))", broken.path, schema.path])
        #expect(bad.status != 0)
    }

    @Test("every box of every sample lies inside its page, and paragraphs do not overlap, in every built-in template",
          arguments: ["default", "newspaper", "screen"])
    func boxesInsidePages(template: String) throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for sample in Paths.sampleFiles() {
            let result = try galley(["convert", sample.path, "--template", template, "-o", folder.path + "/", "--emit", "layout"])
            #expect(result.status == 0, "\(result.stderr)")
            let name = sample.deletingPathExtension().lastPathComponent
            let layout = try JSONDecoder().decode(LayoutJSON.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).layout.json")))
            for page in layout.pages {
                for box in page.boxes {
                    let r = box.box
                    #expect(r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= page.width + 0.01 && r[1] + r[3] <= page.height + 0.01,
                            "\(name) page \(page.number): \(box.kind) \(box.panelKind ?? "") at \(r)")
                    if box.kind == "line" {
                        let inColumn = page.columns.contains { c in r[0] >= c[0] - 0.01 && r[0] + r[2] <= c[0] + c[2] + 0.01 }
                        #expect(inColumn, "\(name) page \(page.number): line at \(r) outside the columns \(page.columns)")
                    }
                }
                // A paragraph that goes on in the next column has a box in each, not one across both.
                let paragraphs = page.boxes.filter { $0.kind == "paragraph" }.map(\.box)
                for (k, a) in paragraphs.enumerated() {
                    for b in paragraphs[(k + 1)...] {
                        let overlap = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]) > 0.5 && min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]) > 0.5
                        #expect(!overlap, "\(name) page \(page.number): paragraphs at \(a) and \(b) overlap")
                    }
                }
            }
        }
    }

    @Test("every line's source range points at its words in the input")
    func sourceRanges() throws {
        let sample = Paths.samples.appendingPathComponent("en-harbour-ferries.txt")
        let bytes = Array(try Data(contentsOf: sample))
        let (layout, _, _) = try emit(sample)
        for box in layout.pages.flatMap(\.boxes) where box.kind == "line" {
            let source = try #require(box.source)
            let original = String(decoding: bytes[source[0]..<source[1]], as: UTF8.self)
            let firstWord = (box.text ?? "").split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init) ?? ""
            #expect(original.contains(firstWord), "'\(firstWord)' in '\(original)'")
        }
    }

    @Test("panels are boxes with their kind, id and whether they are generated")
    func panels() throws {
        let (layout, report, result) = try emit(Paths.samples.appendingPathComponent("ru-naberezhnaya.txt"))
        let panels = layout.pages.flatMap(\.boxes).filter { $0.kind == "panel" }
        #expect(panels.map(\.panelKind) == ["biginfographic", "image", "movie", "gallery", "poll"])
        #expect(panels.allSatisfy { $0.generated == true })
        #expect((report["justifiedLines"] as? Int ?? 0) > 5)
        #expect(report["widows"] as? Int == 0 && report["orphans"] as? Int == 0)
        #expect(result.stderr.contains("justified"), "the report is printed")
    }
}
