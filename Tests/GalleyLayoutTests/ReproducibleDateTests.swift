// The computed ISO 8601 date agrees with Foundation's formatter, before 1970 and after 9999 too.

import Foundation
import GalleyCore
import Testing

@Suite("reproducible date")
struct ReproducibleDateTests {
    private static func foundation(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// From 1583 on: ISO 8601 counts days by the Gregorian calendar before its adoption too
    /// (proleptic), where Foundation's Gregorian calendar switches to the Julian one before
    /// 1582-10-15 (no archive's SOURCE_DATE_EPOCH lies there).
    @Test func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let fixed: [Int64] = [0, -1, 946_684_800, 951_782_400, 951_868_799, 4_107_542_399, -12_212_553_600, 253_402_300_799, 1_733_443_200]
        let random = (0..<2_000).map { _ in Int64.random(in: -12_212_553_600...253_402_300_799, using: &generator) }
        for seconds in fixed + random {
            #expect(ReproducibleDate.iso8601(secondsSinceEpoch: seconds) == Self.foundation(seconds), "\(seconds)")
        }
    }

    @Test func sourceDateEpochDecides() {
        #expect(ReproducibleDate.iso8601(environment: [:]) == "2000-01-01T00:00:00Z")
        #expect(ReproducibleDate.iso8601(environment: ["SOURCE_DATE_EPOCH": " 1733443200 "]) == "2024-12-06T00:00:00Z")
        #expect(ReproducibleDate.day(environment: ["SOURCE_DATE_EPOCH": "951782400"]) == "2000-02-29")
    }
}
