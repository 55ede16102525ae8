// The messages between `galley batch` and its `galley worker` processes (one JSON per line).

import GalleyLayout

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
    /// The article's typography figures.
    public var report: TypographyReport?
    /// Every justified body line's gap ratio, ascending: the batch's p95 over all lines is
    /// taken from these. Not written to the batch report.
    public var gapRatios: [Double]? = nil
    /// Milliseconds per stage (decode, parse, normalize, layout, render, write).
    public var stages: [String: Double]? = nil

    public init(
        key: String, ok: Bool, reason: String?, pages: Int, warnings: Int, diagnostics: [String], milliseconds: Double,
        outputs: [String], report: TypographyReport?
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
