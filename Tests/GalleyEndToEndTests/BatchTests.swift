// galley batch: isolation of bad inputs, resumable runs, shards, the report.

import Foundation
import Testing

@Suite("batch")
struct BatchTests {
    /// A folder of `count` small articles (and any extra files), as a temporary input tree.
    func archive(_ count: Int, extra: [String: [UInt8]] = [:]) throws -> URL {
        let folder = try Paths.temporaryFolder()
        let input = folder.appendingPathComponent("in/nested")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for k in 0..<count {
            let text = "Статья номер \(k)\n\nГородской совет в среду обсудил вопрос номер \(k). Депутаты приняли решение единогласно."
            try Data(text.utf8).write(to: input.appendingPathComponent("a\(k).txt"))
        }
        for (name, bytes) in extra { try Data(bytes).write(to: folder.appendingPathComponent("in/\(name)")) }
        return folder
    }

    func report(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    /// Each worker holds two requests (BatchSupervisor.requestsInFlight), and the inputs are
    /// taken in key order, so a good article waits behind the crash and behind the hang in their
    /// workers' pipes: it must be sent again to a fresh worker, or fewer than four render.
    @Test("a crash, a hang and an undecodable file cost only themselves; the report names them")
    func isolation() throws {
        let folder = try archive(
            4,
            extra: [
                "crash.txt": Array("Заголовок\nТекст #{galley-test=crash} тут.".utf8),
                "hang.txt": Array("Заголовок\nТекст #{galley-test=hang} тут.".utf8),
                "binary.txt": [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF],
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["GALLEY_TEST_FAULTS"] = "1"
        let out = folder.appendingPathComponent("out")
        let result = try galley(
            ["batch", folder.appendingPathComponent("in").path, "-o", out.path, "--jobs", "2", "--timeout", "3",
             "--report", folder.appendingPathComponent("r.json").path], environment: environment)
        #expect(result.status == 3, "finished, some failed: exit 3")
        let r = try report(folder.appendingPathComponent("r.json"))
        #expect(r["rendered"] as? Int == 4)
        #expect(r["failed"] as? Int == 3)
        let results = r["results"] as? [[String: Any]] ?? []
        func reason(_ name: String) -> String {
            results.first { ($0["key"] as? String ?? "").hasSuffix(name) }?["reason"] as? String ?? ""
        }
        #expect(reason("crash.txt").contains("crashed"))
        #expect(reason("hang.txt").contains("timed out"))
        #expect(reason("binary.txt").contains("not a text file"))
        for k in 0..<4 {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("nested/a\(k).pdf").path), "the output mirrors the tree")
        }
    }

    /// A worker that crashes on the request waiting in its pipe may die while the parent is
    /// still recording the answer before it, and the parent's next write then meets a pipe with
    /// no reader: that must neither end the batch (the supervisor ignores SIGPIPE) nor fail the
    /// article being sent. When the write falls cannot be steered from outside; eight crashes
    /// right behind good articles check the outcome, whichever way each one falls.
    @Test("crashes right behind good articles fail only themselves, however the writes fall")
    func crashesBehindGoodArticles() throws {
        var extra: [String: [UInt8]] = [:]
        for k in 0..<8 {
            extra["p\(k)-a-good.txt"] = Array("Заголовок \(k)\nХороший текст номер \(k).".utf8)
            extra["p\(k)-b-crash.txt"] = Array("Заголовок\nТекст #{galley-test=crash} тут.".utf8)
        }
        let folder = try archive(0, extra: extra)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["GALLEY_TEST_FAULTS"] = "1"
        let report = folder.appendingPathComponent("r.json")
        let result = try galley(
            ["batch", folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("out").path,
             "--jobs", "1", "--report", report.path], environment: environment)
        #expect(result.status == 3, "the batch ends by itself, some failed: \(result.status)")
        let r = try self.report(report)
        #expect(r["rendered"] as? Int == 8)
        #expect(r["failed"] as? Int == 8)
        for entry in r["results"] as? [[String: Any]] ?? [] {
            let key = entry["key"] as? String ?? ""
            #expect((entry["ok"] as? Bool == true) == key.hasSuffix("good.txt"), "\(key): \(entry["reason"] ?? "")")
        }
    }

    @Test("an unchanged rerun renders nothing; a changed input renders again; --force renders all")
    func resumable() throws {
        let folder = try archive(3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in").path
        let out = folder.appendingPathComponent("out").path
        #expect(try galley(["batch", input, "-o", out]).status == 0)
        let again = try galley(["batch", input, "-o", out])
        #expect(again.stderr.contains("0 to render, 3 up to date"))
        try Data("Новый заголовок\n\nДругой текст статьи.".utf8).write(to: folder.appendingPathComponent("in/nested/a1.txt"))
        #expect(try galley(["batch", input, "-o", out]).stderr.contains("1 to render, 2 up to date"))
        #expect(try galley(["batch", input, "-o", out, "--template", "screen"]).stderr.contains("3 to render"), "a template change renders all")
        #expect(try galley(["batch", input, "-o", out, "--template", "screen", "--force"]).stderr.contains("3 to render"))
    }

    @Test("an interrupted batch leaves only complete files, and the next run finishes the rest")
    func interrupted() throws {
        let folder = try archive(6, extra: ["hang.txt": Array("Заголовок\nТекст #{galley-test=hang} тут.".utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.galley)
        process.arguments = ["batch", folder.appendingPathComponent("in").path, "-o", out.path, "--jobs", "1", "--timeout", "60"]
        var environment = ProcessInfo.processInfo.environment
        environment["GALLEY_TEST_FAULTS"] = "1"
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The hanging input comes first in key order (…/in/hang.txt < …/in/nested/…): wait
        // until the worker is on it, then interrupt.
        Thread.sleep(forTimeInterval: 2)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let files = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String]) ?? []
        #expect(!files.contains { $0.hasSuffix(".tmp") }, "no partial file: \(files)")
        for pdf in files where pdf.hasSuffix(".pdf") {
            let data = try Data(contentsOf: out.appendingPathComponent(pdf))
            #expect(String(decoding: data.suffix(8), as: UTF8.self).contains("%%EOF"), "\(pdf) is complete")
        }
        // Resume without the hanging input: everything else gets rendered.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("in/hang.txt"))
        let resumed = try galley(["batch", folder.appendingPathComponent("in").path, "-o", out.path])
        #expect(resumed.status == 0)
        for k in 0..<6 { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("nested/a\(k).pdf").path)) }
    }

