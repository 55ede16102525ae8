// The archive's artefacts: double-space breaks, the stray Latin `n`, sentences run together.

import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("markup: lost paragraph breaks (two spaces)")
struct DoubleSpaceTests {
    @Test("two spaces in a one-line body restore a lost paragraph break, reported once at the first")
    func doubleSpaces() throws {
        let parsed = Parsed("Заголовок\u{2028}  Первый абзац.  «Второй абзац», – сказал он.   Третий.")
        #expect(parsed.paragraphs == ["Первый абзац.", "«Второй абзац», – сказал он.", "Третий."])
        #expect(parsed.codes == ["lost-paragraph-breaks"])
        let warning = try #require(parsed.diagnostic("lost-paragraph-breaks"))
        #expect(warning.message.hasPrefix("2 lost paragraph breaks"))
        #expect(parsed.location("lost-paragraph-breaks") == SourceLocation(line: 2, column: 16))
    }

    @Test("two spaces are kept in a multi-line body and in a body after a blank line")
    func keptElsewhere() {
        let lines = Parsed("Заголовок\nОдин.  Ещё.\nДва.")
        #expect(lines.paragraphs == ["Один.  Ещё.", "Два."])
        #expect(lines.diagnostics.isEmpty)
        let afterBlank = Parsed("Заголовок\n\nОдин.  Ещё.\n")
        #expect(afterBlank.paragraphs == ["Один.  Ещё."])
        #expect(afterBlank.diagnostics.isEmpty)
    }

    @Test("a stray no-break space beside one space is not a break")
    func noBreakSpace() {
        let parsed = Parsed("Заголовок   Слово\u{00A0} слово и ещё \u{00A0}слово.")
        #expect(parsed.paragraphs == ["Слово\u{00A0} слово и ещё \u{00A0}слово."])
        #expect(parsed.diagnostics.isEmpty)
    }
}

@Suite("markup: escaped line breaks (stray n)")
struct EscapedBreakTests {
    @Test(
        "a paragraph break: a new sentence after a finished one",
        arguments: [
            ("В конце маяnПосле дождей", ["В конце мая", "После дождей"]),
            ("Все ушли.nПотом стемнело.", ["Все ушли.", "Потом стемнело."]),
            ("Он спросил:nКуда идти?", ["Он спросил:", "Куда идти?"]),
            ("Почему?nНикто не знал.", ["Почему?", "Никто не знал."]),
            ("Он сказал: «Иду!»nВсе встали.", ["Он сказал: «Иду!»", "Все встали."]),
            ("Ответа нет.n«Подождём», — решили мы.", ["Ответа нет.", "«Подождём», — решили мы."]),
            ("Ответа нет.n— Подождём, — решили мы.", ["Ответа нет.", "— Подождём, — решили мы."]),
            ("Ответа нет.n\"Подождём\", — решили мы.", ["Ответа нет.", "\"Подождём\", — решили мы."]),
            ("Счёт открыт.nn2:0 к перерыву.", ["Счёт открыт.", "2:0 к перерыву."]),
            ("Конец главы.nnНовая глава.", ["Конец главы.", "Новая глава."]),
            // A lead with no final period, then the dateline that opens the news item.
            (
                "Он сыграет с «Ливерпулем»nМосква. 9 мая. Матч пройдет в Мадриде.",
                ["Он сыграет с «Ливерпулем»", "Москва. 9 мая. Матч пройдет в Мадриде."]
            ),
            ("Итоги недели в городеnМОСКВА, 10 авг — РИА Новости.", ["Итоги недели в городе", "МОСКВА, 10 авг — РИА Новости."]),
        ])
    func paragraph(body: String, expected: [String]) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == expected)
        #expect(parsed.codes == ["escaped-line-breaks"])
    }

    @Test(
        "a line break inside a paragraph becomes one space",
        arguments: [
            ("Огонь сталnрасти.", "Огонь стал расти."),
            ("Частицы, известные какnPM10, вредны.", "Частицы, известные как PM10, вредны."),
            ("Вышла повестьn«Синий дом».", "Вышла повесть «Синий дом»."),
            ("Улица ведёт кnдому 12.", "Улица ведёт к дому 12."),
            ("Дом стоял наnокраине.", "Дом стоял на окраине."),
            ("Их былоn12 человек.", "Их было 12 человек."),
            ("Он ответилn(не сразу).", "Он ответил (не сразу)."),
            ("Подписан документn№ 15.", "Подписан документ № 15."),
            ("Лес горел,nно дождь помог.", "Лес горел, но дождь помог."),
            ("«Нет»,nответил он.", "«Нет», ответил он."),
            ("Спасатели МЧСnприехали рано.", "Спасатели МЧС приехали рано."),
            ("Город (столица —nRiga) красив.", "Город (столица — Riga) красив."),
            ("Сгорело до 40nгектаров.", "Сгорело до 40 гектаров."),
            ("Конец т.д.nи всё.", "Конец т.д. и всё."),
        ])
    func space(body: String, expected: String) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == [expected])
    }

    @Test(
        "before punctuation, or glued to an opening bracket or a hyphen, the n just goes",
        arguments: [
            ("Появился сайтn, где всё видно.", "Появился сайт, где всё видно."),
            ("Так решил яn. Затем ушёл.", "Так решил я. Затем ушёл."),
            ("Так решил яn.Затем ушёл.", "Так решил я. Затем ушёл."),
            ("Это конецn!", "Это конец!"),
            ("Пишет газета «Вечер»n.", "Пишет газета «Вечер»."),
            ("Зоны (nто есть леса) горят.", "Зоны (то есть леса) горят."),
            ("Вышел мини-сериал-nкомедия.", "Вышел мини-сериал-комедия."),
        ])
    func removed(body: String, expected: String) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == [expected])
    }

    @Test(
        "an n beside a Latin letter or a digit, or standing alone, is text",
        arguments: [
            "Meet Putin, Lenin and nobody.", "Около 10n тонн.", "Вершина nnn горы.",
            "Буква n стоит одна.", "Сайт Examplen.org открыт.", "Встреча в Kremlin, потом в Japan.",
            "Порт München и Zürich.",
        ])
    func untouched(body: String) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == [body])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("the repairs are reported once per file, with their count and the first one's place")
    func reported() throws {
        let parsed = Parsed("Заголовок\nОдин.nДва.\nТриnчетыре, пятьn.")
        #expect(parsed.paragraphs == ["Один.", "Два.", "Три четыре, пять."])
        let warning = try #require(parsed.diagnostic("escaped-line-breaks"))
        #expect(warning.message.hasPrefix("3 line breaks"))
        #expect(warning.message.contains("1 paragraph break (after a sentence's end or a subheading), 1 made a space"))
        #expect(warning.message.contains("1 removed before punctuation"))
        #expect(parsed.location("escaped-line-breaks") == SourceLocation(line: 2, column: 6))
    }
}

