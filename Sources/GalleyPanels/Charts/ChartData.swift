// The data behind a chart: generated from an id, or read from `<id>.json` in the assets.

import Foundation

/// A chart's data, in the shape of the assets' JSON (docs/directives.md).
public struct ChartData: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case bar, line, donut, area, ranking, timeline
    }
    public struct Series: Sendable, Hashable, Codable {
        public var name: String
        public var values: [Double]
    }
    public var title: String
    public var type: Kind
    public var labels: [String]
    public var series: [Series]
    public var unit: String?
    public var source: String?

    /// Reads and checks `<id>.json`; the error says what is wrong in words a data person
    /// can act on.
    public static func load(path: String) throws -> ChartData {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ChartDataError("cannot read \(path)")
        }
        let chart: ChartData
        do {
            chart = try JSONDecoder().decode(ChartData.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ChartDataError("\(path): the key \"\(key.stringValue)\" is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let where_ = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ChartDataError("\(path): wrong type at \"\(where_)\" (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) {
            let reason = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
            throw ChartDataError("\(path): \(reason)")
        } catch {
            throw ChartDataError("\(path): \(error)")
        }
        guard !chart.series.isEmpty, chart.series.allSatisfy({ !$0.values.isEmpty }) else {
            throw ChartDataError("\(path): \"series\" needs at least one series with values")
        }
        guard chart.series.allSatisfy({ $0.values.allSatisfy(\.isFinite) }) else {
            throw ChartDataError("\(path): values must be finite numbers")
        }
        return chart
    }
}

extension ChartData {
    /// A copy with every text shown to the reader (title, unit, labels, series names,
    /// source) passed through `transform`.
    public func mappingText(_ transform: (String) -> String) -> ChartData {
        var copy = self
        copy.title = transform(title)
        copy.unit = unit.map(transform)
        copy.source = source.map(transform)
        copy.labels = labels.map(transform)
        copy.series = series.map { Series(name: transform($0.name), values: $0.values) }
        return copy
    }
}

/// Why chart data could not be used.
public struct ChartDataError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
