// The preview's values: articles, pages, diagnostics and highlight boxes, all Sendable.

/// A rectangle on a page in points, origin at the page's top left.
public struct PageBox: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
}

/// One diagnostic as the preview shows it.
public struct PreviewDiagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable { case note, warning, error }
    public var severity: Severity
    public var code: String
    public var message: String
    /// 1-based line and column; nil for the file as a whole.
    public var line: Int?
    public var column: Int?
    /// `path:line:column: severity: message`, as the command line prints it.
    public var formatted: String
    /// Where it applies on the pages: the page number (1-based) and the boxes of the lines
    /// its span touches. Empty when it points at nothing drawn.
    public var page: Int?
    public var boxes: [PageBox] = []
}

/// One rendered page: its SVG file and its size in points.
public struct PreviewPage: Sendable, Hashable {
    public var number: Int
    public var fileName: String
    public var width: Double
    public var height: Double
}

/// One article of the preview.
public struct PreviewArticle: Sendable {
    /// The input as given (`samples/ru.txt`).
    public var sourcePath: String
    /// The article's name: its file name without extension.
    public var name: String
    /// The folder of its files relative to the preview's root ("" for a single input).
    public var folder: String
    public var title: String
    public var pages: [PreviewPage]
    public var diagnostics: [PreviewDiagnostic]
    /// Each page's SVG bytes, in page order.
    public var svgFiles: [[UInt8]]
    /// The input could not be rendered this time (the diagnostics say why).
    public var failed = false
    /// The pages shown are those of the last render that worked, not of the current input.
    public var stale = false

    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}