/// The cases of galley 13: each stray `n` the archive's corpus had wrong, in its own words.
@Suite("markup: stray n never breaks a sentence")
struct StrayNInsideSentenceTests {
    @Test(
        "inside a sentence, before a name, an acronym or a link, the n is a space, never a paragraph",
        arguments: [
            ("Об этом, сообщаетnРИА «Новости»n.", "Об этом, сообщает РИА «Новости»."),
            ("Это следует изnсводкиnФГУП «Авиалесоохрана».", "Это следует из сводки ФГУП «Авиалесоохрана»."),
            ("Однако согласноnзаявлениюnМЧС от 5 августа, площадь выросла.", "Однако согласно заявлению МЧС от 5 августа, площадь выросла."),
            ("Ни один специализированныйnБе-200nне поднимался в воздух.", "Ни один специализированный Бе-200 не поднимался в воздух."),
            ("Звезды — отnСемена СлепаковаnдоnЛеонардо Ди Каприоn.", "Звезды — от Семена Слепакова до Леонардо Ди Каприо."),
            ("После принятия в 2006 годуnЛесного кодексаnтысячи лесников ушли.", "После принятия в 2006 году Лесного кодекса тысячи лесников ушли."),
            ("В октябре министр экологии РоссииnСергей Донскойnподписалnприказ.", "В октябре министр экологии России Сергей Донской подписал приказ."),
        ])
    func space(body: String, expected: String) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == [expected])
    }

    @Test(
        "next to Latin letters and digits, the n is found too",
        arguments: [
            ("В начале августа NASAnзаявилоn, что дым дошёл.", "В начале августа NASA заявило, что дым дошёл."),
            ("Частицы, известные какnPM2.5n, опасны.", "Частицы, известные как PM2.5, опасны."),
            ("Вместе с компаниейnBuy Liken, которая продвигает товары.", "Вместе с компанией Buy Like, которая продвигает товары."),
            ("Петиция на сайтеnGreenpeacen— более 380 тысяч подписей.", "Петиция на сайте Greenpeace — более 380 тысяч подписей."),
            ("Однако в Greenpeacenобращают внимание.", "Однако в Greenpeace обращают внимание."),
            ("Об этом пишет Wall Street Journaln. Далее тишина.", "Об этом пишет Wall Street Journal. Далее тишина."),
            ("Сказал он журналистам (—nRTn).", "Сказал он журналистам (— RT)."),
            ("Участвовали Teamnи другие.", "Участвовали Team и другие."),
        ])
    func latinAndDigits(body: String, expected: String) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == [expected])
    }

    @Test("a word that really ends in n is told apart by the dictionary")
    func realWords() {
        #expect(SpellingDictionary.shared.isAvailable, "hunspell-ru and hunspell-en-us are installed by scripts/setup.sh")
        let parsed = Parsed("Заголовок   Встреча: Putin, Kremlin, Japan и Lenin.")
        #expect(parsed.paragraphs == ["Встреча: Putin, Kremlin, Japan и Lenin."])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test(
        "after a sentence's end, or after a short line that reads as a subheading, the n opens a paragraph",
        arguments: [
            ("Это сообщил Review-Journal.nБеспроигрышная серия ДжонсаnТакже стало известно, что бой отменён.",
             ["Это сообщил Review-Journal.", "Беспроигрышная серия Джонса", "Также стало известно, что бой отменён."]),
            ("Нет словnПервый матч прошёл ранее.", ["Нет слов", "Первый матч прошёл ранее."]),
            ("4 августа 2019 годаnОбширные пожары охватили Сибирь.", ["4 августа 2019 года", "Обширные пожары охватили Сибирь."]),
        ])
    func paragraph(body: String, expected: [String]) {
        let parsed = Parsed("Заголовок   " + body)
        #expect(parsed.paragraphs == expected)
    }

    @Test("the headline is repaired too, and stays one line")
    func headline() {
        let parsed = Parsed("Сделка с компаниейnBuy Liken.nИтоги   Текст статьи.")
        #expect(parsed.headline == "Сделка с компанией Buy Like. Итоги")
        #expect(parsed.paragraphs == ["Текст статьи."])
    }

    @Test("--keep-artefacts keeps every n")
    func kept() {
        let body = "Вместе с компаниейnBuy Liken, которая.nДалее"
        let parsed = Parsed("Заголовок   " + body, keepArtefacts: true)
        #expect(parsed.paragraphs == [body])
        #expect(parsed.diagnostics.isEmpty)
    }
}

