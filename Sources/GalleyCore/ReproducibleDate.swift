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
        return iso8601(secondsSinceEpoch: seconds)
    }

    /// The day alone (`2000-01-01`): what a page's `{date}` shows.
    public static func day(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        String(iso8601(environment: environment).prefix(10))
    }

    /// `seconds` after 1970-01-01T00:00:00Z as ISO 8601 in UTC, by the proleptic Gregorian
    /// calendar (days to civil date after Howard Hinnant's `civil_from_days`). Computed, not
    /// formatted by Foundation: an `ISO8601DateFormatter` loads ICU's calendar data, 2 % of a
    /// one-article convert's start-up, for a date that needs no time zone or locale.
    public static func iso8601(secondsSinceEpoch seconds: Int64) -> String {
        let secondsPerDay: Int64 = 86_400
        var days = seconds / secondsPerDay
        var rest = seconds % secondsPerDay
        if rest < 0 {
            rest += secondsPerDay
            days -= 1
        }
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = year >= 0 && year < 1_000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(rest / 3_600)):\(two(rest % 3_600 / 60)):\(two(rest % 60))Z"
    }
}
