// galley batch over a real archive's ordinary cases: clashing names, concurrent shards,
// resumed reports, new assets, planted and outward links (galley 16).

import Foundation
import Testing

@Suite("archive runs")
struct ArchiveRunTests {
    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func article(_ k: Int, _ extra: String = "") -> String {
        "Статья номер \(k)\n\nГородской совет в среду обсудил вопрос номер \(k). Депутаты приняли решение единогласно.\(extra)"
    }

    func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    func results(_ report: [String: Any]) -> [[String: Any]] { report["results"] as? [[String: Any]] ?? [] }

    func files(in folder: URL, suffix: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(suffix) }
            .sorted()
    }

    @Test("same file names in two folders, dump ids a/b a.b a_b, a repeated id and NFC/NFD twins: one output each")
    func oneOutputPerInput() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        try write(article(1), folder.appendingPathComponent("d1/story.txt"))
        try write(article(2), folder.appendingPathComponent("d2/story.txt"))
        try write(article(3), folder.appendingPathComponent("d1/\(nfc).txt"))
        try write(article(4), folder.appendingPathComponent("d1/\(nfd).txt"))
        try write(article(5), folder.appendingPathComponent("d2/Story.txt"))
        let ids = ["a/b", "a.b", "a_b", "a_b", "x"]
        let lines = ids.enumerated().map { k, id in
            String(decoding: try! JSONSerialization.data(withJSONObject: ["id": id, "title": "Article \(k)", "text": "Text of article \(k)."]), as: UTF8.self)
        }
        try write(lines.joined(separator: "\n") + "\n", folder.appendingPathComponent("dump.jsonl"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("d1").path)
        try #require(names.count == 3, "this file system keeps NFC and NFD names apart: \(names)")
        let inputCount = 5 + ids.count

        let out = folder.appendingPathComponent("out")
        let report = folder.appendingPathComponent("r.json")
        let arguments = ["batch", folder.appendingPathComponent("d1").path, folder.appendingPathComponent("d2").path,
                         folder.appendingPathComponent("dump.jsonl").path, "-o", out.path, "--report", report.path]
        let first = try galley(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let pdfs = files(in: out, suffix: ".pdf")
        #expect(pdfs.count == inputCount, "one PDF per article: \(pdfs)")
        #expect(pdfs.contains("d2/Story.pdf") && pdfs.contains("d2/story-2.pdf"), "Story and story differ only in case: \(pdfs)")
        #expect(pdfs.contains("d1/story.pdf") && pdfs.contains("d2/Story.pdf"), "each root's name first: \(pdfs)")
        #expect(pdfs.contains("dump/a_b.pdf") && pdfs.contains("dump/a_b-2.pdf") && pdfs.contains("dump/x.pdf"), "\(pdfs)")
        // a/b and a.b: cleaned, with the first 8 hex digits of their SHA-256 (printf 'a/b' | sha256sum).
        #expect(pdfs.contains("dump/a_b-c14cddc0.pdf") && pdfs.contains("dump/a_b-2e7336dc.pdf"), "\(pdfs)")
        // Every clash is said, naming both inputs.
        #expect(first.stderr.contains("line 4 repeats the id 'a_b' of line 3"), "\(first.stderr)")
        #expect(first.stderr.contains("differ only in Unicode normal form"), "\(first.stderr)")
        // The report maps every input to its own outputs.
        let entries = results(try json(report))
        #expect(entries.count == inputCount)
        let outputs = entries.flatMap { $0["outputs"] as? [String] ?? [] }
        #expect(Set(outputs).count == outputs.count && outputs.count == entries.count, "\(outputs)")
        // Each PDF holds its own article.
        #expect(try pdfText(out.appendingPathComponent("d2/story-2.pdf")).contains("номер 2"))
        #expect(try pdfText(out.appendingPathComponent("d2/Story.pdf")).contains("номер 5"))
        #expect(try pdfText(out.appendingPathComponent("dump/a_b-2.pdf")).contains("article 3"))

        let again = try galley(arguments)
        #expect(again.stderr.contains("0 to render, 10 up to date"), "\(again.stderr)")

        // One folder alone, then with a second: the names gain the folder's name, so the
        // first folder's articles are written again under their new names.
        let alone = folder.appendingPathComponent("alone")
        #expect(try galley(["batch", folder.appendingPathComponent("d1").path, "-o", alone.path]).status == 0)
        #expect(files(in: alone, suffix: ".pdf").contains("story.pdf"))
        let both = try galley(["batch", folder.appendingPathComponent("d1").path, folder.appendingPathComponent("d2").path, "-o", alone.path])
        #expect(both.stderr.contains("5 inputs, 5 to render"), "\(both.stderr)")
        #expect(FileManager.default.fileExists(atPath: alone.appendingPathComponent("d1/story.pdf").path))
    }

    @Test("four shards at once into one folder, then an unsharded rerun renders nothing; every PDF is valid")
    func concurrentShards() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 0..<24 { try write(article(k), folder.appendingPathComponent("in/s\(k % 3)/a\(k).txt")) }
        let input = folder.appendingPathComponent("in").path
        let out = folder.appendingPathComponent("out").path
        let shards = (1...4).map { k -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Paths.galley)
            process.arguments = ["batch", input, "-o", out, "--jobs", "1", "--shard", "\(k)/4",
                                 "--report", folder.appendingPathComponent("reports/report-\(k).json").path]
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in shards { try process.run() }
        for process in shards { process.waitUntilExit() }
        #expect(shards.allSatisfy { $0.terminationStatus == 0 }, "\(shards.map(\.terminationStatus))")
        var named: [String] = []
        for k in 1...4 {
            let report = try json(folder.appendingPathComponent("reports/report-\(k).json"))
            #expect(report["shard"] as? String == "\(k)/4")
            named += results(report).map { $0["key"] as? String ?? "" }
        }
        #expect(Set(named).count == 24 && named.count == 24, "the shards' reports name every input once")
        let rerun = try galley(["batch", input, "-o", out])
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("24 inputs, 0 to render, 24 up to date"), "\(rerun.stderr)")
        let pdfs = files(in: URL(fileURLWithPath: out), suffix: ".pdf")
        #expect(pdfs.count == 24)
        for pdf in pdfs {
            let check = try run("qpdf", ["--check", (out as NSString).appendingPathComponent(pdf)])
            #expect(check.status == 0, "\(pdf): \(check.text)")
        }
        #expect(files(in: URL(fileURLWithPath: out), suffix: ".tmp").isEmpty)
    }

    @Test("--report after Ctrl-C and a resume names every input, rendered now or earlier")
    func reportSurvivesResume() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 0..<3 { try write(article(k), folder.appendingPathComponent("in/a\(k).txt")) }
        try write("Заголовок\nТекст #{galley-test=hang} тут.", folder.appendingPathComponent("in/m-hang.txt"))
        for k in 0..<3 { try write(article(10 + k), folder.appendingPathComponent("in/z\(k).txt")) }
        let out = folder.appendingPathComponent("out")
        let report = folder.appendingPathComponent("r.json")
        let arguments = ["batch", folder.appendingPathComponent("in").path, "-o", out.path, "--jobs", "1", "--timeout", "4",
                         "--report", report.path]
        var environment = ProcessInfo.processInfo.environment
        environment["GALLEY_TEST_FAULTS"] = "1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.galley)
        process.arguments = arguments
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt once the three articles before the hanging one are in the manifest.
        let manifest = out.appendingPathComponent(".galley-manifest.jsonl")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let lines = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines >= 3 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "interrupted: retry")
        let interrupted = results(try json(report))
        #expect(interrupted.count == 7, "the interrupted run's report names every input")
        #expect(interrupted.filter { $0["status"] as? String == "notRun" }.count >= 3)

        let resumed = try galley(arguments, environment: environment)
        #expect(resumed.status == 3, "finished, one input failed: \(resumed.stderr)")
        let entries = results(try json(report))
        let status = Dictionary(entries.map { (($0["key"] as? String ?? "") as NSString).lastPathComponent }
            .enumerated().map { ($1, entries[$0]["status"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(entries.count == 7, "\(status)")
        for k in 0..<3 { #expect(status["a\(k).txt"] == "upToDate") }
        #expect(status["m-hang.txt"] == "failed")
        for k in 0..<3 { #expect(status["z\(k).txt"] == "rendered") }
        let upToDate = entries.first { ($0["key"] as? String ?? "").hasSuffix("a0.txt") }
        #expect((upToDate?["outputs"] as? [String]) == ["a0.pdf"] && upToDate?["pages"] as? Int == 1)
    }

    @Test("a JSON Lines dump inside an input folder is named in a warning, not passed over in silence")
    func dumpInFolder() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(article(1), folder.appendingPathComponent("in/story.txt"))
        try write("{\"id\": \"1\", \"text\": \"Заголовок\\nТекст.\"}\n", folder.appendingPathComponent("in/dump.jsonl"))
        let result = try galley(["batch", folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("out").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("dump.jsonl is a JSON Lines dump inside an input folder"), "\(result.stderr)")
    }

    @Test("a new --assets folder renders again exactly the articles that use it")
    func newAssetsFolder() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(article(1, "\n\n#{image=photo1}\n\nКонец."), folder.appendingPathComponent("in/uses-photo1.txt"))
        try write(article(2, "\n\n#{image=photo2}\n\nКонец."), folder.appendingPathComponent("in/uses-photo2.txt"))
        try write(article(3), folder.appendingPathComponent("in/no-directive.txt"))
        let empty = folder.appendingPathComponent("assets-empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        // A real picture: a page galley renders itself.
        let picture = folder.appendingPathComponent("picture")
        let png = try galley(["convert", folder.appendingPathComponent("in/no-directive.txt").path, "-o", picture.path + "/", "--format", "png", "--dpi", "20"])
        #expect(png.status == 0, "\(png.stderr)")
        let photos = folder.appendingPathComponent("assets-photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: picture.appendingPathComponent("no-directive-1.png"), to: photos.appendingPathComponent("photo1.png"))

        let input = folder.appendingPathComponent("in").path
        let out = folder.appendingPathComponent("out")
        func batch(_ assets: URL) throws -> ProcessOutput { try galley(["batch", input, "-o", out.path, "--assets", assets.path]) }
        func images(_ name: String) throws -> Int {
            try run("pdfimages", ["-list", out.appendingPathComponent(name).path]).text.split(separator: "\n").count - 2
        }
        #expect(try batch(empty).stderr.contains("3 to render"))
        #expect(try images("uses-photo1.pdf") == 0, "a placeholder while the folder has no photo1")
        let second = try batch(photos)
        #expect(second.stderr.contains("1 to render, 2 up to date"), "\(second.stderr)")
        #expect(try images("uses-photo1.pdf") == 1, "the real photo now")
        #expect(try batch(photos).stderr.contains("0 to render, 3 up to date"))
        // The same folder, the photo's content changed: that article again.
        try FileManager.default.removeItem(at: photos.appendingPathComponent("photo1.png"))
        try FileManager.default.copyItem(at: picture.appendingPathComponent("no-directive-1.png"), to: photos.appendingPathComponent("photo2.png"))
        let third = try batch(photos)
        #expect(third.stderr.contains("2 to render, 1 up to date"), "photo1 gone, photo2 new: \(third.stderr)")
        // Another folder with a photo2 of the same name and other content: that article again
        // (the manifest keeps each used asset's SHA-256, not its name).
        let other = folder.appendingPathComponent("assets-other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let smaller = try galley(["convert", folder.appendingPathComponent("in/no-directive.txt").path, "-o", picture.path + "/", "--format", "png", "--dpi", "15"])
        #expect(smaller.status == 0)
        try FileManager.default.copyItem(at: picture.appendingPathComponent("no-directive-1.png"), to: other.appendingPathComponent("photo2.png"))
        let fourth = try batch(other)
        #expect(fourth.stderr.contains("1 to render, 2 up to date"), "photo2's content changed: \(fourth.stderr)")
    }

    @Test("a link planted at a temporary name or at the output name is never written through")
    func plantedLinks() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim")
        try write("precious", victim)
        try write(article(1), folder.appendingPathComponent("in/story.txt"))
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The temporary names galley will try: tag (given here), the process id (the shell's,
        // which `exec` keeps) and a counter. The report is the parent's first atomic write;
        // convert's PDF the first of its process.
        let tag = "abc123"
        // Also the name galley 0.2 used (`.NAME.PID.tmp`, opened with O_TRUNC and no O_NOFOLLOW),
        // which this test catches writing through.
        let plant = ((1...8).map { n in
            "ln -s '\(victim.path)' '\(folder.path)/.r.json.\(tag)-'$$'-\(n).tmp'; ln -s '\(victim.path)' '\(out.path)/.one.pdf.\(tag)-'$$'-\(n).tmp'"
        } + ["ln -s '\(victim.path)' '\(folder.path)/.r.json.'$$'.tmp'; ln -s '\(victim.path)' '\(out.path)/.one.pdf.'$$'.tmp'"]).joined(separator: "; ")
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("story.pdf").path, withDestinationPath: victim.path)
        var environment = ProcessInfo.processInfo.environment
        environment["GALLEY_RUN_TAG"] = tag
        let batch = try run("/bin/sh", ["-c", "\(plant); exec '\(Paths.galley)' batch '\(folder.path)/in' -o '\(out.path)' --report '\(folder.path)/r.json'"], environment: environment)
        #expect(batch.status == 0, "\(batch.stderr)")
        let convert = try run("/bin/sh", ["-c", "\(plant); exec '\(Paths.galley)' convert '\(folder.path)/in/story.txt' -o '\(out.path)/one.pdf'"], environment: environment)
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        let planted = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(planted.count == 18, "the planted links (9 per run) are still there: nobody else's files removed")
        for name in ["story.pdf", "one.pdf"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(name) is a file of its own")
        }
        #expect(try pdfText(out.appendingPathComponent("one.pdf")).contains("номер 1"))
        #expect((try? json(folder.appendingPathComponent("r.json")))?["rendered"] as? Int == 1)
    }

    @Test("a .txt link out of the input folder is refused and named; a link inside is rendered")
    func outwardLink() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("Secret headline\n\nSECRET-MARKER text outside the input tree.", folder.appendingPathComponent("outside/secret.txt"))
        try write(article(1), folder.appendingPathComponent("in/story.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("in/leak.txt").path, withDestinationPath: folder.appendingPathComponent("outside/secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in/alias.txt").path, withDestinationPath: "story.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("in/more").path, withDestinationPath: folder.appendingPathComponent("outside").path)
        let out = folder.appendingPathComponent("out")
        let report = folder.appendingPathComponent("r.json")
        let result = try galley(["batch", folder.appendingPathComponent("in").path, "-o", out.path, "--report", report.path])
        #expect(result.status == 3, "finished, one input refused: \(result.stderr)")
        #expect(result.stderr.contains("leak.txt: error: a symbolic link leading outside the input folder"), "\(result.stderr)")
        #expect(result.stderr.contains("is a link to a folder outside the input folder"), "\(result.stderr)")
        let pdfs = files(in: out, suffix: ".pdf")
        #expect(pdfs == ["alias.pdf", "story.pdf"], "\(pdfs)")
        for pdf in pdfs { #expect(!(try pdfText(out.appendingPathComponent(pdf))).contains("SECRET-MARKER")) }
        let leak = results(try json(report)).first { ($0["key"] as? String ?? "").hasSuffix("leak.txt") }
        #expect(leak?["status"] as? String == "failed")
    }

    @Test("an output folder that cannot be made: the reason in words, status 1")
    func unwritableOutput() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(article(1), folder.appendingPathComponent("in/story.txt"))
        try write("a file, not a folder", folder.appendingPathComponent("blocker"))
        let result = try galley(["batch", folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("blocker/out").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create the folder: Not a directory"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("a manifest that cannot be written (a file size limit, as a full disk): said with the path and reason, status 1")
    func manifestWriteFailure() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 0..<3 { try write(article(k), folder.appendingPathComponent("in/a\(k).txt")) }
        // Records of other inputs fill the log past the 50 KiB limit set below; the PDFs
        // (about 21 KB) stay under it, so only the manifest's writes fail (EFBIG).
        let records = (0..<400).map { #"{"fingerprint":"x","key":"other/\#($0).txt","outputs":[],"status":"rendered"}"# }
        try write(records.joined(separator: "\n") + "\n" + String(repeating: " ", count: 40_000) + "\n", folder.appendingPathComponent("out/.galley-manifest.jsonl"))
        let out = folder.appendingPathComponent("out")
        let result = try run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 100; exec '\(Paths.galley)' batch '\(folder.path)/in' -o '\(out.path)'"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(".galley-manifest.jsonl: error: cannot write the manifest: File too large"), "\(result.stderr)")
        #expect(result.stderr.contains("the manifest could not record them"))
        #expect(files(in: out, suffix: ".pdf").count == 3)
    }

    @Test("an unsharded run compacts the manifest log once most of it is superseded; nothing is lost")
    func compaction() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 0..<60 { try write("Статья \(k)\n\nТекст номер \(k).", folder.appendingPathComponent("in/a\(k).txt")) }
        let input = folder.appendingPathComponent("in").path
        let out = folder.appendingPathComponent("out")
        let manifest = out.appendingPathComponent(".galley-manifest.jsonl")
        func lines() throws -> Int { try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").count }
        #expect(try galley(["batch", input, "-o", out.path]).status == 0)
        #expect(try galley(["batch", input, "-o", out.path, "--force"]).status == 0)
        #expect(try lines() == 120, "two records per input: not yet worth compacting")
        let third = try galley(["batch", input, "-o", out.path, "--force"])
        #expect(third.stderr.contains("manifest compacted: 120 superseded records dropped"), "\(third.stderr)")
        #expect(try lines() == 60)
        #expect(try galley(["batch", input, "-o", out.path]).stderr.contains("0 to render, 60 up to date"))
    }

    /// Compaction renames a new log over the one the shards hold open; a shard that then takes
    /// the lock finds the log replaced and appends to the new one. (Whether the compaction
    /// falls inside the shards' run depends on timing; that nothing is lost must hold either way.)
    @Test("an unsharded run compacting the log while four shards append to it: no record lost")
    func compactionDuringShards() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 0..<60 { try write("Статья \(k)\n\nТекст номер \(k).", folder.appendingPathComponent("old/a\(k).txt")) }
        for k in 0..<40 { try write(article(k), folder.appendingPathComponent("new/b\(k).txt")) }
        let out = folder.appendingPathComponent("out")
        #expect(try galley(["batch", folder.appendingPathComponent("old").path, "-o", out.path]).status == 0)
        // Superseded records of the old inputs before the real ones: worth compacting.
        let manifest = out.appendingPathComponent(".galley-manifest.jsonl")
        let junk = (0..<60).flatMap { k in
            Array(repeating: #"{"fingerprint":"old","key":"\#(folder.path)/old/a\#(k).txt","outputs":[],"status":"rendered"}"#, count: 2)
        }
        try Data((junk.joined(separator: "\n") + "\n" + String(contentsOf: manifest, encoding: .utf8)).utf8).write(to: manifest)
        let shards = try (1...4).map { k -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Paths.galley)
            process.arguments = ["batch", folder.appendingPathComponent("new").path, "-o", out.path, "--jobs", "1", "--shard", "\(k)/4"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        Thread.sleep(forTimeInterval: 0.5)
        let compacting = try galley(["batch", folder.appendingPathComponent("old").path, "-o", out.path])
        #expect(compacting.stderr.contains("manifest compacted: 120 superseded records dropped"), "\(compacting.stderr)")
        for process in shards { process.waitUntilExit() }
        #expect(shards.allSatisfy { $0.terminationStatus == 0 })
        #expect(try galley(["batch", folder.appendingPathComponent("new").path, "-o", out.path]).stderr.contains("40 inputs, 0 to render"))
        #expect(try galley(["batch", folder.appendingPathComponent("old").path, "-o", out.path]).stderr.contains("60 inputs, 0 to render"))
    }
}
