// Plausible placeholder data from an id: same id, same chart, on every machine.

/// Generates chart data for a placeholder infographic from its id.
enum ChartGenerator {
    static func generate(id: String, language: String) -> ChartData {
        var random = SeededRandom(seed: id)
        let kind = ChartData.Kind.allCases[random.int(in: 0...(ChartData.Kind.allCases.count - 1))]
        let russian = language == "ru"
        let firstYear = random.int(in: 2005...2016)
        let years = (0..<random.int(in: 6...9)).map { String(firstYear + $0) }
        let topics =
            russian
            ? ["Динамика показателя", "Число обращений", "Объем перевозок", "Расходы бюджета", "Доля рынка", "Выпуск продукции"]
            : ["Index over time", "Requests received", "Freight volume", "Budget spending", "Market share", "Output"]
        let regions =
            russian
            ? ["Север", "Юг", "Запад", "Восток", "Центр", "Побережье", "Столица"]
            : ["North", "South", "West", "East", "Centre", "Coast", "Capital"]
        let events =
            russian
            ? ["Начало проекта", "Первый этап", "Пересмотр плана", "Запуск", "Расширение", "Итоги"]
            : ["Project starts", "First stage", "Plan revised", "Launch", "Expansion", "Results"]
        let unit = russian ? random.pick(["млн руб.", "тыс. чел.", "%", "тыс. т"]) : random.pick(["$ million", "thousands", "%", "kt"])
        let topic = random.pick(topics)
        func walk(_ count: Int, start: Double) -> [Double] {
            var value = start
            return (0..<count).map { _ in
                value = max(1, value * random.double(in: 0.82...1.25))
                return (value * 10).rounded() / 10
            }
        }
        let seriesNames = russian ? ["Первый ряд", "Второй ряд", "Третий ряд"] : ["Series A", "Series B", "Series C"]
        switch kind {
        case .bar:
            return ChartData(
                title: "\(topic), \(years.first!)–\(years.last!)", type: .bar, labels: years,
                series: [.init(name: seriesNames[0], values: walk(years.count, start: random.double(in: 20...90)))],
                unit: unit, source: nil)
        case .line:
            return ChartData(
                title: "\(topic), \(years.first!)–\(years.last!)", type: .line, labels: years,
                series: (0..<2).map { .init(name: seriesNames[$0], values: walk(years.count, start: random.double(in: 20...90))) },
                unit: unit, source: nil)
        case .area:
            return ChartData(
                title: "\(topic), \(years.first!)–\(years.last!)", type: .area, labels: years,
                series: (0..<3).map { .init(name: seriesNames[$0], values: walk(years.count, start: random.double(in: 10...40))) },
                unit: unit, source: nil)
        case .donut:
            let parts = Array(regions.prefix(random.int(in: 3...5)))
            return ChartData(
                title: russian ? "Структура, \(years.last!)" : "Breakdown, \(years.last!)", type: .donut, labels: parts,
                series: [.init(name: topic, values: parts.map { _ in (random.double(in: 5...40)).rounded() })],
                unit: "%", source: nil)
        case .ranking:
            let parts = Array(regions.prefix(random.int(in: 5...7)))
            let values = parts.map { _ in (random.double(in: 10...99) * 10).rounded() / 10 }.sorted(by: >)
            return ChartData(
                title: russian ? "\(topic): рейтинг регионов" : "\(topic) by region", type: .ranking, labels: parts,
                series: [.init(name: topic, values: values)], unit: unit, source: nil)
        case .timeline:
            let count = random.int(in: 4...6)
            var year = firstYear
            let dates = (0..<count).map { _ -> String in
                year += random.int(in: 1...3)
                return String(year)
            }
            return ChartData(
                title: russian ? "Хронология" : "Timeline", type: .timeline, labels: Array(events.prefix(count)),
                series: [.init(name: "", values: dates.compactMap(Double.init))], unit: nil, source: nil)
        }
    }
}
