// Hostile and odd input: nothing is lost, nothing crashes, diagnostics stay readable.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: nothing is lost")
struct NothingLostTests {
    static let samples = [
        "Заголовок\u{2028}  Текст #{image=1 caption=\"Подпись\"} ещё*.  Абзац #{bad=} и конец. * Сноска тут",
        "Headline\n\nText with #<video=2> and a note**.\n\n** The note.\n",
        "Заголовок   годаnОбширные пожары.Ранее nnn сервисn, где (nто",
        "Заголовок\nТекст* без сноски.\n* Ничья. ** Тоже ничья.",
        "\n\nБез заголовка\r\nвторая строка\u{2029}третья",
        "#{image=1}#{image=}#<<#{{}}*** ** * n nn",
        "Заголовок\u{0000}с NUL\nи \u{FFFD} замена, עברית справа налево, العربية, 中文, 👩‍👩‍👧 эмодзи.",
        "  \t\u{00A0}Заголовок\u{00A0}\u{00A0} \u{2028}\u{2028}тело",
    ]

    @Test("every non-space scalar reaches the document as written with keepArtefacts", arguments: samples)
    func kept(text: String) {
        let parsed = Parsed(text, keepArtefacts: true)
        #expect(parsed.keptScalars() == parsed.inputScalars())
    }

    @Test("with repairs, only escape-artefact n's go", arguments: samples)
    func repaired(text: String) {
        let parsed = Parsed(text)
        #expect(parsed.keptScalars(ignoring: ["n"]) == parsed.inputScalars(ignoring: ["n"]))
    }

    @Test("generated articles of mixed scripts, directives, marks and artefacts lose nothing")
    func generated() {
        let pieces = [
            "слово", "Слово", "word", "Word", "n", "nn", ".", ",", "!", "?", ":", "«", "»", "\"", "(", ")", "—", "-",
            " ", " ", " ", "  ", "   ", "\n", "\n\n", "\r\n", "\u{2028}", "\u{2029}", "\u{00A0}", "*", "**", "* ",
            "#{image=1}", "#<movie=2 caption=\"a\">", "#{", "#{x=", "}", "#", "12", "مرحبا", "中文", "😀", "\u{FFFD}",
        ]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let kept = Parsed(text, keepArtefacts: true)
            #expect(kept.keptScalars() == kept.inputScalars(), "\(text.debugDescription)")
            let repaired = Parsed(text)
            #expect(repaired.keptScalars(ignoring: ["n"]) == repaired.inputScalars(ignoring: ["n"]), "\(text.debugDescription)")
        }
    }
}

@Suite("markup: hostile input")
struct HostileInputTests {
    @Test("a 30,000-letter word is one paragraph")
    func longWord() {
        let parsed = Parsed("З\n" + String(repeating: "ы", count: 30_000))
        #expect(parsed.document.paragraphs.first?.text.count == 30_000)
    }

    @Test("100,000 directive openings stay text; warnings stop at 50 plus one summary")
    func manyOpenings() throws {
        let parsed = Parsed("З\n" + String(repeating: "#{", count: 100_000))
        #expect(parsed.document.paragraphs.first?.text.count == 200_000)
        #expect(parsed.diagnostics.count == DiagnosticLog.maximumPerCode + 1)
        let summary = try #require(parsed.diagnostics.last)
        #expect(summary.message.hasPrefix("99950 more 'malformed-directive' warnings"))
    }

    @Test("a 2 MB single-line article with every artefact parses in one pass")
    func bigArticle() {
        let sentence = "Слово за словом идёт текст.nДальше  ещё #{image=1} и сноска* тут, #{bad=} и т.д. "
        let text = "Заголовок   " + String(repeating: sentence, count: 2_000_000 / sentence.utf8.count)
        let parsed = Parsed(text)
        #expect(text.utf8.count > 1_900_000)
        #expect(parsed.document.directives.count == 2_000_000 / sentence.utf8.count)
        #expect(parsed.diagnostics.count < 200)
    }

    @Test("a 600-character headline line is a headline")
    func longHeadline() {
        let headline = String(repeating: "Очень длинный заголовок ", count: 25)
        let parsed = Parsed(headline + "\nТекст.")
        #expect(parsed.headline?.count == headline.count - 1)
        #expect(parsed.paragraphs == ["Текст."])
    }

    @Test("every spans points inside the input, and diagnostics print as path:line:col")
    func spansInside() {
        let text = "Заголовок\nТекст #{image= } и #{x} ещё* #{y=1 q=\"} конец 👩‍👩‍👧\r\n* нет"
        let parsed = Parsed(text)
        let size = text.utf8.count
        for diagnostic in parsed.diagnostics {
            if let span = diagnostic.span { #expect(span.start >= 0 && span.end <= size) }
            #expect(diagnostic.formatted(in: parsed.file).hasPrefix("t.txt:"))
        }
        for paragraph in parsed.document.paragraphs {
            #expect(paragraph.text.offsets.allSatisfy { $0 >= 0 && $0 < size })
        }
    }
}
