// The messages between `galley batch` and its `galley worker` processes (one JSON per line).

import Foundation
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

/// The JSON coders of the worker protocol, one setting on both sides: a NaN or an infinity in
/// a figure (a gap ratio, a stage time) is written as a string, not a failed answer.
public enum WorkerCoding {
    static let floats = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: floats.positiveInfinity, negativeInfinity: floats.negativeInfinity, nan: floats.nan)
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: floats.positiveInfinity, negativeInfinity: floats.negativeInfinity, nan: floats.nan)
        return decoder
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
    /// What the article's directives found in the assets folder, for the cache key.
    public var assets: AssetUse.Record? = nil
    /// The encoding the input was read in (`utf-8`, `windows-1251`, `ibm866`, …): with the
    /// `assumed-encoding` warning, which inputs of an archive were guessed.
    public var encoding: String? = nil

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

    /// The answer for an input that was not rendered: its key and why (reason nil while it is
    /// still being rendered).
    public static func failure(_ key: String, _ reason: String?) -> WorkerResponse {
        WorkerResponse(
            key: key, ok: false, reason: reason, pages: 0, warnings: 0, diagnostics: [], milliseconds: 0, outputs: [],
            report: nil)
    }
}
