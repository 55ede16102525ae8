// Typographic normalization: each rule, what must change and what must not.

import GalleyCore
import GalleyMarkup
import Testing

@testable import GalleyTypography

private func ru(_ text: String) -> String {
    TypographyNormalizer(language: "ru").normalized(MappedText(text)).string
}
private func en(_ text: String) -> String {
    TypographyNormalizer(language: "en").normalized(MappedText(text)).string
}
private let nbsp = "\u{00A0}"

@Suite("normalization: quotes")
struct QuoteTests {
    @Test("Russian: straight quotes become «ёлочки», nested ones „лапки“")
    func russian() {
        #expect(ru("закон \"О противодействии\"") == "закон «О\(nbsp)противодействии»")
        #expect(ru("\"Газета \"Известия\" пишет\"") == "«Газета „Известия“ пишет»")
        #expect(ru("«Газета «Известия» пишет»") == "«Газета „Известия“ пишет»")
    }

    @Test("English: curly double and single quotes; apostrophes inside words")
    func english() {
        #expect(en("He said \"it's 'fine' now\".") == "He said “it’s ‘fine’ now”.")
        #expect(en("O'Neill") == "O’Neill")
    }

    @Test("a quote after a footnote mark closes")
    func afterMark() {
        #expect(ru("«Исламского государства*\"") == "«Исламского государства*»")
    }
}

@Suite("normalization: dashes")
struct DashTests {
    @Test("a spaced hyphen or en dash between words: no-break space, em dash, space")
    func spacedDash() {
        #expect(ru("участниках\", - сказал Кирби") == "участниках»,\(nbsp)— сказал Кирби")
        #expect(ru("Москва – столица") == "Москва\(nbsp)— столица")
        #expect(en("ferries - oldest line") == "ferries\(nbsp)— oldest line")
    }

    @Test("number ranges take an en dash; everything else keeps its hyphen", arguments: [
        ("в 1941-1945 годах", "в\(nbsp)1941–1945\(nbsp)годах"),
        ("2-й этап", "2-й\(nbsp)этап"),
        ("самолет Ту-154", "самолет Ту-154"),
        ("из-за дождя", "из-за дождя"),
        ("кто-то пришел", "кто-то пришел"),
        ("звоните 8-800-555-35-35", "звоните 8-800-555-35-35"),
        ("Воздушно-космических сил", "Воздушно-космических сил"),
    ])
    func hyphens(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test("a dash opening a line of dialogue stays, as an em dash with a no-break space")
    func dialogue() {
        #expect(ru("- Меньше месяца назад") == "—\(nbsp)Меньше месяца назад")
    }
}

@Suite("normalization: no-break spaces")
struct NoBreakSpaceTests {
    @Test("after one- and two-letter words", arguments: [
        ("в понедельник", "в\(nbsp)понедельник"), ("с госсекретарем", "с\(nbsp)госсекретарем"),
        ("по Сирии", "по\(nbsp)Сирии"), ("и безопасности", "и\(nbsp)безопасности"),
    ])
    func shortWords(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test("numbers glue to what follows")
    func numbers() {
        #expect(ru("произвели 26 пусков") == "произвели 26\(nbsp)пусков")
        #expect(ru("5 и 6 октября") == "5\(nbsp)и\(nbsp)6\(nbsp)октября")
        #expect(ru("№ 5") == "№\(nbsp)5")
    }

    @Test("initials, particles, abbreviations")
    func names() {
        #expect(ru("министр С. Лавров") == "министр С.\(nbsp)Лавров")
        #expect(ru("Д. А. Медведев") == "Д.\(nbsp)А.\(nbsp)Медведев")
        #expect(ru("знал ли он") == "знал\(nbsp)ли\(nbsp)он", "the particle joins the word before; as a two-letter word it also joins the next")
        #expect(ru("т. е. никто") == "т.\(nbsp)е. никто")
    }

    @Test("stray no-break spaces between ordinary words become spaces; runs collapse")
    func stray() {
        #expect(ru("российском\u{00A0}дипведомстве") == "российском дипведомстве")
        #expect(ru("много   пробелов\t\tи\u{00A0}\u{00A0}табов") == "много пробелов и\(nbsp)табов")
    }

    @Test("English: one-letter words and a short list")
    func english() {
        #expect(en("a petition of residents") == "a\(nbsp)petition of\(nbsp)residents")
        #expect(en("about 12 minutes") == "about 12\(nbsp)minutes")
    }
}

@Suite("normalization: what must not change")
struct ProtectedTests {
    @Test("URLs, e-mail addresses and directives are left alone", arguments: [
        "см. https://example.org/a-b?x=\"1\"... там", "пишите на a.b@example.ru - быстро", "текст #{image=1 caption=\"x\"} тут",
    ])
    func protected(input: String) {
        let output = ru(input)
        let token = input.split(separator: " ").first { $0.contains("://") || $0.contains("@") || $0.contains("#{") }!
        #expect(output.contains(token))
    }

    @Test("three periods become an ellipsis")
    func ellipsis() {
        #expect(ru("Он... ушел") == "Он… ушел")
    }
}

@Suite("normalization: offsets")
struct OffsetTests {
    @Test("unchanged characters keep their input offsets; a footnote mark keeps its offset")
    func offsets() {
        let input = "Слово \"в кавычках*\" - и всё"
        let mapped = TypographyNormalizer(language: "ru").normalized(MappedText(input))
        let utf8 = Array(input.utf8)
        for (scalar, offset) in zip(mapped.scalars, mapped.offsets) where scalar.properties.isAlphabetic || scalar == "*" {
            let original = String(decoding: utf8[offset..<(offset + UTF8.width(scalar))], as: UTF8.self)
            #expect(original == String(scalar), "\(scalar) maps to \(original)")
        }
    }
}

@Suite("normalization: the seed", .enabled(if: SharedMaterial.seed != nil, "../shared is absent: the seed article is not part of a user's clone"))
struct SeedNormalizationTests {
    @Test("the seed's dashes, quotes and short words")
    func seed() throws {
        let text = try #require(SharedMaterial.seed)
        let document = MarkupParser().parse(text).document.normalized()
        let all = document.paragraphs.map(\.text.string).joined(separator: "\n") + document.footnotes.map(\.text.string).joined()
        #expect(all.contains("»,\(nbsp)— сказал Кирби"))
        #expect(all.contains("«О\(nbsp)противодействии экстремистской деятельности»"))
        #expect(all.contains("в\(nbsp)понедельник"))
        #expect(all.contains("с\(nbsp)госсекретарем"))
        #expect(all.contains("26\(nbsp)пусков"))
    }
}
