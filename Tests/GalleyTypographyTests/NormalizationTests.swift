// Typographic normalization: each rule, what it must change and what it must leave alone.

import GalleyCore
import GalleyMarkup
import GalleyTypography
import Testing

/// Normalizes as Russian and shows each U+00A0 as `~`, so that expectations stay readable.
private func ru(_ text: String) -> String { visible(TypographyNormalizer(language: "ru").normalized(MappedText(text))) }
/// Normalizes as English and shows each U+00A0 as `~`.
private func en(_ text: String) -> String { visible(TypographyNormalizer(language: "en").normalized(MappedText(text))) }
/// Shows U+00A0 as `~` and the narrow U+202F as `^`.
private func visible(_ text: MappedText) -> String { visible(text.string) }
private func visible(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{00A0}", with: "~").replacingOccurrences(of: "\u{202F}", with: "^")
}

/// Characters PT Serif lacks that normalization must never write. (It writes U+202F after
/// `№`, `§` and between digit groups, which layout draws as a fixed narrow gap.)
private let missingFromPTSerif: [Unicode.Scalar] = ["\u{2009}", "\u{2060}", "\u{2010}"]

@Suite("normalization: white space")
struct SpaceNormalizationTests {
    @Test(
        "runs collapse to one space, the ends are trimmed, stray no-break spaces become spaces",
        arguments: [
            ("много   пробелов", "много пробелов"),
            ("табы\t\tи\nконцы\r\nстрок", "табы и~концы строк"),
            ("  по краям  ", "по~краям"),
            ("российском\u{00A0}дипведомстве", "российском дипведомстве"),
            ("длинный\u{00A0}\u{00A0} пробел", "длинный пробел"),
            ("узкий\u{202F}и\u{2009}тонкий", "узкий и~тонкий"),
            ("соеди\u{2060}нитель", "соединитель"),
        ])
    func collapse(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test("English text too")
    func english() {
        #expect(en(" plain\u{00A0}\u{00A0}words\tand  more ") == "plain words and more")
    }
}

@Suite("normalization: ellipsis")
struct EllipsisTests {
    @Test(
        "three or more periods become one ellipsis; two stay; Russian ?.. and !..",
        arguments: [
            ("Он... ушел", "Он… ушел"),
            ("Он.... ушел", "Он.... ушел"),
            ("Он.. ушел", "Он. ушел"),
            ("Неужели?... Да!...", "Неужели?.. Да!.."),
            ("Итак…", "Итак…"),
        ])
    func russian(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test("English keeps ?… as it is")
    func english() {
        #expect(en("Really?... Yes...") == "Really?… Yes…")
    }
}

@Suite("normalization: quotes")
struct QuoteTests {
    @Test(
        "Russian: «ёлочки» outside, „лапки“ inside",
        arguments: [
            ("закон \"О противодействии\"", "закон «О~противодействии»"),
            ("\"Газета \"Известия\" пишет\"", "«Газета „Известия“ пишет»"),
            ("«Газета «Известия» пишет»", "«Газета „Известия“ пишет»"),
            ("“Известия” пишут", "«Известия» пишут"),
            ("«Газета „Известия“ пишет»", "«Газета „Известия“ пишет»"),
            ("(\"Ведомости\")", "(«Ведомости»)"),
            ("сказал:\"Нет\"", "сказал:«Нет»"),
            ("'Коммерсантъ'", "«Коммерсантъ»"),
            ("\"\"Известия\" пишут\"", "«„Известия“ пишут»"),
        ])
    func russian(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "English: “double” outside, ‘single’ inside; single-quoted text stays single",
        arguments: [
            ("He said \"it's 'fine' now\".", "He said “it’s ‘fine’ now”."),
            ("\"He said \"no\" twice\"", "“He said ‘no’ twice”"),
            ("say 'British' style", "say ‘British’ style"),
            ("«Quoted»", "“Quoted”"),
        ])
    func english(input: String, expected: String) {
        #expect(en(input) == expected)
    }

    @Test(
        "apostrophes inside words and elisions become ’",
        arguments: [
            ("ru", "д'Артаньян", "д’Артаньян"),
            ("en", "don't", "don’t"),
            ("en", "O'Neill", "O’Neill"),
            ("en", "the students' books", "the~students’ books"),
            ("en", "the '90s", "the ’90s"),
        ])
    func apostrophes(language: String, input: String, expected: String) {
        #expect(visible(TypographyNormalizer(language: language).normalized(MappedText(input))) == expected)
    }

