// Footnotes: marks glued to words, notes at the end of the body, pairing, unpaired ones.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: footnotes")
struct FootnoteTests {
    @Test("a mark in a one-line body pairs with the note that ends it")
    func seedLike() throws {
        let parsed = Parsed("Заголовок\u{2028}  Борьба с «Клубом любителей*» идёт. Конец текста. * Клуб, закрытый по решению суда")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.document.footnotes.map(\.text.string) == ["Клуб, закрытый по решению суда"])
        #expect(parsed.document.footnotes.map(\.mark) == ["*"])
        #expect(parsed.paragraphs == ["Борьба с «Клубом любителей*» идёт. Конец текста."])
        let ref = try #require(parsed.document.paragraphs.first?.footnoteRefs.first)
        #expect(ref.mark == "*")
        #expect(ref.note == 0)
        #expect(parsed.source(ref.span) == "*")
        #expect(parsed.file.location(of: ref.span.start) == SourceLocation(line: 2, column: 29))
    }

    @Test("marks pair in order, per mark; notes on their own lines")
    func several() {
        let text = "Заголовок\nПервое* и второе**.\nТретье* тут.\n* Первая сноска.\n** Вторая сноска.\n* Третья сноска."
        let parsed = Parsed(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.document.footnotes.map(\.mark) == ["*", "**", "*"])
        #expect(parsed.document.footnotes.map(\.text.string) == ["Первая сноска.", "Вторая сноска.", "Третья сноска."])
        #expect(parsed.document.paragraphs.map { $0.footnoteRefs.map(\.note) } == [[0, 1], [2]])
        #expect(parsed.paragraphs == ["Первое* и второе**.", "Третье* тут."])
    }

    @Test("a mark with no note stays as text, with a warning at the mark")
    func markWithoutNote() {
        let parsed = Parsed("Заголовок\nСлово* без сноски.")
        #expect(parsed.document.footnotes.isEmpty)
        #expect(parsed.paragraphs == ["Слово* без сноски."])
        #expect(parsed.document.paragraphs.first?.footnoteRefs == [])
        #expect(parsed.codes == ["unpaired-footnote"])
        #expect(parsed.location("unpaired-footnote") == SourceLocation(line: 2, column: 6))
    }

    @Test("a second mark beyond the notes is unpaired; the first still pairs")
    func extraMark() {
        let parsed = Parsed("Заголовок\nОдин* и два*.\n* Сноска.")
        #expect(parsed.document.footnotes.count == 1)
        #expect(parsed.document.paragraphs.first?.footnoteRefs.count == 1)
        #expect(parsed.codes == ["unpaired-footnote"])
        #expect(parsed.location("unpaired-footnote") == SourceLocation(line: 2, column: 12))
    }

    @Test("a note with no mark stays as text where it was, with a warning at the note")
    func noteWithoutMark() {
        let inLine = Parsed("Заголовок   Текст без пометок. * Ничья сноска.")
        #expect(inLine.document.footnotes.isEmpty)
        #expect(inLine.paragraphs == ["Текст без пометок. * Ничья сноска."])
        #expect(inLine.codes == ["unpaired-footnote"])
        #expect(inLine.location("unpaired-footnote") == SourceLocation(line: 1, column: 32))
        let onItsLine = Parsed("Заголовок\nТекст со звездой**.\n* Не та сноска.")
        #expect(onItsLine.paragraphs == ["Текст со звездой**.", "* Не та сноска."])
        #expect(onItsLine.codes == ["unpaired-footnote", "unpaired-footnote"])
    }

    @Test("an asterisk inside a word is text, and pairs only when a note waits for it")
    func insideWord() {
        let plain = Parsed("Заголовок\nФормула a*b верна.")
        #expect(plain.diagnostics.isEmpty)
        #expect(plain.paragraphs == ["Формула a*b верна."])
        let noted = Parsed("Заголовок\nСлово*в тексте.\n* Сноска.")
        #expect(noted.diagnostics.isEmpty)
        #expect(noted.document.footnotes.map(\.text.string) == ["Сноска."])
        #expect(noted.document.paragraphs.first?.footnoteRefs.count == 1)
    }

    @Test("multiplication, loose asterisks and four of them are not footnotes", arguments: ["Итог 5 * 3 = 15.", "Звёзды * и * точки.", "Раздел****конец.", "Разделитель **** тут."])
    func notFootnotes(body: String) {
        let parsed = Parsed("Заголовок\n" + body)
        #expect(parsed.paragraphs == [body])
        #expect(parsed.document.footnotes.isEmpty)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("a note's text gets the same repairs as the body's")
    func noteRepairs() {
        let parsed = Parsed("Заголовок   Текст*. * Клуб закрытnсудом.Решение в силе")
        #expect(parsed.document.footnotes.map(\.text.string) == ["Клуб закрыт судом. Решение в силе"])
        #expect(Parsed("Заголовок   Текст*. * Клуб закрытnсудом.", keepArtefacts: true).document.footnotes.map(\.text.string) == ["Клуб закрытnсудом."])
    }
}
