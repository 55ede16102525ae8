// What the PDF's document information says, and the fixed date that keeps files reproducible.

import Foundation
import GalleyCore

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

    /// The date to stamp into outputs (`ReproducibleDate`: SOURCE_DATE_EPOCH or 2000-01-01).
    /// (cairo 1.16 ignores SOURCE_DATE_EPOCH and would write the current local time; galley
    /// always sets the dates itself.)
    public static func reproducibleDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        ReproducibleDate.iso8601(environment: environment)
    }
}