    @Test("a quote after a footnote mark closes; a prime after a digit stays")
    func edges() {
        #expect(ru("«Исламского государства*\"") == "«Исламского государства*»")
        #expect(ru("экран 12\" и 5' длины") == "экран 12\" и~5' длины")
    }
}

@Suite("normalization: dashes")
struct DashTests {
    @Test(
        "a spaced hyphen, en dash or em dash between words: no-break space, em dash, space",
        arguments: [
            ("«Переговоры продолжатся», - сказал министр", "«Переговоры продолжатся»,~— сказал министр"),
            ("\"Решение принято\", - сообщил он", "«Решение принято»,~— сообщил~он"),
            ("Москва – столица", "Москва~— столица"),
            ("Москва — столица", "Москва~— столица"),
            ("Москва -- столица", "Москва~— столица"),
            ("Москва\u{00A0}— столица", "Москва~— столица"),
        ])
    func spaced(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test("English uses the same spaced em dash")
    func english() {
        #expect(en("ferries - oldest line") == "ferries~— oldest line")
        #expect(en("this\u{2010}that") == "this-that")
    }

    @Test(
        "number ranges take an en dash without spaces",
        arguments: [
            ("в 1941-1945 годах", "в~1941–1945~годах"),
            ("в 1941 - 1945 годах", "в~1941–1945~годах"),
            ("10–15 человек", "10–15~человек"),
            ("с 10:00-12:00,", "с~10:00–12:00,"),
            ("1,5-2 раза", "1,5–2~раза"),
            ("(1941—1945)", "(1941–1945)"),
            ("рост 10-15%", "рост 10–15%"),
            ("код 8-800", "код 8–800"),
        ])
    func ranges(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "hyphens inside words, numbers with endings, chains and phone numbers stay",
        arguments: [
            ("2-й этап", "2-й~этап"),
            ("самолет Ту-154", "самолет Ту-154"),
            ("из-за дождя", "из-за дождя"),
            ("кто-то пришел", "кто-то пришел"),
            ("Воздушно-космических сил", "Воздушно-космических~сил"),
            ("звоните 8-800-555-35-35", "звоните 8-800-555-35-35"),
            ("дата 2015-10-05", "дата 2015-10-05"),
            ("телефон +7-495", "телефон +7-495"),
            ("2-3-х комнатные", "2–3-х~комнатные"),
            ("северо- и юго-западный", "северо- и~юго-западный"),
            ("температура -5 градусов", "температура -5~градусов"),
        ])
    func unchanged(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "a dash opening a line of dialogue: em dash and a no-break space",
        arguments: [
            ("- Меньше месяца назад", "—~Меньше месяца назад"),
            ("– Да", "—~Да"),
            ("—Нет", "—~Нет"),
            ("-- Кто там?", "—~Кто~там?"),
            ("- - Да", "—~- Да"),
        ])
    func dialogue(input: String, expected: String) {
        #expect(ru(input) == expected)
    }
}

@Suite("normalization: no-break spaces")
struct NoBreakSpaceTests {
    @Test(
        "after one- and two-letter words, unless punctuation follows them or they are an acronym",
        arguments: [
            ("Встреча пройдет в понедельник", "Встреча пройдет в~понедельник"),
            ("говорил с госсекретарем США", "говорил с~госсекретарем~США"),
            ("по Сирии", "по~Сирии"), ("и безопасности", "и~безопасности"),
            ("В субботу", "В~субботу"), ("на «Известия»", "на~«Известия»"),
            ("а, впрочем", "а, впрочем"), ("ИГ заявило", "ИГ заявило"),
            ("из-за дождя", "из-за дождя"), ("и — вот", "и~— вот"),
        ])
    func shortWords(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "before the particles ли, ль, же, ж, бы, б",
        arguments: [
            ("знал ли он", "знал~ли~он"), ("он же сказал", "он~же сказал"),
            ("сказал бы, что", "сказал~бы, что"), ("Хоть бы", "Хоть~бы"),
        ])
    func particles(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "in initials and names",
        arguments: [
            ("министр С. Лавров", "министр С.~Лавров"),
            ("Д. А. Медведев", "Д.~А.~Медведев"),
            ("Дж. Керри", "Дж.~Керри"),
            ("Лавров С. В. сказал", "Лавров~С.~В. сказал"),
        ])
    func initials(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "a number glues to the word, unit or digit group after it",
        arguments: [
            ("выполнили 26 пусков ракет", "выполнили 26~пусков ракет"),
            ("5 и 6 октября", "5~и~6~октября"),
            ("10 км", "10~км"), ("5 млн рублей", "5~млн рублей"), ("в 1941 г. война", "в~1941~г. война"),
            ("2-й этап", "2-й~этап"), ("5 %", "5%"), ("5 000 000 рублей", "5^000^000~рублей"),
            ("в 2015, когда", "в~2015, когда"), ("в 2014 100 человек", "в~2014 100~человек"),
        ])
    func numbers(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "№ and §, two-part abbreviations, abbreviations, laws",
        arguments: [
            ("№ 5", "№^5"), ("§ 12", "§^12"),
            ("т. е. никто", "т.~е. никто"), ("и т. д. Потом", "и~т.~д. Потом"), ("т. п.", "т.~п."),
            ("V в. до н. э.", "V~в. до~н.~э."),
            ("в т. ч. дети", "в~т.~ч. дети"), ("см. рис. 3", "см.~рис.~3"),
            ("г. Москва", "г.~Москва"), ("ул. Тверская", "ул.~Тверская"), ("ст. 5", "ст.~5"),
            ("в 1941 г. Потом", "в~1941~г. Потом"),
            ("ФЗ \"О полиции\"", "ФЗ~«О~полиции»"), ("№ 114-ФЗ", "№^114-ФЗ"),
        ])
    func signsAndAbbreviations(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "English: one-letter words, a short list, numbers, titles, initials",
        arguments: [
            ("a petition of residents", "a~petition of~residents"),
            ("about 12 minutes", "about 12~minutes"),
            ("I think the plan", "I~think the~plan"),
            ("Mr. Smith and Dr. Jones", "Mr.~Smith and Dr.~Jones"),
            ("J. K. Rowling wrote", "J.~K.~Rowling wrote"),
            ("No. 5 is here", "No.~5 is here"),
            ("Ask me, say so", "Ask me, say~so"),
            ("He said no, then", "He said no, then"),
        ])
    func english(input: String, expected: String) {
        #expect(en(input) == expected)
    }

