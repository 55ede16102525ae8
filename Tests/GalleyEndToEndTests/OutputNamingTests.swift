// Output by file name (-o proof.svg) and --pages, as conventions.md decides them.

import Foundation
import Testing

@Suite("Output by file name and --pages")
struct OutputNamingTests {
    let sample = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt").path

    func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func extensionPicksTheFormat() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try galley(["convert", sample, "-o", folder.appendingPathComponent("proof.png").path, "--dpi", "20"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = files(folder)
        #expect(!names.isEmpty && names.allSatisfy { $0.hasSuffix(".png") }, "\(names)")
        #expect(!names.contains { $0.hasSuffix(".pdf") })
    }

    @Test func severalFormatsGoBesideTheNamedFile() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try galley(["convert", sample, "-o", folder.appendingPathComponent("proof.pdf").path, "--format", "pdf,png", "--dpi", "20"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = files(folder)
        #expect(names.contains("proof.pdf"))
        #expect(names.contains("proof-1.png"))
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("proof.pdf").path, isDirectory: &isFolder)
        #expect(!isFolder.boolValue)
    }

    @Test func formatAndExtensionMustAgree() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try galley(["convert", sample, "-o", folder.appendingPathComponent("proof.svg").path, "--format", "pdf"])
        #expect(result.status == 2)
        #expect(files(folder).isEmpty)
    }

    @Test func pagesSelectsPages() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = folder.appendingPathComponent("all.pdf")
        #expect(try galley(["convert", sample, "-o", all.path]).status == 0)
        let count = try pdfPageCount(all)
        let some = folder.appendingPathComponent("some.pdf")
        let result = try galley(["convert", sample, "-o", some.path, "--pages", "1", "--format", "pdf,svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try pdfPageCount(some) == 1)
        #expect(files(folder).filter { $0.hasSuffix(".svg") } == ["some-1.svg"])
        let beyond = try galley(["convert", sample, "-o", some.path, "--pages", "\(count + 1)"])
        #expect(beyond.status == 2)
        #expect(try galley(["convert", sample, "-o", some.path, "--pages", "3-1"]).status == 2)
    }
}