    @Test("shards 1/3, 2/3 and 3/3 cover every input exactly once")
    func shards() throws {
        let folder = try archive(10)
        defer { try? FileManager.default.removeItem(at: folder) }
        var seen: [String] = []
        for k in 1...3 {
            let report = folder.appendingPathComponent("r\(k).json")
            let result = try galley([
                "batch", folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("out\(k)").path,
                "--shard", "\(k)/3", "--report", report.path,
            ])
            #expect(result.status == 0)
            seen += (try self.report(report)["results"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        }
        #expect(seen.count == 10)
        #expect(Set(seen).count == 10)
        #expect(try galley(["batch", folder.path, "--shard", "4/3"]).status == 2)
    }

    @Test("a JSON Lines dump: one article per line, a bad line reported, not skipped")
    func jsonLines() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump.jsonl")
        try Data("""
            {"id": 7, "title": "Первая", "text": "Текст первой статьи.", "date": "2015-10-12"}
            {"id": "b", "title": "Second", "text": "Text of the second one."}
            {"title": "no text"}
            {"id": "s", "text": "a lone surrogate \\ud800 in a dump written from broken text"}

            """.utf8).write(to: dump)
        let result = try galley(["batch", dump.path, "-o", folder.appendingPathComponent("out").path])
        #expect(result.status == 3)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/dump/7.pdf").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/dump/b.pdf").path))
        #expect(result.stderr.contains("line 3 of \(dump.path) has no \"text\" string"), "\(result.stderr)")
        // The reason is the parser's, not a missing field: the line is an object.
        #expect(result.stderr.contains("line 4 of \(dump.path) is not valid JSON"), "\(result.stderr)")
    }

    /// The parent streams a dump in chunks of 1 MiB and keeps only where each line is; the
    /// worker reads its line again. So a line longer than a chunk (here padded with JSON
    /// whitespace), CRLF line ends and a last line without a line feed must all arrive whole,
    /// and the fingerprint is the whole line's: a changed field renders that article again.
    @Test("a JSON Lines dump is streamed: a line longer than the read chunk, CRLF, no final line feed; a changed field renders again")
    func jsonLinesStreamed() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("dump.jsonl")
        let out = folder.appendingPathComponent("out")
        func write(date: String) throws {
            let padded = "{\"id\": \"long\"," + String(repeating: " ", count: 1_300_000)
                + "\"title\": \"Длинная строка\", \"text\": \"Текст после мегабайта пробелов.\"}"
            let lines = [
                "{\"id\": \"a\", \"title\": \"First\", \"text\": \"The first article.\", \"date\": \"\(date)\"}",
                padded,
                "{\"id\": \"c\", \"title\": \"Last\", \"text\": \"No line feed after this one.\"}",
            ]
            try Data(lines.joined(separator: "\r\n").utf8).write(to: dump)
        }
        try write(date: "2015-10-12")
        let first = try galley(["batch", dump.path, "-o", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        for id in ["a", "long", "c"] {
            let pdf = out.appendingPathComponent("dump/\(id).pdf")
            #expect(FileManager.default.fileExists(atPath: pdf.path), "\(id).pdf")
        }
        #expect(try pdfText(out.appendingPathComponent("dump/long.pdf")).contains("мегабайта"))
        #expect(try pdfText(out.appendingPathComponent("dump/c.pdf")).contains("No line feed after this one."))

        try write(date: "2016-01-01")
        let again = try galley(["batch", dump.path, "-o", out.path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("1 rendered, 2 up to date"), "\(again.stderr)")
    }
}