    @Test("Russian rules stay out of English text")
    func russianRulesOnlyInRussian() {
        #expect(en("go me by the way") == "go me by~the~way")
        #expect(ru("go me by") == "go~me~by")
    }
}

@Suite("normalization: what must not change")
struct ProtectedSpanTests {
    @Test(
        "URLs, e-mail addresses, bare domains and directives are left exactly as written",
        arguments: [
            (
                "см. https://example.org/a-b/1941-1945?q=\"x\"&t=1...2 там",
                "https://example.org/a-b/1941-1945?q=\"x\"&t=1...2"
            ),
            ("сайт www.example.com/a--b - там", "www.example.com/a--b~— там"),
            ("пишите на a.b-c@example.ru - быстро", "a.b-c@example.ru"),
            ("на kremlin.ru/events/2015-2016 в разделе", "kremlin.ru/events/2015-2016"),
            ("текст #{image=1 caption=\"a - b\"} тут", "#{image=1 caption=\"a - b\"}"),
            ("текст #<movie=5 title='в  кино'> тут", "#<movie=5 title='в  кино'>"),
        ])
    func protected(input: String, kept: String) {
        let output = ru(input)
        #expect(output.contains(kept), "\(output)")
    }

    @Test("punctuation ending a sentence after a URL is not part of it")
    func trailingPunctuation() {
        #expect(ru("см. https://example.org/x. Далее \"так\"") == "см. https://example.org/x. Далее~«так»")
        #expect(ru("(https://example.org/x)...") == "(https://example.org/x)…")
        #expect(ru("\"https://example.org\"") == "«https://example.org»")
    }

