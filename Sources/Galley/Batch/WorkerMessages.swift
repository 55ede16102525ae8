// The messages between `galley batch` and its `galley worker` processes (one JSON per line).

/// What the supervisor asks a worker to render.
public struct WorkerRequest: Codable, Sendable {
    public var job: BatchJob
    /// The output folder; files go to `folder/job.outputName.pdf`, `-1.svg`, …
    public var folder: String
    public var formats: [String]
    public var dpi: Double
    public var emit: [String]

    public init(job: BatchJob, folder: String, formats: [String], dpi: Double, emit: [String]) {
        self.job = job
        self.folder = folder
        self.formats = formats
        self.dpi = dpi
        self.emit = emit
    }
}

/// What a worker answers for one request.
public struct WorkerResponse: Codable, Sendable {
    public var key: String
    public var ok: Bool
    public var reason: String?
    public var pages: Int
    public var warnings: Int
    public var diagnostics: [String]
    public var milliseconds: Double
    /// Output files relative to the output folder.
    public var outputs: [String]
    public var report: TypographyFigures?
    /// Milliseconds per stage (decode, parse, normalize, layout, render, write).
    public var stages: [String: Double]? = nil

    public init(
        key: String, ok: Bool, reason: String?, pages: Int, warnings: Int, diagnostics: [String], milliseconds: Double,
        outputs: [String], report: TypographyFigures?
    ) {
        self.key = key
        self.ok = ok
        self.reason = reason
        self.pages = pages
        self.warnings = warnings
        self.diagnostics = diagnostics
        self.milliseconds = milliseconds
        self.outputs = outputs
        self.report = report
    }
}

/// The headline figures of an article's typography report, for the batch report.
public struct TypographyFigures: Codable, Sendable {
    public var justifiedLines: Int
    public var looseLines: Int
    public var veryLooseLines: Int
    public var hyphenatedLines: Int
    public var widows: Int
    public var orphans: Int
    public var overfullLines: Int
    public var panelsMoved: Int
}
