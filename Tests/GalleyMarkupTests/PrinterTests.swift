// The canonical printer: parsing what it prints gives the same document.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: printing it back")
struct PrinterTests {
    /// What must survive printing and parsing again.
    struct Shape: Equatable {
        var headline: String?
        var blocks: [String]
        var footnotes: [String]
        var refs: [[Int]]

        init(_ document: Document) {
            headline = document.headline?.string
            blocks = document.blocks.map { block in
                switch block {
                case .paragraph(let p): "P " + p.text.string
                case .directive(let d): "D \(d.kind)=\(d.id) \(d.attributes.sorted { $0.key < $1.key })"
                }
            }
            footnotes = document.footnotes.map { $0.mark + " " + $0.text.string }
            refs = document.paragraphs.map { $0.footnoteRefs.map(\.note) }
        }
    }

    @Test(
        "the printed markup parses to the same paragraphs, directives and footnotes",
        arguments: [
            "Заголовок\u{2028}  Первый абзац с пометкой*.  Второй. #{image=7 caption=\"Подпись\"} Третий. * Сноска",
            "Заголовок   Единственный абзац.  С двойным пробелом внутри? Нет, уже разбит.",
            "Заголовок\n\nОдин абзац,  где два пробела оставлены.",
            "Заголовок\nРаз*\nДва**\n#<movie=5 title=«Фильм \"А\"» alt='x'>\n* Первая\n** Вторая",
            String(repeating: "Длинный текст без заголовка. ", count: 12),
            "Только заголовок",
            "Заголовок\nТекст* с лишней пометкой и сноской без пары.\n** Ничья.",
            "Заголовок   годаnОбширные пожары.Ранее сталиnрасти #{bad=} и #{image={1}}.",
            "",
        ])
    func roundTrip(text: String) {
        let first = Parsed(text)
        let printed = MarkupPrinter().print(first.document)
        let second = Parsed(printed)
        #expect(Shape(second.document) == Shape(first.document), "\(printed)")
        #expect(MarkupPrinter().print(second.document) == printed, "printing is stable")
    }

    @Test("the canonical form: headline, blank line, blocks, notes")
    func form() {
        let parsed = Parsed("Заголовок   Абзац со сноской*. #<IMAGE=3 credit=«ТАСС»> Ещё. * Сноска.")
        #expect(MarkupPrinter().print(parsed.document) == "Заголовок\n\nАбзац со сноской*.\n\n#{image=3 credit=\"ТАСС\"}\n\nЕщё.\n\n* Сноска.\n")
    }

    @Test("attribute values are quoted with quotes they do not contain")
    func quoting() {
        let directive = Directive(kind: "image", id: "1", attributes: ["a": "say \"hi\"", "b": "«x» \"y\""], span: SourceSpan(start: 0, end: 0))
        #expect(MarkupPrinter.markup(for: directive) == "#{image=1 a=«say \"hi\"» b=“«x» \"y\"”}")
    }
}