    @Test(
        "words that only look like domains are normalized",
        arguments: [("т.е. он", "т.~е. он"), ("e.g. \"this\"", "e.g. «this»")])
    func notDomains(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test("normalizing twice changes nothing more")
    func idempotent() {
        let input = "\"Газета \"Известия\"\", - сказал С. Лавров в 1941-1945 гг... См. www.example.org и т. д."
        let once = TypographyNormalizer(language: "ru").normalized(MappedText(input))
        let twice = TypographyNormalizer(language: "ru").normalized(once)
        #expect(twice.string == once.string)
    }

    @Test("no character PT Serif lacks is ever written")
    func onlyPTSerifCharacters() {
        let inputs = [
            "узкий\u{202F}пробел и\u{2009}тонкий, со\u{2060}единитель, дефис\u{2010}знак, № 5, т. е. 5 000",
            "\"Цитата\" - 1941-1945... «„вложенная“»", "The '90s - \"quoted\" 5 000 km",
        ]
        for input in inputs {
            for language in ["ru", "en"] {
                let output = TypographyNormalizer(language: language).normalized(MappedText(input))
                #expect(!output.scalars.contains { missingFromPTSerif.contains($0) }, "\(output)")
            }
        }
    }
}

@Suite("normalization: input offsets")
struct OffsetTests {
    /// Every output scalar's offset points into the input; letters, digits and `*` at the
    /// offset they claim are the very same scalar; offsets never go backwards.
    static func checkOffsets(
        of output: MappedText, input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let utf8 = Array(input.utf8)
        var previous = Int.min
        for (scalar, offset) in zip(output.scalars, output.offsets) {
            #expect(offset >= previous, "offsets go backwards at \(scalar)", sourceLocation: sourceLocation)
            previous = offset
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "*" else { continue }
            let width = UTF8.width(scalar)
            guard offset >= 0, offset + width <= utf8.count else {
                Issue.record("offset \(offset) of \(scalar) is outside the input", sourceLocation: sourceLocation)
                continue
            }
            let original = String(decoding: utf8[offset..<(offset + width)], as: UTF8.self)
            #expect(original == String(scalar), "\(scalar) maps to \(original)", sourceLocation: sourceLocation)
        }
    }

    @Test("unchanged characters keep their input offsets; replaced ones keep theirs")
    func unchanged() {
        let input = "  Слово \"в кавычках*\" - и... всё, т. е. 1941-1945\u{00A0}годы"
        let output = TypographyNormalizer(language: "ru").normalized(MappedText(input))
        Self.checkOffsets(of: output, input: input)
        // The closing quote replaced `"` one for one: it keeps the quote's own offset.
        let quote = input.utf8.count - Array(input.utf8).reversed().firstIndex(of: UInt8(ascii: "\""))! - 1
        let closing = output.scalars.firstIndex(of: "»")!
        #expect(output.offsets[closing] == quote)
    }

    @Test("a mapped text that starts later in the input keeps its own offsets")
    func startingLater() {
        let text = MappedText("в понедельник", startingAt: 100)
        let output = TypographyNormalizer(language: "ru").normalized(text)
        #expect(output.offsets == text.offsets)
        #expect(output.endOffset == text.endOffset)
    }

    @Test("a footnote mark keeps its offset through Document.normalized")
    func footnoteMark() throws {
        let input = "Заголовок\n\nБорьба с \"Исламским государством*\" - сказал он.\n\n* Организация запрещена в РФ"
        let parsed = MarkupParser().parse(input).document
        let document = parsed.normalized()
        let paragraph = try #require(document.paragraphs.first)
        let reference = try #require(paragraph.footnoteRefs.first)
        let star = try #require(paragraph.text.scalars.firstIndex(of: "*"))
        #expect(paragraph.text.offsets[star] == reference.span.start)
        #expect(Array(input.utf8)[reference.span.start] == UInt8(ascii: "*"))
        #expect(visible(paragraph.text).contains("«Исламским государством*»~— сказал"))
        #expect(document.footnotes.count == parsed.footnotes.count)
        Self.checkOffsets(of: paragraph.text, input: input)
    }
}

@Suite("normalization: documents")
struct DocumentNormalizationTests {
    @Test("each paragraph follows its own script; directives are untouched")
    func languages() throws {
        let input = """
            Заголовок в "кавычках"

            Он сказал: "Да".

            He said "yes" to a friend.

            #{biginfographic=771531}
            """
        let parsed = MarkupParser().parse(input).document
        let document = parsed.normalized()
        #expect(document.headline.map(visible) == "Заголовок в~«кавычках»")
        #expect(document.paragraphs.map { visible($0.text) } == ["Он~сказал: «Да».", "He said “yes” to~a~friend."])
        #expect(document.directives == parsed.directives)
        #expect(document.blocks.count == parsed.blocks.count)
    }

    @Test("a language given by the caller is forced on every text")
    func forced() {
        let parsed = MarkupParser().parse("Заголовок\n\nHe said \"yes\".").document
        #expect(parsed.normalized(language: "ru").paragraphs.map { visible($0.text) } == ["He~said~«yes»."])
    }

