// The batch report (`--report FILE`): every input of the run, rendered now or earlier.

import Foundation
import Galley
import GalleyLayout

/// The batch report: its head (`Head`), the listing's `warnings` and `results`, one entry per input of the run (of the shard, with
/// `--shard`): rendered by this run, up to date (rendered by an earlier run, from the
/// manifest), failed, or not run (the batch was interrupted first). So the report of a
/// resumed run, or of a pod's third retry, still names every input.
enum BatchReport {
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

    /// The report without its entries: written first, then the entries are streamed from
    /// the batch's index (a report of a million inputs is never held).
    struct Head: Encodable {
        var inputs: Int
        var rendered: Int
        var upToDate: Int
        var failed: Int
        var notRun: Int
        var seconds: Double
        var shard: String?
        var status: Int32
        var typography: TypographyReport

        /// Writes the report to `path`: this head's fields, `warnings` and `results` from
        /// `index` (entries in key order), through a temporary file renamed at the end.
        func write(to path: String, index: BatchIndex) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            var head = [UInt8](try encoder.encode(self))
            // The head's object stays open: warnings and results follow as two more keys.
            while let last = head.last, last == 0x7D || last == 0x0A || last == 0x20 { head.removeLast() }
            let file = try StreamedFile(path: path)
            try file.append(head)
            try file.append(Array(",\n  \"warnings\" : [".utf8))
            var first = true
            try index.forEachWarning { warning in
                try file.append(Array(((first ? "\n    " : ",\n    ") + String(decoding: try encoder.encode(warning), as: UTF8.self)).utf8))
                first = false
            }
            try file.append(Array("\n  ],\n  \"results\" : [".utf8))
            first = true
            try index.forEachResult { entry in
                try file.append(Array((first ? "\n    " : ",\n    ").utf8))
                try file.append(entry)
                first = false
            }
            try file.append(Array("\n  ]\n}\n".utf8))
            try file.commit()
        }
    }

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
