// Bounded memory: --max-input while reading, template and PNG sizes, asset pixel counts.

import Foundation
import Testing

@Suite("limits")
struct LimitTests {
    @Test("an endless standard input stops at --max-input, with little memory")
    func endlessStdin() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // ulimit: a build that read it all would fail at 2 GB instead of taking the machine's memory.
        let script = "ulimit -v 2000000; yes | /usr/bin/time -f 'peak-kb %M' '\(Paths.galley)' convert - -o '\(folder.path)/out.pdf'; echo \"status ${PIPESTATUS[1]}\" >&2"
        let result = try run("/bin/bash", ["-c", script])
        #expect(result.stderr.contains("input is over the limit of 16777216 bytes (reading stopped there); raise it with --max-input"), "\(result.stderr)")
        #expect(result.stderr.contains("status 1"), "\(result.stderr)")
        let peak = result.stderr.split(separator: "\n").first { $0.hasPrefix("peak-kb ") }.flatMap { Int($0.dropFirst(8)) }
        // 16 MiB of input and one 64 KiB chunk beside the process itself; reading everything would be gigabytes.
        #expect((peak ?? .max) < 200_000, "peak RSS \(peak ?? -1) KB")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pdf").path))
    }

    @Test("a file over --max-input is refused before it is read, in convert and batch")
    func largeFile() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in/big.txt")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(String(repeating: "Слово ", count: 400).utf8).write(to: input)
        try Data("Заголовок\nКороткий текст.".utf8).write(to: input.deletingLastPathComponent().appendingPathComponent("small.txt"))
        let convert = try galley(["convert", input.path, "-o", folder.appendingPathComponent("o.pdf").path, "--max-input", "1000"])
        #expect(convert.status == 1)
        #expect(convert.stderr.contains("over the limit of 1000 bytes; raise it with --max-input"), "\(convert.stderr)")
        let batch = try galley(["batch", input.deletingLastPathComponent().path, "-o", folder.appendingPathComponent("out").path, "--max-input", "1000"])
        // 3 once batch tells "finished with failed inputs" apart (conventions.md); 1 before.
        #expect(batch.status == 3 || batch.status == 1, "\(batch.stderr)")
        #expect(batch.stderr.contains("1 rendered"), "\(batch.stderr)")
        #expect(batch.stderr.contains("--max-input"), "\(batch.stderr)")
    }

    @Test("a JSON Lines dump line over --max-input is never held: that article fails, the others render")
    func longDumpLine() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump.jsonl")
        let long = #"{"id": "big", "text": "Заголовок\n"# + String(repeating: "Слово ", count: 300_000) + "\"}"
        let lines = [#"{"id": "a", "text": "Первая статья\nТекст."}"#, long, #"{"id": "b", "text": "Вторая статья\nТекст."}"#]
        try Data(lines.joined(separator: "\n").utf8).write(to: dump)
        let batch = try galley(["batch", dump.path, "-o", folder.appendingPathComponent("out").path, "--max-input", "100000"])
        #expect(batch.status == 3 || batch.status == 1, "\(batch.stderr)")
        #expect(batch.stderr.contains("line 2 of \(dump.path) is \(long.utf8.count) bytes, over the limit of 100000 bytes; raise it with --max-input"), "\(batch.stderr)")
        #expect(batch.stderr.contains("2 rendered"), "\(batch.stderr)")
    }

    @Test("a template page over PDF's 14,400 pt is a template error naming the key and limit", arguments: ["1e7", "1e9", "14401"])
    func hugePage(side: String) throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("huge.toml")
        try Data("[page]\nsize = [\(side), \(side)]\n".utf8).write(to: template)
        let input = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
        let result = try galley(["convert", input.path, "-o", folder.appendingPathComponent("o.pdf").path, "--template", template.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("page.size") && result.stderr.contains("14400 pt"), "\(result.stderr)")
    }

    @Test("a PNG page over 150 megapixels is refused before cairo allocates it")
    func hugePNG() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("big.toml")
        try Data("[page]\nsize = [14400, 14400]\n".utf8).write(to: template)
        let input = Paths.samples.appendingPathComponent("en-harbour-ferries.txt")
        let result = try galley([
            "convert", input.path, "-o", folder.path + "/", "--format", "png", "--template", template.path, "--dpi", "100",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("over the PNG limit") && result.stderr.contains("lower --dpi"), "\(result.stderr)")
    }

    /// A PNG file that is only a signature and a header declaring `width` × `height`.
    func pngHeader(width: UInt32, height: UInt32) -> Data {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let body: [UInt8] = Array("IHDR".utf8) + be(width) + be(height) + [8, 6, 0, 0, 0]
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in body {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + body + be(~crc))
    }

    @Test("a picture declaring 20,000 × 20,000 pixels: a warning and the placeholder, exit 0 in convert and batch alike")
    func hugePicture() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try pngHeader(width: 20_000, height: 20_000).write(to: articles.appendingPathComponent("assets/7.png"))
        let text = "Паромы выходят на линию\nГородской совет сообщил о ремонте. #{image=7} Работы завершены к весне."
        let input = articles.appendingPathComponent("a.txt")
        try Data(text.utf8).write(to: input)
        let pdf = folder.appendingPathComponent("a.pdf")
        let convert = try galley(["convert", input.path, "-o", pdf.path])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(convert.stderr.contains("warning: 7.png declares 20000×20000 pixels, over the limit of 50 megapixels"), "\(convert.stderr)")
        #expect(firstMissingWord(comparableWords("Паромы выходят на линию Городской совет сообщил о ремонте. Работы завершены к весне."), in: comparableWords(try pdfText(pdf))) == nil)
        let out = folder.appendingPathComponent("out")
        let report = folder.appendingPathComponent("report.json")
        let batch = try galley(["batch", articles.path, "-o", out.path, "--report", report.path])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.pdf").path))
        let summary = try String(contentsOf: report, encoding: .utf8)
        #expect(summary.contains("megapixels"), "the report names the warning")
        #expect(summary.contains(#""encoding":"utf-8""#) || summary.contains(#""encoding" : "utf-8""#), "the report names the encoding read")
    }

    @Test("pictures that do not decode (cut PNG, garbage JPEG, broken SVG): warnings and placeholders, exit 0 in convert and batch alike")
    func brokenPictures() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("in")
        let assets = articles.appendingPathComponent("assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try pngHeader(width: 100, height: 80).write(to: assets.appendingPathComponent("1.png"))
        try Data([0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 80, 0, 100, 1, 1, 0x11, 0] + Array(repeating: 0x47, count: 70)).write(to: assets.appendingPathComponent("2.jpg"))
        try Data(#"<svg width="100" height="80"><rect"#.utf8).write(to: assets.appendingPathComponent("3.svg"))
        let text = "Заголовок статьи\nТекст до. #{image=1} Между. #{image=2} Ещё. #{image=3 caption=\"Подпись к снимку\"} Конец."
        let input = articles.appendingPathComponent("a.txt")
        try Data(text.utf8).write(to: input)
        let pdf = folder.appendingPathComponent("a.pdf")
        let convert = try galley(["convert", input.path, "-o", pdf.path])
        #expect(convert.status == 0, "\(convert.stderr)")
        for name in ["1.png could not be decoded", "2.jpg could not be decoded", "3.svg could not be decoded"] {
            #expect(convert.stderr.contains(name), "\(name): \(convert.stderr)")
        }
        let words = comparableWords(try pdfText(pdf))
        #expect(firstMissingWord(comparableWords("Заголовок статьи Текст до. Между. Ещё. Подпись к снимку Конец."), in: words) == nil)
        let out = folder.appendingPathComponent("out")
        let batch = try galley(["batch", articles.path, "-o", out.path])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("1 rendered"), "\(batch.stderr)")
    }
}
