// Directives: both forms, attributes, block-level placement, malformed ones kept as text.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: directives")
struct DirectiveTests {
    @Test("both forms, block-level, in the middle of a one-line body", arguments: ["#{biginfographic=771531}", "#<biginfographic=771531>"])
    func forms(directive: String) throws {
        let parsed = Parsed("Заголовок   До панели. \(directive) После панели.")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.document.blocks.count == 3)
        let found = try #require(parsed.document.directives.first)
        #expect(found.kind == "biginfographic")
        #expect(found.id == "771531")
        #expect(found.attributes.isEmpty)
        #expect(parsed.source(found.span) == directive)
        #expect(parsed.paragraphs == ["До панели.", "После панели."])
    }

    @Test("attributes in every quoting, unquoted, and a kind in capitals")
    func attributes() throws {
        let parsed = Parsed(
            "Заголовок   #{IMAGE=12 caption=\"Подпись к фото\" credit=«ТАСС» alt=“Лес” note='да' width=half Size=2}")
        // All are kept; the five no panel draws are each named in a warning (their text is on
        // no page).
        #expect(parsed.codes == Array(repeating: "unused-attribute", count: 5))
        #expect(parsed.diagnostics.contains { $0.message.contains("credit=\"ТАСС\"") })
        let directive = try #require(parsed.document.directives.first)
        #expect(directive.kind == "image")
        #expect(directive.id == "12")
        #expect(
            directive.attributes == [
                "caption": "Подпись к фото", "credit": "ТАСС", "alt": "Лес", "note": "да", "width": "half", "size": "2",
            ])
    }

    @Test("a quoted value may hold the closing bracket and span a soft line end")
    func quotedValue() throws {
        let parsed = Parsed("Заголовок\n\nНачало.\n\nТекст #<image=3 caption=\"a > b\nи c\"> ещё.")
        let directive = try #require(parsed.document.directives.first)
        #expect(directive.attributes["caption"] == "a > b и c")
        #expect(parsed.paragraphs == ["Начало.", "Текст", "ещё."])
    }

    @Test("a directive ends the paragraph before it in blank-line paragraphs too")
    func blockLevel() {
        let parsed = Parsed("Заголовок\n\nПеред\n#{image=1}\nпосле\n\n#{movie=2}#{poll=3}")
        #expect(parsed.paragraphs == ["Перед", "после"])
        #expect(parsed.document.directives.map(\.kind) == ["image", "movie", "poll"])
        guard case .directive = parsed.document.blocks[1] else {
            Issue.record("the directive is the second block")
            return
        }
    }

    @Test("a directive with no text around it")
    func alone() {
        let parsed = Parsed("Заголовок\n#{image=1}")
        #expect(parsed.document.directives.count == 1)
        #expect(parsed.document.paragraphs.isEmpty)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test(
        "malformed directives stay as text, with a warning at their line:column that shows the right form",
        arguments: [
            ("#{image=}", "empty value", "#{image=}"),
            ("#{image={1}}", "'{' inside the value", "#{image={1}"),
            ("#{biginfographic=77", "no closing '}'", "#{biginfographic=77"),
            ("#{image}", "has no '=value'", "#{image}"),
            ("#{=5}", "no kind", "#{=5}"),
            ("#<video=1 caption=\"open>", "not closed", "#<video=1 caption=\"open>"),
            ("#{image=1 caption}", "not name=\"value\"", "#{image=1 caption}"),
            ("#{image=1 caption=\"\(String(repeating: "ж", count: 200))\"}", "no closing '}' within 200", "#{image=1"),
        ])
    func malformed(directive: String, problem: String, spanned: String) throws {
        let text = "Заголовок\nПервый абзац.\nПеред \(directive) после"
        let parsed = Parsed(text)
        #expect(parsed.document.directives.isEmpty)
        #expect(parsed.codes == ["malformed-directive"])
        let warning = try #require(parsed.diagnostic("malformed-directive"))
        #expect(warning.severity == .warning)
        #expect(parsed.location("malformed-directive") == SourceLocation(line: 3, column: 7))
        #expect(warning.message.contains(problem), "\(warning.message)")
        #expect(warning.message.contains("write it as #{") || warning.message.contains("as in #{"))
        #expect(try parsed.source(#require(warning.span)) == spanned)
        #expect(parsed.paragraphs == ["Первый абзац.", "Перед \(directive) после"], "the text is kept in its paragraph")
    }

    @Test("a directive after a malformed opening is still found")
    func afterMalformed() {
        let parsed = Parsed("Заголовок\nТекст #{#{image=4} конец")
        #expect(parsed.document.directives.map(\.id) == ["4"])
        #expect(parsed.paragraphs == ["Текст #{", "конец"])
        #expect(parsed.codes == ["malformed-directive"])
    }

    @Test("a lone #, a hashtag and #<3 are plain text without a warning")
    func hashtags() {
        let parsed = Parsed("Заголовок\nТег #новости, знак # и #<3 и #< тоже #")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.paragraphs == ["Тег #новости, знак # и #<3 и #< тоже #"])
    }
}
