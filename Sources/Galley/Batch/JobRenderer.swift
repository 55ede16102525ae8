// Renders one batch job inside a worker: typeset, write every format atomically, report.

import Foundation
import GalleyLayout

/// Renders batch jobs with one typesetter (one per worker process, reused for every job).
public struct JobRenderer {
    public let typesetter: Typesetter
    public let options: ConvertOptions

    public init(typesetter: Typesetter, options: ConvertOptions) {
        self.typesetter = typesetter
        self.options = options
    }

    public func render(_ request: WorkerRequest) -> WorkerResponse {
        let start = DispatchTime.now()
        let job = request.job
        var response = WorkerResponse.failure(job.key, nil)
        do {
            if let error = job.fields["error"] { throw GalleyError(.input, error, path: job.key) }
            Self.injectTestFault(job)
            let bytes = try job.markup(limit: options.maxInputBytes)
            var options = self.options
            options.sourceName = job.fields["source"] ?? options.sourceName
            options.date = job.fields["date"] ?? options.date
            let article = try typesetter.typeset(bytes, path: job.sourceName, options: options)
            response.encoding = article.encoding.name
            var outputs: [String] = []
            var stages = article.timings
            var clock = StageClock()
            func write(_ files: [[UInt8]], _ format: OutputFormat) throws(GalleyError) {
                let names = format.fileNames(for: job.outputName, pages: files.count)
                for (bytes, name) in zip(files, names) {
                    try AtomicFile.write(bytes, to: (request.folder as NSString).appendingPathComponent(name))
                    outputs.append(name)
                }
            }
            for name in request.formats {
                let files: [[UInt8]]
                switch OutputFormat(rawValue: name) {
                case .pdf: files = [try typesetter.pdf(article, standards: options.pdfStandards)]
                case .svg: files = try typesetter.svg(article)
                case .png: files = try typesetter.png(article, dpi: request.dpi)
                case nil: files = []
                }
                clock.lap("render")
                if let format = OutputFormat(rawValue: name) { try write(files, format) }
                clock.lap("write")
            }
            stages.merge(clock.laps) { $0 + $1 }
            response.stages = stages
            let report = article.report
            func writeData(_ encode: () throws -> [UInt8], suffix: String) throws(GalleyError) {
                guard let bytes = try? encode() else { throw GalleyError(.output, "cannot encode the \(suffix)", path: job.key) }
                let name = job.outputName + "." + suffix
                try AtomicFile.write(bytes, to: (request.folder as NSString).appendingPathComponent(name))
                outputs.append(name)
            }
            if request.emit.contains("layout") {
                let dpi = request.formats.contains("png") ? request.dpi : nil
                try writeData({ try LayoutJSON(article: article, dpi: dpi).encoded() }, suffix: "layout.json")
            }
            if request.emit.contains("report") {
                try writeData({ try DataFile.encode(report) }, suffix: "report.json")
            }
            response.ok = true
            response.pages = article.pages.count
            response.warnings = article.diagnostics.filter { $0.severity == .warning }.count
            response.diagnostics = article.diagnostics.map { $0.formatted(in: article.source) }
            response.outputs = outputs
            response.report = report
            response.gapRatios = TypographyReport.justifiedGapRatios(in: article.pages)
            var hashes: [String: String] = [:]
            response.assets = AssetUse.record(
                ids: article.document.directives.map(\.id), folder: options.assetsFolder(forInput: job.sourceName),
                hashes: &hashes)
        } catch let error as GalleyError {
            response.reason = error.message
        } catch {
            response.reason = "\(error)"
        }
        response.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return response
    }

    /// Test support, active only under `GALLEY_TEST_FAULTS=1`: an input containing
    /// `#{galley-test=crash}` crashes the worker and `#{galley-test=hang}` hangs it, so the
    /// tests can show that a batch survives both. Never active in normal runs.
    private static let faultsAreOn = ProcessInfo.processInfo.environment["GALLEY_TEST_FAULTS"] == "1"

    private static func injectTestFault(_ job: BatchJob) {
        guard faultsAreOn else { return }
        let text = (try? job.markup(limit: 1 << 24)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if text.contains("#{galley-test=crash}") { abort() }
        if text.contains("#{galley-test=hang}") { while true { sleep(60) } }
    }
}
