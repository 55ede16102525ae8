// Inputs the parser keeps as written but warns about: repeated attributes, directional overrides.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: kept, with a warning")
struct WarningCasesTests {
    @Test("a repeated attribute: the first counts, the second is named in a warning at the directive")
    func repeatedAttribute() throws {
        let parsed = Parsed("Заголовок   Текст. #<image=1 caption=\"x\" CAPTION=\"y\"> Дальше.")
        let directive = try #require(parsed.document.directives.first)
        #expect(directive.attributes["caption"] == "x")
        let warning = try #require(parsed.diagnostics.first { $0.code == "duplicate-attribute" })
        #expect(warning.message.contains("caption=\"y\""))
        #expect(parsed.source(try #require(warning.span)) == "#<image=1 caption=\"x\" CAPTION=\"y\">")
    }

    @Test("a directional override is kept in the text, with one warning at the first")
    func override() throws {
        let parsed = Parsed("Заголовок   Текст \u{202E}наоборот и \u{202D}вперёд.")
        let warnings = parsed.diagnostics.filter { $0.code == "directional-override" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("2 directional overrides") == true)
        #expect(parsed.paragraphs.first?.contains("\u{202E}наоборот") == true)
        #expect(parsed.source(try #require(warnings.first?.span)) == "\u{202E}")
    }

    @Test("marks, embeddings and isolates steer right-to-left text without a warning")
    func marksAreQuiet() {
        let parsed = Parsed("Заголовок   Имя (\u{200F}محمد\u{200F}) и \u{2067}שלום\u{2069} и \u{202B}עברית\u{202C}.")
        #expect(!parsed.diagnostics.contains { $0.code == "directional-override" })
    }
}
