// The markup parser: headline separators, paragraphs, directives, footnotes, repairs.

import GalleyCore
import Testing

@testable import GalleyMarkup

/// Parses `text` and returns the document, the diagnostics and the source for positions.
private func parse(_ text: String, keepArtefacts: Bool = false) -> (Document, [Diagnostic], SourceFile) {
    var options = ParseOptions()
    options.keepArtefacts = keepArtefacts
    let result = MarkupParser(options: options).parse(text)
    return (result.document, result.diagnostics, SourceFile(path: "t.txt", text: text))
}

private func paragraphs(_ d: Document) -> [String] { d.paragraphs.map(\.text.string) }

@Suite("markup: headline separators")
struct HeadlineTests {
    @Test(
        "each separator ends the headline",
        arguments: [
            "Заголовок\u{2028}  Текст статьи.", "Заголовок\nТекст статьи.", "Заголовок\r\nТекст статьи.",
            "Заголовок\rТекст статьи.", "Заголовок   Текст статьи.", "Заголовок    Текст статьи.",
            "Заголовок\u{2029}Текст статьи.", "Заголовок \u{00A0} Текст статьи.",
        ])
    func separators(text: String) {
        let (d, diagnostics, _) = parse(text)
        #expect(d.headline?.string == "Заголовок")
        #expect(paragraphs(d) == ["Текст статьи."])
        #expect(diagnostics.isEmpty)
    }

    @Test("a short text with no separator is a headline alone; a long one is a body with a warning")
    func noSeparator() {
        let (short, shortDiagnostics, _) = parse("Только заголовок")
        #expect(short.headline?.string == "Только заголовок")
        #expect(short.blocks.isEmpty)
        #expect(shortDiagnostics.isEmpty)
        let long = String(repeating: "Длинный текст без разделителя. ", count: 20)
        let (d, diagnostics, _) = parse(long)
        #expect(d.headline == nil)
        #expect(d.paragraphs.count == 1)
        #expect(diagnostics.map(\.code) == ["no-headline"])
    }

    @Test("empty and white-space-only inputs give an empty document")
    func empty() {
        for text in ["", "   ", "\n\n"] {
            let (d, _, _) = parse(text)
            #expect(d.blocks.isEmpty)
        }
    }

    @Test("a byte-order mark is not part of the headline")
    func bom() throws {
        let decoded = try InputDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Заголовок\nТекст.".utf8))
        let (d, _, _) = parse(decoded.text)
        #expect(d.headline?.string == "Заголовок")
    }
}

@Suite("markup: paragraphs")
struct ParagraphTests {
    @Test("blank lines separate paragraphs; single line ends are soft")
    func blankLines() {
        let (d, _, _) = parse("Заголовок\n\nПервая строка\nпродолжение.\n\nВторой абзац.")
        #expect(paragraphs(d) == ["Первая строка продолжение.", "Второй абзац."])
    }

    @Test("without blank lines each line is a paragraph, whatever the line end")
    func linesAreParagraphs() {
        let (d, _, _) = parse("Заголовок\nОдин.\r\nДва.\rТри.\u{2028}Четыре.")
        #expect(paragraphs(d) == ["Один.", "Два.", "Три.", "Четыре."])
    }

    @Test("two spaces in a one-line body restore a lost paragraph break, reported once")
    func doubleSpaces() {
        let text = "Заголовок\u{2028}  Первый абзац.  «Второй абзац», – сказал он.  Третий."
        let (d, diagnostics, file) = parse(text)
        #expect(paragraphs(d) == ["Первый абзац.", "«Второй абзац», – сказал он.", "Третий."])
        let warning = try? #require(diagnostics.first { $0.code == "lost-paragraph-breaks" })
        #expect(warning?.message.hasPrefix("2 lost paragraph breaks") == true)
        #expect(warning.flatMap { $0.span }.map { file.location(of: $0.start) } == SourceLocation(line: 2, column: 16))
    }

