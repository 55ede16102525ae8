// Templates from the command line: by name, by path, errors with exit 2, missing fonts.

import Foundation
import Testing

@Suite("templates on the command line")
struct TemplateCLITests {
    @Test("each built-in template renders the samples")
    func builtIns() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["default", "newspaper", "screen"] {
            for sample in Paths.sampleFiles() {
                let pdf = folder.appendingPathComponent("\(name)-\(sample.lastPathComponent).pdf")
                let result = try galley(["convert", sample.path, "--template", name, "-o", pdf.path])
                #expect(result.status == 0, "\(name): \(result.stderr)")
                #expect(try run("qpdf", ["--check", pdf.path]).status == 0)
            }
        }
        let list = try galley(["templates"])
        #expect(list.text.contains("newspaper") && list.text.contains("screen"))
        let show = try galley(["templates", "show", "newspaper"])
        #expect(show.text.contains("columns = 3"))
    }

    @Test("a broken template file: its line and column, exit status 2")
    func broken() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("x.toml")
        try Data("[page]\ncolumns = 2\ncolums = 3\n".utf8).write(to: template)
        let result = try galley(["convert", Paths.samples.appendingPathComponent("en-harbour-ferries.txt").path, "--template", template.path, "-o", folder.path + "/"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("x.toml:3:1: error: unknown key 'colums'"))
        let unknown = try galley(["convert", Paths.samples.appendingPathComponent("en-harbour-ferries.txt").path, "--template", "nosuch", "-o", folder.path + "/"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no template named 'nosuch'"))
    }

    @Test("a font family that is not installed: a warning naming the family used instead")
    func missingFont() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("fonts.toml")
        try Data("[fonts.body]\nfamily = \"No Such Serif, PT Serif\"\n".utf8).write(to: template)
        let result = try galley(["convert", Paths.samples.appendingPathComponent("en-harbour-ferries.txt").path, "--template", template.path, "-o", folder.path + "/"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("font family 'No Such Serif'"))
        #expect(result.stderr.contains("is not installed; using '"))
    }
}
