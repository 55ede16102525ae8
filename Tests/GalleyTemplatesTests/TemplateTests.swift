// Template files: parsing, defaults, every error class at its line:column, the built-ins.

import Foundation
import GalleyCore
import GalleyLayout
import Testing

@testable import GalleyTemplates

private func load(_ text: String) throws(TemplateError) -> Template {
    try TemplateLoader.load(text, path: "templates/x.toml")
}

/// The error a text gives, or nil when it loads.
private func error(_ text: String) -> TemplateError? {
    do {
        _ = try load(text)
        return nil
    } catch {
        return error
    }
}

@Suite("templates")
struct TemplateTests {
    @Test("an empty template is the default; a template states only what differs")
    func defaults() throws {
        #expect(try load("") == Template())
        let t = try load("[fonts.body]\nsize = 12\n")
        var expected = Template()
        expected.body.size = 12
        #expect(t == expected)
    }

    @Test("units: points, millimetres, centimetres, inches; page names and [w, h]")
    func units() throws {
        let t = try load("[page]\nsize = \"A5\"\nmargins = [\"10mm\", 20, \"1in\", \"1cm\"]\ngutter = \"4mm\"\ncolumns = 2\n")
        #expect(abs(t.page.size.width - 419.53) < 0.01)
        #expect(abs(t.page.margins.top - 28.35) < 0.01)
        #expect(t.page.margins.right == 20)
        #expect(t.page.margins.bottom == 72)
        #expect(abs(t.page.margins.left - 28.35) < 0.01)
        #expect(abs(t.page.gutter - 11.34) < 0.01)
        let custom = try load("[page]\nsize = [\"200mm\", \"300mm\"]\n")
        #expect(abs(custom.page.size.height - 850.39) < 0.01)
    }

    @Test("an unknown key: its line and column, and the keys that exist")
    func unknownKey() throws {
        let e = try #require(error("name = \"x\"\n\n[page]\ncolumns = 2\n    colums = 3\n"))
        #expect(e.line == 5 && e.column == 5)
        #expect(e.message.contains("unknown key 'colums'"))
        #expect(e.message.contains("columns"))
        #expect(e.description.hasPrefix("templates/x.toml:5:5: error:"))
    }

    @Test("an unknown table")
    func unknownTable() throws {
        let e = try #require(error("[page]\ncolumns = 2\n[fontz.body]\nsize = 3\n"))
        #expect(e.line == 3 && e.column == 1)
        #expect(e.message.contains("unknown table"))
    }

    @Test("a wrong type", arguments: [
        ("[page]\ncolumns = \"three\"\n", 2, "page.columns must be a whole number"),
        ("[fonts.body]\nsize = true\n", 2, "fonts.body.size must be a number"),
        ("[typography]\njustify = 1\n", 2, "typography.justify must be true or false"),
        ("[colors]\ntext = \"red\"\n", 2, "colors.text must be a colour"),
        ("[page]\nsize = \"B7\"\n", 2, "page.size must be a page size name"),
    ])
    func wrongType(text: String, line: Int, message: String) throws {
        let e = try #require(error(text))
        #expect(e.line == line)
        #expect(e.message.hasPrefix(message), "\(e.message)")
    }

    @Test("impossible pages: margins wider than the page, a measure under ten characters")
    func impossible() throws {
        let margins = try #require(error("[page]\nsize = \"A5\"\nmargins = [\"10mm\", \"80mm\", \"10mm\", \"80mm\"]\n"))
        #expect(margins.line == 3)
        #expect(margins.message.contains("margins"))
        let narrow = try #require(error("[page]\ncolumns = 12\n"))
        #expect(narrow.line == 2)
        #expect(narrow.message.contains("narrower than ten characters"))
    }

