// Plausible placeholder data from an id: same id, same chart, on every machine.

/// Generates chart data for a placeholder infographic from its id.
///
/// Titles, units and names come from small word lists in the panel's language; the numbers are
/// a random walk. Everything is drawn from one `SeededRandom`, in a fixed order, so an id always
/// gives the same chart. The data is marked as placeholder by the panel, never passed off as real.
enum ChartGenerator {
    /// A topic of the title with the unit that suits it.
    private struct Topic {
        let ru: String, en: String, unitRu: String, unitEn: String
    }

    private static let topics = [
        Topic(ru: "Динамика показателя", en: "Index over time", unitRu: "пунктов", unitEn: "points"),
        Topic(ru: "Число обращений", en: "Requests received", unitRu: "тыс.", unitEn: "thousands"),
        Topic(ru: "Объем перевозок", en: "Freight volume", unitRu: "млн т", unitEn: "million tonnes"),
        Topic(ru: "Расходы бюджета", en: "Budget spending", unitRu: "млрд руб.", unitEn: "$ billion"),
        Topic(ru: "Пассажиропоток", en: "Passenger traffic", unitRu: "млн человек", unitEn: "million passengers"),
        Topic(ru: "Выпуск продукции", en: "Industrial output", unitRu: "тыс. единиц", unitEn: "thousand units"),
        Topic(ru: "Ввод жилья", en: "New housing", unitRu: "млн кв. м", unitEn: "million sq m"),
    ]
    private static let regions = (
        ru: ["Север", "Юг", "Запад", "Восток", "Центр", "Побережье", "Столица", "Предгорья"],
        en: ["North", "South", "West", "East", "Centre", "Coast", "Capital", "Uplands"]
    )
    private static let events = (
        ru: ["Начало проекта", "Первый этап", "Пересмотр плана", "Запуск", "Расширение", "Подведение итогов"],
        en: ["Project starts", "First stage", "Plan revised", "Launch", "Expansion", "Results published"]
    )
    private static let pairs = (ru: [["План", "Факт"], ["Город", "Область"]], en: [["Plan", "Actual"], ["City", "Region"]])

    /// - Parameter family: the chart family to make; nil: the id picks one.
    static func generate(id: String, language: String, family wanted: ChartData.Kind? = nil) -> ChartData {
        var random = SeededRandom(seed: id)
        let picked = ChartData.Kind.allCases[random.int(in: 0...(ChartData.Kind.allCases.count - 1))]
        let family = wanted ?? picked
        let ru = language == "ru"
        let topic = random.pick(topics)
        let name = ru ? topic.ru : topic.en
        let unit = ru ? topic.unitRu : topic.unitEn
        let firstYear = random.int(in: 2008...2016)
        let years = (0..<random.int(in: 6...9)).map { String(firstYear + $0) }
        let period = "\(years.first!)–\(years.last!)"
        let regions = ru ? regions.ru : regions.en
        func walk(_ count: Int, start: Double) -> [Double] {
            var value = start
            return (0..<count).map { _ in
                value = max(1, value * random.double(in: 0.84...1.22))
                return (value * 10).rounded() / 10
            }
        }
        switch family {
        case .bar:
            return ChartData(
                title: "\(name), \(period)", type: .bar, labels: years,
                series: [.init(name: name, values: walk(years.count, start: random.double(in: 20...90)))], unit: unit, source: nil)
        case .line:
            let names = random.pick(ru ? pairs.ru : pairs.en)
            let start = random.double(in: 30...80)
            return ChartData(
                title: "\(name), \(period)", type: .line, labels: years,
                series: names.map { .init(name: $0, values: walk(years.count, start: start * random.double(in: 0.7...1.3))) },
                unit: unit, source: nil)
        case .area:
            let first = random.int(in: 0...(regions.count - 3))
            return ChartData(
                title: ru ? "\(name) по регионам, \(period)" : "\(name) by region, \(period)", type: .area, labels: years,
                series: regions[first..<(first + 3)].map { .init(name: $0, values: walk(years.count, start: random.double(in: 10...40))) },
                unit: unit, source: nil)
        case .donut:
            let count = random.int(in: 3...5)
            let first = random.int(in: 0...(regions.count - count))
            return ChartData(
                title: ru ? "\(name): доли регионов, \(years.last!)" : "\(name): regional shares, \(years.last!)", type: .donut,
                labels: Array(regions[first..<(first + count)]),
                series: [.init(name: name, values: (0..<count).map { _ in random.double(in: 5...40).rounded() })], unit: "%",
                source: nil)
        case .ranking:
            let count = random.int(in: 5...7)
            let names = Array(regions.prefix(count))
            let values = names.map { _ in (random.double(in: 10...99) * 10).rounded() / 10 }.sorted(by: >)
            return ChartData(
                title: ru ? "\(name): рейтинг регионов, \(years.last!)" : "\(name): regions ranked, \(years.last!)", type: .ranking,
                labels: names, series: [.init(name: name, values: values)], unit: unit, source: nil)
        case .timeline:
            let count = random.int(in: 4...6)
            // Starts earlier than the series do, so the last event stays in the past (≤ 2024).
            var year = firstYear - 4
            let dates = (0..<count).map { _ -> Double in
                year += random.int(in: 1...2)
                return Double(year)
            }
            return ChartData(
                title: ru ? "Хронология: \(name.lowercasedFirst)" : "Timeline: \(name.lowercasedFirst)", type: .timeline,
                labels: Array((ru ? events.ru : events.en).prefix(count)), series: [.init(name: "", values: dates)], unit: nil,
                source: nil)
        }
    }
}

extension String {
    /// The string with its first letter in lower case («Число обращений» → «число обращений»).
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
