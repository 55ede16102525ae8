// `galley batch`: render folders, file lists and JSON Lines dumps with supervised workers.

import ArgumentParser
import Foundation
import Galley
import GalleyLayout
import GalleyTemplates

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render many articles: folders, file lists or JSON Lines dumps, on every core.",
        discussion: """
            Inputs: folders (walked for *.txt; the output mirrors the tree), files, and .jsonl dumps \
            with one {"id", "title", "text", …} object per line (other fields such as date, url, \
            source, author fill the template's header and footer).

            Each input renders in a worker process; a crash or a hang (--timeout) costs only that \
            input. Files are written under a temporary name and renamed, so an interrupted batch \
            leaves only complete files. OUTDIR/.galley-manifest.json remembers what was rendered \
            from which content, template and galley version: a rerun renders only what changed \
            (--force renders everything). --shard K/N renders a stable K-th of N slices, for \
            running an archive across machines (docs/scale.md).

            --emit layout,report writes NAME.layout.json and NAME.report.json beside each input's \
            pages. --emit coco (with --format …,png) writes OUTDIR/annotations.coco.json: the PNG \
            pages of every input rendered in OUTDIR and their boxes, a layout dataset (each \
            input's NAME.layout.json is written too: the COCO file is gathered from them). \
            --report FILE adds the typography figures of all rendered inputs together.

            Exit status: 0 all rendered, 1 some inputs failed (or the batch was interrupted), 2 usage.
            """)

    @Argument(help: ArgumentHelp("Folders, article files or .jsonl dumps.", valueName: "input"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "folder"))
    var output: String = "output"

    @Option(help: ArgumentHelp("Output formats, one or a comma list: pdf, svg, png.", valueName: "formats"))
    var format: String = "pdf"

    @Option(help: ArgumentHelp("Resolution of PNG pages, dots per inch.", valueName: "dpi"))
    var dpi: Double = 150

    @Option(help: ArgumentHelp("Worker processes (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Seconds one input may take before its worker is stopped.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Render only the K-th of N stable slices of the inputs.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Write a JSON report of every input here.", valueName: "file"))
    var report: String?

    @Flag(help: "Render everything, even what the manifest says is up to date.")
    var force = false

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        guard OutputFormat.list(format) != nil else { throw ValidationError("--format takes pdf, svg, png or a comma list, not '\(format)'") }
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be from 1 to 256") }
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, such as 2/8") }
        try shared.validateEmits(formats: OutputFormat.list(format))
    }

    func run() throws {
        let template: Template
        do { template = try shared.loadTemplate() } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            throw ExitCode(failure.status)
        }
        var all: [BatchJob]
        do { all = try BatchInputs.list(inputs) } catch {
            FileHandle.standardError.write(Data("galley: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let shard = self.shard.flatMap(Shard.init)
        if let shard { all = all.filter { shard.contains($0.key) } }
        let formats = (OutputFormat.list(format) ?? [.pdf]).map(\.rawValue)
        let coco = shared.emits?.contains("coco") == true
        // What each input writes beside its pages. The COCO file is gathered from the layout
        // files, so coco asks the workers for layout (and a batch that already wrote layout
        // and PNG pages does not render again for it).
        let emits = Array((shared.emits ?? []).subtracting(["coco"]).union(coco ? ["layout"] : [])).sorted()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        OutputSweeper.removeTemporaryFiles(in: output)

        // What decides the pages besides the input: template, version, options.
        let settings = [
            TemplatePrinter.print(template), GalleyVersion.current, formats.joined(separator: ","), String(dpi),
            emits.joined(separator: ","), CommandLine.arguments.filter { $0.hasPrefix("--no-") || $0.hasPrefix("--lang") || $0.hasPrefix("--keep") }.joined(),
        ].joined(separator: "\u{1}")
        let settingsBytes = Array(settings.utf8)
        var manifest = BatchManifest.load(from: output)
        // Per input the parent keeps only what the answers need: the request, and the
        // fingerprint its manifest entry will record (the list of all inputs only for COCO).
        var fingerprints: [String: String] = [:]
        var requests: [WorkerRequest] = []
        for job in all {
            let fingerprint = job.fingerprint(settings: settingsBytes)
            guard force || !manifest.isCurrent(job.key, fingerprint: fingerprint, in: output) else { continue }
            fingerprints[job.key] = fingerprint
            requests.append(WorkerRequest(job: job, folder: output, formats: formats, dpi: dpi, emit: emits))
        }
        let inputCount = all.count
        let skipped = inputCount - requests.count
        if !coco { all = [] }
        // Listing and fingerprinting read every input once; give back what that left free.
        releaseFreeMemory()
        FileHandle.standardError.write(
            Data("galley batch: \(inputCount) input\(inputCount == 1 ? "" : "s"), \(requests.count) to render, \(skipped) up to date; \(min(jobs, max(1, requests.count))) worker\(jobs == 1 ? "" : "s")\n".utf8))

        let supervisor = BatchSupervisor(
            executable: Self.executablePath, workerArguments: Self.workerArguments(),
            workers: min(jobs, max(1, requests.count)), timeout: timeout)
        let start = Date()
        let progress = BatchProgress(total: requests.count)
        // What the end needs, gathered as answers come: nothing kept per input unless the
        // report (which lists every input) or the COCO file (which names them) asks for it.
        var tally = TypographyTally()
        var rendered = 0
        var failed = 0
        var kept: [WorkerResponse] = []
        var renderedNow = Set<String>()
        let answered = supervisor.run(requests) { response in
            progress.record(failed: !response.ok)
            if report != nil {
                var entry = response
                entry.gapRatios = nil  // only for the p95, which the tally has
                kept.append(entry)
            }
            if response.ok {
                rendered += 1
                if let report = response.report { tally.add(report, gapRatios: response.gapRatios ?? []) }
                if coco { renderedNow.insert(response.key) }
                manifest.entries[response.key] = BatchManifest.Entry(fingerprint: fingerprints[response.key] ?? "", outputs: response.outputs)
            } else {
                failed += 1
                manifest.entries[response.key] = nil
                FileHandle.standardError.write(Data("\(response.key): error: \(response.reason ?? "failed")\n".utf8))
            }
            if supervisor.shouldSaveManifest() {
                try? manifest.save(to: output)
                // Encoding the manifest makes a transient copy as large as the manifest; give the
                // freed memory back, or the heap keeps the largest so far and grows with the run.
                releaseFreeMemory()
            }
        }
        try? manifest.save(to: output)
        OutputSweeper.removeTemporaryFiles(in: output)
        var cocoWritten = true
        if coco {
            // Every input that is rendered now: up to date, or rendered by this run.
            let pendingKeys = Set(requests.map(\.job.key))
            cocoWritten = writeCoco(all.filter { !pendingKeys.contains($0.key) || renderedNow.contains($0.key) }, shard: shard)
        }

        let notRun = requests.count - answered
        let seconds = Date().timeIntervalSince(start)
        var summary = "galley batch: \(rendered) rendered, \(skipped) up to date, \(failed) failed in \(String(format: "%.1f", seconds)) s"
        if supervisor.wasInterrupted {
            summary += "; interrupted with \(notRun) not rendered. Run the same command again to resume"
        }
        let typography = tally.total
        if rendered > 0 { summary += "\ngalley batch: typography of the \(rendered) rendered: \(typography.summary)" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if let report {
            let document = BatchReport(
                inputs: inputCount, rendered: rendered, upToDate: skipped, failed: failed, notRun: notRun, seconds: seconds,
                typography: typography, results: kept)
            do { try AtomicFile.write(try DataFile.encode(document), to: report) } catch {
                FileHandle.standardError.write(Data("galley: error: cannot write the report: \(error)\n".utf8))
            }
        }
        if failed > 0 || supervisor.wasInterrupted || !cocoWritten { throw ExitCode(1) }
    }

    /// Writes the batch's COCO file (`OUTDIR/annotations.coco.json`) for `jobs`, sorted by key.
    /// Returns whether it could be written.
    private func writeCoco(_ jobs: [BatchJob], shard: Shard?) -> Bool {
        let (dataset, problems) = BatchCoco.gather(jobs, folder: output, dpi: dpi, version: GalleyVersion.current)
        for problem in problems { FileHandle.standardError.write(Data("galley: warning: \(problem); left out of the COCO file\n".utf8)) }
        let path = (output as NSString).appendingPathComponent(BatchCoco.fileName(shard: shard))
        do { try AtomicFile.write(try dataset.encoded(), to: path) } catch {
            FileHandle.standardError.write(Data("galley: error: cannot write \(path): \(error)\n".utf8))
            return false
        }
        return true
    }

    /// This executable, to start workers with.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The shared options to hand on to the workers, as given on this command line.
    static func workerArguments() -> [String] {
        var arguments: [String] = []
        var pass = false
        let shared: Set<String> = [
            "--template", "--assets", "--lang", "--encoding", "--max-input", "--max-pages", "--diagnostics",
        ]
        let flags: Set<String> = ["--no-typography", "--no-microtype", "--keep-artefacts"]
        for argument in CommandLine.arguments.dropFirst(2) {
            if pass {
                arguments.append(argument)
                pass = false
            } else if flags.contains(argument) {
                arguments.append(argument)
            } else if let name = argument.split(separator: "=").first.map(String.init), shared.contains(name) {
                arguments.append(argument)
                pass = !argument.contains("=")
            }
        }
        return arguments
    }
}

/// The batch report (`--report FILE`).
struct BatchReport: Encodable {
    var inputs: Int
    var rendered: Int
    var upToDate: Int
    var failed: Int
    var notRun: Int
    var seconds: Double
    /// The typography figures of the inputs this run rendered, together.
    var typography: TypographyReport
    var results: [WorkerResponse]

    init(
        inputs: Int, rendered: Int, upToDate: Int, failed: Int, notRun: Int, seconds: Double, typography: TypographyReport,
        results: [WorkerResponse]
    ) {
        self.inputs = inputs
        self.rendered = rendered
        self.upToDate = upToDate
        self.failed = failed
        self.notRun = notRun
        self.seconds = seconds
        self.typography = typography
        self.results = results
    }
}

/// Removes temporary files a killed writer left (`.NAME.PID.tmp`): never a partial output.
enum OutputSweeper {
    static func removeTemporaryFiles(in folder: String) {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix("."), name.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(relative))
            }
        }
    }
}
