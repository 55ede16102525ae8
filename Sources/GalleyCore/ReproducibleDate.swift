// The one date galley stamps into outputs: SOURCE_DATE_EPOCH, or a fixed day.

import Foundation

/// The date outputs carry: the PDF's creation date (render), a page's `{date}` field when the
/// article has none (layout), COCO's `date_created`.
///
/// `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), otherwise a fixed
/// 2000-01-01T00:00:00Z, so that the same input always gives the same bytes.
public enum ReproducibleDate {
    /// ISO 8601 in UTC (`2000-01-01T00:00:00Z`).
    public static func iso8601(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) } ?? 946_684_800
        // A batch worker asks for every article; making the formatter costs more than the
        // rest of writing a small PDF's information, so each date is formatted once.
        formattedLock.lock()
        defer { formattedLock.unlock() }
        if let hit = formatted[seconds] { return hit }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        let date = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        formatted[seconds] = date
        return date
    }

    /// The day alone (`2000-01-01`): what a page's `{date}` shows.
    public static func day(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        String(iso8601(environment: environment).prefix(10))
    }

    private static let formattedLock = NSLock()
    nonisolated(unsafe) private static var formatted: [Int64: String] = [:]
}
