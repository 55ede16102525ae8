// The word lists the no-break space rule glues by: particles, English short words, abbreviations.

extension Normalization.NoBreakSpaces {
    /// Russian particles that lean on the word before them (Мильчин: «не отрывать частицы ли,
    /// же, бы от слова, к которому они относятся»).
    static let russianParticles: Set<String> = ["ли", "ль", "же", "ж", "бы", "б"]

    /// English words after which a line should not end, besides every one-letter word
    /// (a, I): articles and the short prepositions and conjunctions of the usual house
    /// styles. Compared in lower case.
    static let englishShortWords: Set<String> = [
        "an", "the", "to", "of", "in", "on", "at", "by", "or", "no", "if", "as",
    ]

    /// Russian abbreviations that lean on the word or number after them (`г. Москва`,
    /// `ул. Тверская`, `ст. 5`, `см. рис. 3`). Not glued after a number (`1941 г.`, `5 см.`
    /// end their phrase) nor inside `т. д.`, `т. п.`, `н. э.`.
    static let russianAbbreviations: Set<String> = [
        "г.", "гг.", "ул.", "пр.", "пр-т", "пл.", "пер.", "просп.", "д.", "корп.", "кв.", "им.", "ст.", "стр.", "рис.",
        "табл.", "гл.", "см.", "п.", "пп.", "ч.", "обл.", "р-н", "пос.", "с.", "т.", "тт.", "акад.", "проф.", "ген.",
        "илл.", "эт.", "оф.", "мкр.",
    ]

    /// Address words that lean on the number or letter after them (`дом 2`, `литер Щ`).
    static let addressWords: Set<String> = ["дом", "литер"]

    /// English abbreviations that lean on the name or number after them.
    static let englishAbbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Sgt.",
        "p.", "pp.", "Fig.", "fig.", "Vol.", "vol.", "Ch.", "ch.",
    ]

    /// The most scalars of any word of each list: a longer word is not looked up (making a
    /// string of every word to find it in no list was the rule's main cost).
    static let longestParticle = longest(russianParticles)
    static let longestEnglishShortWord = longest(englishShortWords)
    static let longestAbbreviation = longest(russianAbbreviations.union(englishAbbreviations))
    static let longestNumberSign = longest(numberSigns)
    static let longestPairedAbbreviation = longest(Set(pairedAbbreviations.keys))

    private static func longest(_ list: Set<String>) -> Int { list.map(\.unicodeScalars.count).max() ?? 0 }

    /// The last scalar of every abbreviation (the period, mostly), and the first of every
    /// particle in either case: a word that does not end or start so is not made a string.
    static let abbreviationEndings = Set(
        russianAbbreviations.union(englishAbbreviations).compactMap(\.unicodeScalars.last))
    static let pairedAbbreviationEndings = Set(pairedAbbreviations.keys.compactMap(\.unicodeScalars.last))
    static let particleStarts = Set(
        russianParticles.flatMap { [$0.lowercased(), $0.uppercased()] }.compactMap(\.unicodeScalars.first))

    /// Abbreviations that glue to a following number only: `No. 5`, but `No. They…` is a word.
    static let numberSigns: Set<String> = ["№", "№№", "§", "§§", "No.", "Nos."]

    /// Second halves of Russian two-part abbreviations, glued to their first half:
    /// `т. е.`, `т. д.`, `т. п.`, `т. к.`, `т. н.`, `т. ч.` (в т. ч.), `н. э.`.
    static let pairedAbbreviations: [String: Set<String>] = ["т.": ["е", "д", "п", "к", "н", "ч"], "н.": ["э"]]

    /// Russian law abbreviations glued to the quoted title after them (`ФЗ «О полиции»`).
    static let lawAbbreviations: Set<String> = ["ФЗ", "ФКЗ"]

    /// Signs of units written after a number with a space (`5 %` in Russian custom).
    static let unitSigns: Set<Unicode.Scalar> = ["%", "‰", "°", "$", "€", "₽", "£", "¥"]
}