    @Test("two spaces in a multi-line body are left alone")
    func doubleSpacesInLines() {
        let (d, diagnostics, _) = parse("Заголовок\nОдин.  Ещё.\nДва.")
        #expect(paragraphs(d) == ["Один.  Ещё.", "Два."])
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "a stray Latin n: paragraph break, soft break or nothing, by its neighbours",
        arguments: [
            ("Заголовок   конец годаnНачало нового.", ["конец года", "Начало нового."]),
            ("Заголовок   Сказал он.nПотом ушёл.", ["Сказал он.", "Потом ушёл."]),
            ("Заголовок   Он сказал:n«Пойдём».", ["Он сказал:", "«Пойдём»."]),
            ("Заголовок   Конец.nnНачало.", ["Конец.", "Начало."]),
            ("Заголовок   Стали быстроnразрастаться.", ["Стали быстро разрастаться."]),
            ("Заголовок   Частицы, известные какnPM2.5, опасны.", ["Частицы, известные как PM2.5, опасны."]),
            ("Заголовок   Есть сервисn, где можно.", ["Есть сервис, где можно."]),
            ("Заголовок   «Да»,nзаявил он.", ["«Да», заявил он."]),
            ("Заголовок   Meet Putin, Lenin and nobody.", ["Meet Putin, Lenin and nobody."]),
        ])
    func escapedBreaks(text: String, expected: [String]) {
        let (d, _, _) = parse(text)
        #expect(paragraphs(d) == expected)
    }

    @Test("the n repairs are reported once per file with their count")
    func escapedBreaksReported() {
        let (_, diagnostics, _) = parse("Заголовок   Один.nДва.nТриnчетыре.")
        let warning = diagnostics.first { $0.code == "escaped-line-breaks" }
        #expect(warning?.message.hasPrefix("3 line breaks") == true)
    }

    @Test("sentences run together get their space back")
    func missingSpace() {
        let (d, diagnostics, _) = parse("Заголовок   Погиб человека.Ранее сообщалось о другом. Т.е. нет.")
        #expect(paragraphs(d) == ["Погиб человека. Ранее сообщалось о другом. Т.е. нет."])
        #expect(diagnostics.map(\.code) == ["missing-spaces"])
    }

    @Test("--keep-artefacts leaves the text as written")
    func keepArtefacts() {
        let (d, diagnostics, _) = parse("Заголовок\u{2028}  Года.nОбширные  пожары.Ранее", keepArtefacts: true)
        #expect(paragraphs(d) == ["Года.nОбширные  пожары.Ранее"])
        #expect(diagnostics.isEmpty)
    }
}

@Suite("markup: directives")
struct DirectiveTests {
    @Test("both forms, block-level, in the middle of the text", arguments: ["#{biginfographic=771531}", "#<biginfographic=771531>"])
    func forms(directive: String) throws {
        let (d, diagnostics, _) = parse("Заголовок   До панели. \(directive) После панели.")
        #expect(diagnostics.isEmpty)
        #expect(d.blocks.count == 3)
        let found = try #require(d.directives.first)
        #expect(found.kind == "biginfographic")
        #expect(found.id == "771531")
        #expect(paragraphs(d) == ["До панели.", "После панели."])
    }

    @Test("attributes, quoted in several ways, and a kind in capitals")
    func attributes() throws {
        let (d, _, _) = parse("Заголовок   #{IMAGE=12 caption=\"Подпись к фото\" credit=«ТАСС» width=half}")
        let directive = try #require(d.directives.first)
        #expect(directive.kind == "image")
        #expect(directive.attributes == ["caption": "Подпись к фото", "credit": "ТАСС", "width": "half"])
    }

    @Test("the directive's span covers it exactly")
    func span() throws {
        let text = "Заголовок\nТекст #{movie=5} ещё."
        let (d, _, file) = parse(text)
        let directive = try #require(d.directives.first)
        #expect(file.location(of: directive.span.start) == SourceLocation(line: 2, column: 7))
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[directive.span.start..<directive.span.end], as: UTF8.self) == "#{movie=5}")
    }

    @Test(
        "malformed directives stay as text, with a warning at their line:column",
        arguments: ["#{image=}", "#{image={1}}", "#{biginfographic=77", "#{image}", "#{=5}", "#<video=1 caption=\"open>"])
    func malformed(directive: String) throws {
        let text = "Заголовок\nПеред \(directive) после"
        let (d, diagnostics, file) = parse(text)
        #expect(d.directives.isEmpty)
        let warning = try #require(diagnostics.first { $0.code == "malformed-directive" })
        #expect(file.location(of: try #require(warning.span).start) == SourceLocation(line: 2, column: 7))
        #expect(paragraphs(d).joined().contains(directive), "the text is kept")
    }

    @Test("a lone # or a hashtag is plain text without a warning")
    func hashtags() {
        let (d, diagnostics, _) = parse("Заголовок\nТег #новости и знак # и #<3 тоже.")
        #expect(diagnostics.isEmpty)
        #expect(paragraphs(d) == ["Тег #новости и знак # и #<3 тоже."])
    }

    @Test("a directive with no text around it")
    func alone() {
        let (d, _, _) = parse("Заголовок\n#{image=1}")
        #expect(d.directives.count == 1)
        #expect(d.paragraphs.isEmpty)
    }
}