    @Test("a text without letters takes the document's language")
    func noLetters() {
        #expect(LanguageDetector.language(of: [MappedText("1941-1945")], fallback: "ru") == "ru")
        #expect(LanguageDetector.language(of: [MappedText("Сказал, he")], fallback: "en") == "ru")
        #expect(LanguageDetector.language(of: [MappedText("Он said that")], fallback: "ru") == "en")
    }
}

@Suite(
    "normalization: the seed article",
    .enabled(
        if: SharedMaterial.seed != nil,
        "../shared/seeds is absent: the seed article is not part of a user's clone"))
struct SeedNormalizationTests {
    @Test("the seed's spaced hyphen, its law title in straight quotes, its short words and numbers")
    func seed() throws {
        let text = try #require(SharedMaterial.seed)
        let parsed = MarkupParser().parse(text).document
        let document = parsed.normalized()
        let texts =
            [document.headline].compactMap { $0 } + document.paragraphs.map(\.text) + document.footnotes.map(\.text)
        let all = texts.map { $0.string }.joined(separator: "\n")
        #expect(all.contains(",\u{00A0}— сказал"))
        #expect(!all.contains(", - сказал"))
        #expect(all.contains("ФЗ\u{00A0}«О\u{00A0}противодействии экстремистской деятельности»"))
        #expect(all.contains("в\u{00A0}понедельник"))
        #expect(all.contains("с\u{00A0}госсекретарем"))
        #expect(all.contains("26\u{00A0}пусков"))
        #expect(!all.unicodeScalars.contains { missingFromPTSerif.contains($0) })
        for mapped in texts { OffsetTests.checkOffsets(of: mapped, input: text) }
        // Footnote marks keep their offsets.
        for paragraph in document.paragraphs {
            for reference in paragraph.footnoteRefs {
                let index = try #require(paragraph.text.offsets.firstIndex(of: reference.span.start))
                #expect(paragraph.text.scalars[index] == "*")
            }
        }
        #expect(document.paragraphs.flatMap(\.footnoteRefs) == parsed.paragraphs.flatMap(\.footnoteRefs))
        #expect(document.directives == parsed.directives)
    }
}

/// galley 13: the custom the issue names, each pinned (the typograf cases measure the rest).
@Suite("normalization: typograf's Russian custom")
struct TypografCustomTests {
    @Test(
        "what galley 13 names, each as a Russian sub-editor sets it",
        arguments: [
            ("и т.д., и т.п.", "и~т.~д., и~т.~п."),
            ("т.е. так", "т.~е. так"),
            ("приказ № 123", "приказ №^123"),
            ("§ 5 устава", "§^5 устава"),
            ("Солнце село за горизонт,и поднялся ветер.", "Солнце село за~горизонт, и~поднялся ветер."),
            ("Неужели?..Да.", "Неужели?.. Да."),
            ("Вот так...И всё.", "Вот~так… И~всё."),
            ("Она сказала: \"Цвет - \"эсмеральда\"\".", "Она сказала: «Цвет~— „эсмеральда“»."),
            ("на стыке XX-XXI вв.", "на~стыке XX–XXI~вв."),
            ("Выставка 14-24 сентября", "Выставка 14–24~сентября"),
            ("в апреле-мае", "в~апреле–мае"),
            ("Я бы в лётчики б пошёл", "Я~бы в~лётчики~б пошёл"),
            ("Голубка дряхлая моя!", "Голубка дряхлая~моя!"),
            ("сказал заместитель главы И. П. Соколов.", "сказал заместитель главы И.~П.~Соколов."),
            ("А.С. Пушкин", "А.~С.~Пушкин"),
            ("г.Тюмень, ул.Ленина", "г.~Тюмень, ул.~Ленина"),
            ("подписан 17.02.1983г. И всё", "подписан 17.02.1983~г. И~всё"),
            ("Правда!? Честно!!", "Правда?! Честно!"),
            ("«Обожди... – сказал он. – Давай»", "«Обожди… —~сказал он. —~Давай»"),
        ])
    func russian(input: String, expected: String) {
        #expect(ru(input) == expected)
    }

    @Test(
        "English: curly quotes, en dash ranges, spaced em dash, a short last word",
        arguments: [
            ("He said \"it's 1990-1995 - the 'best' years\".", "He said “it’s 1990–1995~— the~‘best’ years”."),
            ("Fedora, SuSE or PLD.", "Fedora, SuSE or~PLD."),
            ("See § 12", "See §~12"),
        ])
    func english(input: String, expected: String) {
        #expect(en(input) == expected)
    }

    @Test("a caption gets the body's custom; the directive stays otherwise as written")
    func caption() throws {
        let parsed = MarkupParser().parse("Заголовок\nТекст.\n#<image=12 caption=\"Пожары 2019-2024 гг. - итоги\">\n")
        let normalized = parsed.document.normalized()
        let directive = try #require(normalized.directives.first)
        #expect(directive.attributes["caption"].map(visible) == "Пожары 2019–2024~гг.~— итоги")
        #expect(directive.id == "12")
    }
}
