// The batch report (`--report FILE`): every input of the run, rendered now or earlier.

import Foundation
import Galley
import GalleyLayout

/// The batch report. `results` holds one entry per input of the run (of the shard, with
/// `--shard`): rendered by this run, up to date (rendered by an earlier run, from the
/// manifest), failed, or not run (the batch was interrupted first). So the report of a
/// resumed run, or of a pod's third retry, still names every input.
struct BatchReport: Encodable {
    /// The status of one input in this report.
    enum Status: String, Encodable {
        case rendered, upToDate, failed, notRun
    }

    struct Result: Encodable {
        var key: String
        var status: Status
        var ok: Bool
        var reason: String?
        /// The output name (path without extension, relative to the output folder).
        var name: String
        var outputs: [String]
        var pages: Int?
        var warnings: Int?
        var milliseconds: Double?
        /// When an up-to-date input was rendered (from the manifest).
        var renderedAt: String?
        var report: TypographyReport?
        var stages: [String: Double]?
        var diagnostics: [String]?
        /// The encoding the input was read in (`utf-8`, `windows-1251`, …), when this run read it.
        var encoding: String? = nil
    }

    var inputs: Int
    var rendered: Int
    var upToDate: Int
    var failed: Int
    var notRun: Int
    var seconds: Double
    /// `K/N` when the run was one shard.
    var shard: String?
    /// Exit status of the run (0, 1, 3: README, exit status).
    var status: Int32
    /// Renamed outputs, repeated ids, refused links: each names the inputs involved.
    var warnings: [String]
    /// The typography figures of the inputs this run rendered, together.
    var typography: TypographyReport
    var results: [Result]

    static func result(_ response: WorkerResponse, name: String) -> Result {
        Result(
            key: response.key, status: response.ok ? .rendered : .failed, ok: response.ok, reason: response.reason,
            name: name, outputs: response.outputs, pages: response.ok ? response.pages : nil,
            warnings: response.ok ? response.warnings : nil, milliseconds: response.milliseconds, renderedAt: nil,
            report: response.report, stages: response.stages, diagnostics: response.diagnostics.isEmpty ? nil : response.diagnostics,
            encoding: response.encoding)
    }

    static func result(upToDate entry: BatchManifest.Entry, name: String) -> Result {
        Result(
            key: entry.key, status: .upToDate, ok: true, reason: nil, name: name, outputs: entry.outputs, pages: entry.pages,
            warnings: entry.warnings, milliseconds: entry.milliseconds, renderedAt: entry.at, report: nil, stages: nil,
            diagnostics: nil)
    }

    static func result(notRun job: BatchJob) -> Result {
        Result(
            key: job.key, status: .notRun, ok: false, reason: "not rendered: the batch was interrupted first", name: job.outputName,
            outputs: [], pages: nil, warnings: nil, milliseconds: nil, renderedAt: nil, report: nil, stages: nil, diagnostics: nil)
    }
}