@Suite("markup: footnotes")
struct FootnoteTests {
    @Test("a mark in the text pairs with the note that ends the body")
    func seedLike() throws {
        let text = "Заголовок\u{2028}  Борьба с «Исламским государством*» продолжается. * Организация, запрещенная в России"
        let (d, diagnostics, _) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(d.footnotes.map(\.text.string) == ["Организация, запрещенная в России"])
        #expect(paragraphs(d) == ["Борьба с «Исламским государством*» продолжается."])
        let ref = try #require(d.paragraphs.first?.footnoteRefs.first)
        #expect(ref.mark == "*")
        #expect(ref.note == 0)
    }

    @Test("several marks pair in order; notes on their own lines")
    func several() {
        let text = "Заголовок\nПервое* и второе**.\n* Первая сноска.\n** Вторая сноска."
        let (d, diagnostics, _) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(d.footnotes.map(\.mark) == ["*", "**"])
        #expect(d.footnotes.map(\.text.string) == ["Первая сноска.", "Вторая сноска."])
        #expect(d.paragraphs.first?.footnoteRefs.map(\.note) == [0, 1])
    }

    @Test("a note with no mark stays as text, with a warning")
    func noteWithoutMark() {
        let (d, _, _) = parse("Заголовок\nТекст без сноски.\n* Ничья сноска.")
        #expect(d.footnotes.isEmpty)
        #expect(paragraphs(d).last == "* Ничья сноска.")
    }

    @Test("a mark with no note stays as text; an asterisk inside a word is not a mark")
    func markWithoutNote() {
        let (d, diagnostics, _) = parse("Заголовок\nФормула a*b и сноска* без текста.")
        #expect(d.footnotes.isEmpty)
        #expect(diagnostics.isEmpty)
        #expect(paragraphs(d) == ["Формула a*b и сноска* без текста."])
    }
}

@Suite("markup: nothing is lost")
struct NothingLostTests {
    @Test("every letter of the input reaches the document", arguments: [
        "Заголовок\u{2028}  Текст #{image=1 caption=\"Подпись\"} ещё*.  Абзац #{bad=} и конец. * Сноска тут",
        "Headline\n\nText with #<video=2> and a note**.\n\n** The note.",
        "Заголовок   годаnОбширные пожары.Ранее nnn",
    ])
    func lettersKept(text: String) {
        let (d, _, _) = parse(text)
        var out = d.headline?.string ?? ""
        for block in d.blocks {
            switch block {
            case .paragraph(let p): out += p.text.string
            case .directive(let directive):
                out += String(decoding: Array(text.utf8)[directive.span.start..<directive.span.end], as: UTF8.self)
            }
        }
        out += d.footnotes.map { $0.mark + $0.text.string }.joined()
        let letters = { (s: String) in s.unicodeScalars.filter { $0.properties.isAlphabetic && $0 != "n" }.map(String.init).joined() }
        #expect(letters(out) == letters(text))
    }

    @Test("a 30,000-letter word and 10,000 directive openings parse in one pass")
    func hostile() {
        let word = String(repeating: "ы", count: 30_000)
        let (d, _, _) = parse("З\n" + word)
        #expect(d.paragraphs.first?.text.count == 30_000)
        let openings = String(repeating: "#{", count: 10_000)
        let (d2, diagnostics, _) = parse("З\n" + openings)
        #expect(!diagnostics.isEmpty)
        #expect(d2.paragraphs.first?.text.count == 20_000)
    }

    @Test("language: Cyrillic majority is Russian, otherwise English")
    func language() {
        #expect(parse("Заголовок\nТекст на русском языке.").0.language == "ru")
        #expect(parse("Headline\nText in English with одно слово.").0.language == "en")
    }
}

@Suite("markup: printing it back")
struct PrinterTests {
    @Test("the printed markup parses to the same paragraphs, directives and footnotes")
    func roundTrip() {
        let text = "Заголовок\u{2028}  Первый абзац с пометкой*.  Второй. #{image=7 caption=\"Подпись\"} Третий. * Сноска"
        let (d, _, _) = parse(text)
        let printed = MarkupPrinter().print(d)
        let (again, _, _) = parse(printed)
        #expect(paragraphs(again) == paragraphs(d))
        #expect(again.directives.map { [$0.kind, $0.id, $0.attributes["caption"] ?? ""] } == d.directives.map { [$0.kind, $0.id, $0.attributes["caption"] ?? ""] })
        #expect(again.footnotes.map(\.text.string) == d.footnotes.map(\.text.string))
    }
}
