// An article after layout: its source, document, pages and diagnostics.

import GalleyCore
import GalleyLayout
import GalleyMarkup

/// A typeset article: what came in, what it became, and what was noticed on the way.
public struct Article: Sendable {
    public var source: SourceFile
    public var document: Document
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
    public var encoding: InputEncoding
    /// Panels that could not stand where their directive stands and moved to a later page.
    public var floatedPanels: Int = 0
    /// Milliseconds per stage: decode, parse, normalize, layout (render adds itself).
    public var timings: [String: Double] = [:]
    /// The name of the template the article was set with.
    public var templateName: String = "default"
    /// The source's name as outputs state it (`--source`, else the file name without
    /// folders): the same bytes from any working directory.
    public var sourceName: String = ""

    /// The typography figures of the article (`--emit report`).
    public var report: TypographyReport { TypographyReport(pages: pages, panelsMoved: floatedPanels) }

    /// The headline as plain text (empty when the article has none).
    public var title: String { document.headline?.string ?? "" }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
