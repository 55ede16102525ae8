// The seed and the corpus in every template, read back by the five readers of textlayer.py.

import Foundation
import Testing

/// The real articles of ../shared, against ../shared/tools/textlayer.py used in place
/// (Tests/pdf/reader_table.py imports it and sorts its findings), compared with the text galley
/// sets (`galley normalize`: the tool keeps the archive's stray `n` that galley repairs).
/// docs/pdf.md has the table these tests hold.
@Suite("The corpus's text layer, reader by reader", .serialized)
struct CorpusTextLayerTests {
    static let articles: [URL] = {
        let folders = ["seeds", "corpus"].map { Paths.shared.appendingPathComponent($0) }
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
        }
    }()

    struct ReaderRow: Decodable {
        var total: Int
        var lost: Int
        var glued: Int
        var order: Double
        var lostAcrossBreak: [String]
        var lostOther: [String]
        var gluedFragments: [String]
        var gluedOther: [String]
    }

    /// The readers held to every word, none glued, in order, in `template`. pdfminer (through
    /// pdfplumber) groups a page's words into lines by height across the whole page, so it reads
    /// columns that share baselines across, whatever the PDF says; poppler reads the broadsheet's
    /// 10 pt gutters (under 1.5 of its 9 pt type with the hanging punctuation) as word spaces.
    static func heldReaders(_ template: String) -> [String] {
        switch template {
        case "newspaper": ["poppler", "pypdf", "mupdf", "pdfium"]
        case "broadsheet": ["pypdf", "mupdf", "pdfium"]
        default: ["poppler", "pdfminer", "pypdf", "mupdf", "pdfium"]
        }
    }

    /// No word lost or glued but for the two kinds the tool cannot tell from a fault (a word
    /// hyphenated across a column or page end, with a folio, header or blank line between its
    /// halves; the halves of a word hyphenated at a line end, which the tool looks at before it
    /// rejoins them), and at least 98 % in order.
    @Test(arguments: ["default", "screen", "newspaper", "broadsheet"])
    func everyReaderInEveryTemplate(template: String) throws {
        let script = Paths.root.appendingPathComponent("Tests/pdf/reader_table.py").path
        try Self.eachArticle(in: template) { tool, name, pdf, text in
            let out = try run(Readers.python, [script, tool, text.path, pdf.path])
            #expect(out.status == 0, "reader_table.py: \(out.stderr)")
            let rows = try JSONDecoder().decode([String: ReaderRow].self, from: out.stdout)
            #expect(rows.count == 5)
            for reader in Self.heldReaders(template) {
                guard let row = rows[reader] else {
                    Issue.record("\(reader) missing from \(rows.keys)")
                    continue
                }
                let place = "\(template) \(name) \(reader)"
                #expect(row.lostOther.isEmpty, "\(place) lost \(row.lostOther.prefix(10))")
                #expect(row.gluedOther.isEmpty, "\(place) glued \(row.gluedOther.prefix(10))")
                #expect(row.order >= 0.98, "\(place) in order \(row.order)")
                #expect(row.lost == row.lostAcrossBreak.count + row.lostOther.count)
                #expect(row.glued == row.gluedFragments.count + row.gluedOther.count)
            }
        }
    }

    /// In the screen template (one column, ragged right) the tool itself passes
    /// every article: all five readers, no word lost or glued, at least 98 % in order.
    @Test func screenPassesTextLayerTool() throws {
        try Self.eachArticle(in: "screen") { tool, name, pdf, text in
            let out = try run(Readers.python, [tool, text.path, pdf.path])
            #expect(out.status == 0, "textlayer.py \(name):\n\(out.text)")
        }
    }

    /// Sets each article in `template` (`NAME.pdf`, beside the text galley sets, `galley
    /// normalize`, as `NAME.txt`: what the readers are held against) and hands it to `check`
    /// with textlayer.py's path; nothing, saying why, without ../shared or the readers.
    private static func eachArticle(
        in template: String, _ check: (_ tool: String, _ name: String, _ pdf: URL, _ text: URL) throws -> Void
    ) throws {
        guard Paths.hasShared else {
            print("skipped: ../shared is absent (seed, corpus and textlayer.py)")
            return
        }
        guard Readers.available else { return }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tool = Paths.shared.appendingPathComponent("tools/textlayer.py").path
        for article in articles {
            let name = article.deletingPathExtension().lastPathComponent
            let pdf = folder.appendingPathComponent("\(name).pdf")
            let text = folder.appendingPathComponent("\(name).txt")
            let convert = try galley(["convert", article.path, "--template", template, "-o", pdf.path])
            #expect(convert.status == 0, "\(template) \(name): \(convert.stderr)")
            try galley(["normalize", article.path]).stdout.write(to: text)
            try check(tool, name, pdf, text)
        }
    }
}
