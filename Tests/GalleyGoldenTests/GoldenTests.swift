// Golden files: every line of the samples and of the real articles (../shared) in each
// built-in template, compared with Tests/Goldens/; GALLEY_RECORD_GOLDENS=1 records them.

import Foundation
import Galley
import GalleyTemplates
import Testing

enum GoldenPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldens = repository.appendingPathComponent("Tests/Goldens")
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    /// Every built-in template, by name.
    static let templates: [String] = TemplateCatalog(folder: "/nonexistent").list().map(\.template.name).sorted()
    static let isRecording = ProcessInfo.processInfo.environment["GALLEY_RECORD_GOLDENS"] == "1"

    /// The project's own samples: their goldens hold the text of each line.
    static let samples: [URL] = files(in: repository.appendingPathComponent("samples"))
    /// The seed and the corpus (absent from a user's clone): their goldens hold no text.
    static let realArticles: [URL] =
        files(in: shared.appendingPathComponent("seeds")) + files(in: shared.appendingPathComponent("corpus"))
    static var hasShared: Bool { !realArticles.isEmpty }

    static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") && $0 != "README.txt" }
            .sorted().map { folder.appendingPathComponent($0) }
    }
}

/// One typesetter per template, made once (fonts and dictionaries load once).
final class GoldenTypesetters: @unchecked Sendable {
    static let shared = GoldenTypesetters()
    private let lock = NSLock()
    private var typesetters: [String: Typesetter] = [:]

    /// Typesets `file` in `template`; one typesetter per template, used under the lock (a
    /// typesetter belongs to one thread at a time).
    func typeset(_ file: URL, template name: String) throws -> Article {
        lock.lock()
        defer { lock.unlock() }
        if typesetters[name] == nil {
            typesetters[name] = try Typesetter(template: TemplateCatalog(folder: "/nonexistent").find(name).template)
        }
        let bytes = try [UInt8](Data(contentsOf: file))
        return try typesetters[name]!.typeset(bytes, path: file.path)
    }
}

@Suite("goldens")
struct GoldenTests {
    @Test("the samples' lines match their goldens (text included)", arguments: GoldenPaths.samples, GoldenPaths.templates)
    func samples(file: URL, template: String) throws {
        try check(file, template: template, withText: true)
    }

    @Test(
        "the real articles' lines match their goldens (page, column, length, hash, ratio)",
        .enabled(if: GoldenPaths.hasShared, "../shared is absent: the seed and corpus are not part of a user's clone"),
        arguments: GoldenPaths.realArticles, GoldenPaths.templates)
    func realArticles(file: URL, template: String) throws {
        try check(file, template: template, withText: false)
    }

    @Test(
        "every article with a golden is still listed: no golden is left behind unchecked",
        .disabled(if: GoldenPaths.isRecording, "recording: the goldens are being written"))
    func noOrphans() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: GoldenPaths.goldens.path).filter { $0.hasSuffix(".golden") }
        let samples = Set(GoldenPaths.samples.map { $0.deletingPathExtension().lastPathComponent })
        let real = Set(GoldenPaths.realArticles.map { $0.deletingPathExtension().lastPathComponent })
        for name in names {
            let article = String(name.split(separator: ".").first ?? "")
            #expect(samples.contains(article) || real.contains(article) || !GoldenPaths.hasShared, "\(name) has no article")
        }
        #expect(names.count >= GoldenPaths.samples.count * GoldenPaths.templates.count)
    }

    private func check(_ file: URL, template: String, withText: Bool) throws {
        let name = file.deletingPathExtension().lastPathComponent
        let article = try GoldenTypesetters.shared.typeset(file, template: template)
        let title = "\(file.lastPathComponent) in template \(template)"
        let listing = GoldenListing.listing(of: article, title: title, withText: withText)
        let golden = GoldenPaths.goldens.appendingPathComponent("\(name).\(template).golden")
        if GoldenPaths.isRecording {
            try Data(listing.utf8).write(to: golden)
            print("recorded \(golden.lastPathComponent)")
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("no golden \(golden.path); record it with `make goldens`")
            return
        }
        guard listing != expected else { return }
        let got = listing.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        let gotRow = first < got.count ? String(got[first]) : "(end)"
        let wantRow = first < want.count ? String(want[first]) : "(end)"
        Issue.record(
            "\(title) differs from \(golden.lastPathComponent) at row \(first + 1):\n  golden: \(wantRow)\n  now:    \(gotRow)\n(\(want.count) rows before, \(got.count) now; if the change is intended, re-record with `make goldens` and review the diff)")
    }
}