@Suite("markup: sentences run together")
struct MissingSpaceTests {
    @Test("a space is inserted between sentences run together, reported once with the count")
    func inserted() throws {
        let parsed = Parsed("Заголовок\nДом построили.Жильцы рады!Скоро праздник?Да. Т.е. всё.")
        #expect(parsed.paragraphs == ["Дом построили. Жильцы рады! Скоро праздник? Да. Т.е. всё."])
        let warning = try #require(parsed.diagnostic("missing-spaces"))
        #expect(warning.message.hasPrefix("3 missing spaces"))
        #expect(parsed.location("missing-spaces") == SourceLocation(line: 2, column: 15))
    }

    @Test("the inserted space maps to the capital after it")
    func mapped() throws {
        let parsed = Parsed("Заголовок\nконец.Начало")
        let text = try #require(parsed.document.paragraphs.first?.text)
        #expect(text.string == "конец. Начало")
        #expect(text.offsets[6] == text.offsets[7])
    }

    @Test("abbreviations, Latin text and numbers are left alone", arguments: ["Сайт Irk.ru открыт.", "Версия 2.Новая", "См. т.е. и т.д.", "Он сказал «да».Потом"])
    func untouched(body: String) {
        let parsed = Parsed("Заголовок\n" + body)
        #expect(parsed.paragraphs == [body])
        #expect(parsed.diagnostics.isEmpty)
    }
}

@Suite("markup: --keep-artefacts")
struct KeepArtefactsTests {
    @Test("keepArtefacts leaves all three as written, without warnings")
    func keep() {
        let text = "Заголовок\u{2028}  Года.nОбширные  пожары.Ранее сталиnрасти."
        let kept = Parsed(text, keepArtefacts: true)
        #expect(kept.paragraphs == ["Года.nОбширные  пожары.Ранее сталиnрасти."])
        #expect(kept.diagnostics.isEmpty)
        let repaired = Parsed(text)
        #expect(repaired.paragraphs == ["Года.", "Обширные", "пожары. Ранее стали расти."])
        #expect(repaired.codes.sorted() == ["escaped-line-breaks", "lost-paragraph-breaks", "missing-spaces"])
    }
}
