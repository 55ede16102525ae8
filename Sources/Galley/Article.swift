// An article after layout: its source, document, pages and diagnostics.

import GalleyCore
import GalleyMarkup

/// A typeset article: what came in, what it became, and what was noticed on the way.
public struct Article: Sendable {
    public var source: SourceFile
    public var document: Document
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
    public var encoding: InputEncoding

    /// The headline as plain text (empty when the article has none).
    public var title: String { document.headline?.string ?? "" }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