    @Test("sizes past PDF's limits are refused before anything is laid out", arguments: [
        ("[page]\nsize = [1e7, 1e7]\n", "page.size"), ("[page]\nsize = [1e9, 800]\n", "page.size"),
        ("[page]\nsize = [14401, 800]\n", "page.size"), ("[page]\nsize = [2, 800]\n", "page.size"),
        ("[page]\nsize = [inf, 800]\n", "page.size"), ("[paragraph]\nspacing = 1e9\n", "paragraph.spacing"),
        ("[page]\ngutter = \"6000mm\"\n", "page.gutter"),
    ])
    func limits(toml: String, key: String) throws {
        let problem = try #require(error(toml), "\(toml) was accepted")
        #expect(problem.line == 2)
        #expect(problem.message.contains(key), "\(problem.message)")
        #expect(problem.message.contains("14400 pt"), "\(problem.message)")
        #expect(error("[page]\nsize = [14400, 14400]\n") == nil)
    }

    @Test("TOML syntax errors keep TOMLKit's position")
    func syntax() throws {
        let e = try #require(error("[page]\ncolumns = = 2\n"))
        #expect(e.line == 2)
        #expect(e.message.hasPrefix("not valid TOML"))
    }

    @Test("protrusion factors are data: [microtype.left] and [microtype.right] change or add characters")
    func protrusionTables() throws {
        let t = try load("[microtype]\nprotrusion = true\n[microtype.left]\n\"«\" = 0.3\n\"Ф\" = 0.02\n[microtype.right]\n\".\" = 0.5\n")
        #expect(t.microtype.leftProtrusion["«"] == 0.3)
        #expect(t.microtype.leftProtrusion["Ф"] == 0.02)
        #expect(t.microtype.rightProtrusion["."] == 0.5)
        #expect(t.microtype.rightProtrusion["-"] == Microtype().rightProtrusion["-"], "other characters keep the default set")
        let long = try #require(error("[microtype.left]\nab = 0.1\n"))
        #expect(long.line == 2 && long.message.contains("one character"))
        let big = try #require(error("[microtype.right]\n\"-\" = 2\n"))
        #expect(big.line == 2 && big.message.contains("from 0 to 1"))
    }

    @Test("fallback font lists are kept as written")
    func fallbacks() throws {
        let t = try load("[fonts.body]\nfamily = \"No Such Serif, PT Serif, DejaVu Serif\"\n")
        #expect(t.body.family == "No Such Serif, PT Serif, DejaVu Serif")
    }

    @Test("the built-in templates load, and the newspaper and broadsheet ones have columns")
    func builtIns() throws {
        let catalog = TemplateCatalog(folder: "/nonexistent")
        let names = catalog.list().map(\.template.name)
        #expect(Set(names) == ["default", "newspaper", "broadsheet", "screen"])
        let newspaper = try catalog.find("newspaper")
        #expect(newspaper.origin == .builtIn)
        #expect(newspaper.template.page.columns >= 3)
        let broadsheet = try catalog.find("broadsheet").template
        #expect(broadsheet.page.columns == 6)
        #expect(broadsheet.body.size == 9)
        #expect(broadsheet.microtype.tracking > 0 && broadsheet.lineBreaking.shortWordBreakCost.isFinite)
        #expect(try catalog.find("default").template == {
            var t = Template()
            t.description = "A4 proof page, one column, PT Serif 11 pt, justified"
            return t
        }())
        #expect(throws: TemplateError.self) { try catalog.find("nosuch") }
    }

    @Test("the embedded built-ins are the files in Builtin/ (templates/ links there), byte for byte")
    func embeddedMatchFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/GalleyTemplates/Builtin")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinTemplates.files.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltinTemplates.files[String(file.dropLast(5))] == text, "\(file) differs from the embedded copy")
        }
        let link = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "Sources/GalleyTemplates/Builtin")
    }

    @Test("printing a template gives back the same template")
    func roundTrip() throws {
        for found in TemplateCatalog(folder: "/nonexistent").list() {
            let printed = TemplatePrinter.print(found.template)
            let again = try load(printed)
            let a = again.page
            let b = found.template.page
            #expect(abs(a.size.width - b.size.width) < 0.001 && abs(a.size.height - b.size.height) < 0.001)
            #expect(abs(a.margins.top - b.margins.top) < 0.001 && abs(a.margins.left - b.margins.left) < 0.001)
            #expect(a.columns == b.columns && abs(a.gutter - b.gutter) < 0.001)
            #expect(again.body == found.template.body)
            #expect(again.footer == found.template.footer)
        }
    }
}
