// The markup parser: headline separators, body paragraphs, line ends, language.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: headline")
struct HeadlineTests {
    @Test(
        "each separator ends the headline",
        arguments: [
            "Заголовок\u{2028}  Текст статьи.", "Заголовок\u{2028}Текст статьи.", "Заголовок\u{2029}Текст статьи.",
            "Заголовок\nТекст статьи.", "Заголовок\r\nТекст статьи.", "Заголовок\rТекст статьи.",
            "Заголовок   Текст статьи.", "Заголовок    Текст статьи.", "Заголовок \u{00A0} Текст статьи.",
            "Заголовок\u{00A0}\u{00A0}\u{00A0}Текст статьи.", "Заголовок\n\nТекст статьи.",
        ])
    func separators(text: String) {
        let parsed = Parsed(text)
        #expect(parsed.headline == "Заголовок")
        #expect(parsed.paragraphs == ["Текст статьи."])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("the first separator wins, and two spaces do not separate")
    func firstSeparator() {
        let parsed = Parsed("Лавров  и Керри   обсудили\nшаги")
        #expect(parsed.headline == "Лавров  и Керри")
        #expect(parsed.paragraphs == ["обсудили", "шаги"])
    }

    @Test("the headline is trimmed and its span points at its letters")
    func trimmedSpan() throws {
        let parsed = Parsed("  Заголовок \t\nТекст.")
        let headline = try #require(parsed.document.headline)
        #expect(headline.string == "Заголовок")
        #expect(parsed.source(headline.span) == "Заголовок")
        #expect(parsed.file.location(of: headline.span.start) == SourceLocation(line: 1, column: 3))
    }

    @Test("a short text with no separator is a headline alone")
    func shortWithoutSeparator() {
        let parsed = Parsed("Только заголовок")
        #expect(parsed.headline == "Только заголовок")
        #expect(parsed.document.blocks.isEmpty)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("a long text, or one with a directive, and no separator is a body with a warning at 1:1")
    func longWithoutSeparator() {
        for text in [String(repeating: "Длинный текст без разделителя. ", count: 10), "Текст #{image=5} и ещё"] {
            let parsed = Parsed(text)
            #expect(parsed.headline == nil)
            #expect(!parsed.document.blocks.isEmpty)
            #expect(parsed.codes == ["no-headline"])
            #expect(parsed.location("no-headline") == SourceLocation(line: 1, column: 1))
        }
    }

    @Test("251 scalars without a separator are a body; 250 are a headline")
    func limit() {
        #expect(Parsed(String(repeating: "ж", count: 250)).headline?.count == 250)
        #expect(Parsed(String(repeating: "ж", count: 251)).headline == nil)
    }

    @Test("an empty first line means no headline, with a warning")
    func emptyFirstLine() {
        let parsed = Parsed("\nПервый абзац.\nВторой абзац.")
        #expect(parsed.headline == nil)
        #expect(parsed.paragraphs == ["Первый абзац.", "Второй абзац."])
        #expect(parsed.codes == ["no-headline"])
    }

    @Test("empty and white-space-only inputs give an empty document, and one warning that says so", arguments: ["", " ", "   ", "\n\n", "\u{2028}", " \r\n\t "])
    func empty(text: String) {
        let parsed = Parsed(text)
        #expect(parsed.headline == nil)
        #expect(parsed.document.blocks.isEmpty)
        #expect(parsed.document.footnotes.isEmpty)
        #expect(parsed.codes == ["empty-input"])
    }

    @Test("a headline with no body")
    func headlineOnly() {
        let parsed = Parsed("Заголовок\n")
        #expect(parsed.headline == "Заголовок")
        #expect(parsed.document.blocks.isEmpty)
    }
}

@Suite("markup: body paragraphs")
struct BodyParagraphTests {
    @Test("blank lines separate paragraphs; single line ends are soft")
    func blankLines() {
        let parsed = Parsed("Заголовок\n\nПервая строка\nпродолжение.\n\nВторой абзац.\n \t\nТретий.")
        #expect(parsed.paragraphs == ["Первая строка продолжение.", "Второй абзац.", "Третий."])
    }

    @Test("a soft line end becomes one space mapped to the line end", arguments: ["\n", "\r\n", "\r", "\u{2028}"])
    func softSpan(lineEnd: String) throws {
        let text = "Заголовок\n\nраз\(lineEnd)два\n\nтри"
        let parsed = Parsed(text)
        let paragraph = try #require(parsed.document.paragraphs.first)
        #expect(paragraph.text.string == "раз два")
        let space = try #require(paragraph.text.scalars.firstIndex(of: " "))
        #expect(paragraph.text.offsets[space] == "Заголовок\n\nраз".utf8.count)
    }

    @Test("without blank lines each line is a paragraph, whatever the line end", arguments: ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}"])
    func linesAreParagraphs(lineEnd: String) {
        let parsed = Parsed("Заголовок\nОдин.\(lineEnd)Два.\(lineEnd)Три.")
        #expect(parsed.paragraphs == ["Один.", "Два.", "Три."])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("U+2029 breaks a paragraph in a body of blank-line paragraphs without making its lines paragraphs")
    func paragraphSeparator() {
        let parsed = Parsed("Заголовок\n\nОдин\nдва\u{2029}Три\nчетыре\n\nПять")
        #expect(parsed.paragraphs == ["Один два", "Три четыре", "Пять"])
    }

    @Test("paragraph spans cover their text exactly")
    func spans() throws {
        let parsed = Parsed("Заголовок\nПервый абзац.\n  Второй абзац.  ")
        #expect(parsed.document.paragraphs.map { parsed.source($0.text.span) } == ["Первый абзац.", "Второй абзац."])
    }
}

@Suite("markup: language")
struct LanguageTests {
    @Test("Cyrillic majority is Russian, otherwise English; a forced language wins")
    func language() {
        #expect(Parsed("Заголовок\nТекст на русском языке с word.").document.language == "ru")
        #expect(Parsed("Headline\nText in English with одно слово.").document.language == "en")
        #expect(Parsed("").document.language == "en")
        #expect(Parsed("Заголовок\nТекст.", language: "en").document.language == "en")
        #expect(Parsed("Headline\nText.", language: "ru").document.language == "ru")
    }
}
