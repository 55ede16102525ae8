// What the PDF's document information says, and the fixed date that keeps files reproducible.

import Foundation

/// Document information written into PDF files.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO 8601 in UTC (`2000-01-01T00:00:00Z`), used for the creation and modification dates.
    public var date: String

    public init(
        title: String, author: String = "", subject: String = "", keywords: String = "",
        creator: String = "galley", date: String = DocumentMetadata.reproducibleDate()
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
    }

    /// The date to stamp into outputs: `SOURCE_DATE_EPOCH` when set (the reproducible-builds
    /// convention), otherwise a fixed 2000-01-01T00:00:00Z, so that the same input always
    /// gives the same bytes. (cairo 1.16 ignores SOURCE_DATE_EPOCH and would write the
    /// current local time; galley always sets the dates itself.)
    public static func reproducibleDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
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

    private static let formattedLock = NSLock()
    nonisolated(unsafe) private static var formatted: [Int64: String] = [:]
}
