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
            leaves only complete files. OUTDIR/.galley-manifest.jsonl remembers what was rendered \
            from which content, options, template, galley version and asset files: a rerun renders \
            only what changed (--force renders everything). --shard K/N renders a stable K-th of N slices, for \
            running an archive across machines (docs/scale.md).

            --emit layout,report writes NAME.layout.json and NAME.report.json beside each input's \
            pages. --emit coco (with --format …,png) writes OUTDIR/annotations.coco.json: the PNG \
            pages of every input rendered in OUTDIR and their boxes, a layout dataset (each \
            input's NAME.layout.json is written too: the COCO file is gathered from them). \
            --report FILE adds the typography figures of all rendered inputs together.

            Output names: each input's path relative to its folder, mirrored (with several inputs, \
            each folder's own name first); a dump's articles as DUMP/ID, an id with characters a \
            file name cannot hold cleaned and given -HASH8 (a/b → a_b-c14cddc0). A name two inputs \
            would share (compared in NFC and without case) gets -2, -3 with a warning naming both; \
            the report maps each input to its files. Links (.txt or folders) are followed only while they stay inside the input folder.

            Several batches may write into one folder at once (shards): OUTDIR/.galley-manifest.jsonl \
            is an append-only log they share, and each removes only its own temporary files. \
            --report lists every input, rendered now or earlier (a resumed run's report is complete).

            Exit status: 0 all rendered; 3 the batch finished and some inputs failed (each in the \
            report: do not retry); 1 the batch could not finish (interrupted, output or manifest not \
            writable: retry); 2 usage or template error.
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
        // A report that cannot be written is found now, not after hours of rendering.
        if let report {
            // Its folder may not exist yet (the batch makes the output folder it often lies
            // in): the nearest folder that exists must be writable.
            var folder = (report as NSString).deletingLastPathComponent
            while !folder.isEmpty, folder != "/", access(folder, F_OK) != 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
            if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
                FileHandle.standardError.write(
                    Data("galley: error: cannot write the report \(report): \(String(cString: strerror(errno)))\n".utf8))
                throw ExitCode(1)
            }
        }
        // A missing input, said before the output folder is made: exit 1, as for convert, since
        // retrying can help (an archive volume mounted late), where 2 would stop a Kubernetes Job.
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            FileHandle.standardError.write(Data("galley: error: \(input): no such file or folder\n".utf8))
            throw ExitCode(1)
        }
        let log: ManifestLog
        do {
            try Folders.create(output)
            log = try ManifestLog(folder: output)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        // Every input is listed and named, in every shard, so that the shards agree on names;
        // a shard then queues its own. All of it goes to an index on disk beside the outputs
        // (BatchIndex): the parent's memory is the same for ten inputs and a million.
        let index: BatchIndex
        do { index = try BatchIndex(folder: output) } catch {
            FileHandle.standardError.write(Data("galley: error: cannot make the batch's index in \(output): \(error)\n".utf8))
            throw ExitCode(1)
        }
        do { try BatchInputs.list(inputs, maxLine: shared.maxInput, into: index) } catch {
            FileHandle.standardError.write(Data("galley: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        do {
            return try run(index: index, log: log, template: template)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("galley: error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func run(index: BatchIndex, log: ManifestLog, template: Template) throws {
        let shard = self.shard.flatMap(Shard.init)
        try index.forEachWarning {
            FileHandle.standardError.write(Data("galley batch: warning: \($0)\n".utf8))
        }
        let formats = (OutputFormat.list(format) ?? [.pdf]).map(\.rawValue)
        let coco = shared.emits?.contains("coco") == true
        // What each input writes beside its pages. The COCO file is gathered from the layout
        // files, so coco asks the workers for layout (and a batch that already wrote layout
        // and PNG pages does not render again for it).
        let emits = Array((shared.emits ?? []).subtracting(["coco"]).union(coco ? ["layout"] : [])).sorted()

        // What decides the pages besides the input and the assets it uses: one value.
        let options = shared.convertOptions
        let settings = RenderSettings(
            template: template, options: options, formats: formats, dpi: dpi, emit: emits, galleyVersion: GalleyVersion.current)
        let settingsFingerprint = settings.fingerprint
        let settingsBytes = Array(settingsFingerprint.utf8)
        // Held until the batch ends: a run with other settings into this folder stops at once.
        let claim: SettingsLock
        do { claim = try SettingsLock(folder: output, fingerprint: settingsFingerprint) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        defer { withExtendedLifetime(claim) {} }
        let unreadable = try BatchManifest.load(from: output, into: index) { key in shard?.contains(key) ?? true }
        if unreadable > 0 {
            FileHandle.standardError.write(
                Data("galley batch: warning: \(unreadable) unreadable line\(unreadable == 1 ? "" : "s") in \(log.path) skipped (a write cut short); those inputs render again\n".utf8))
        }
        // Each input of this shard is up to date (its report entry recorded now) or queued
        // with the fingerprint its manifest record will carry.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var assetHashes: [String: String] = [:]
        var inputCount = 0
        var skipped = 0
        try index.transaction {
            try index.forEachJob { job in
                if let shard, !shard.contains(job.key) { return }
                inputCount += 1
                let fingerprint = job.fingerprint(settings: settingsBytes, limit: shared.maxInput)
                if !force, job.fields["error"] == nil,
                    let entry = BatchManifest.current(
                        try index.manifestEntry(job.key), fingerprint: fingerprint,
                        assetsFolder: options.assetsFolder(forInput: job.sourceName), in: output, hashes: &assetHashes)
                {
                    skipped += 1
                    if report != nil {
                        try index.recordResult(
                            key: job.key, encoded: Array(try encoder.encode(BatchReport.result(upToDate: entry, name: job.outputName))))
                    }
                    return
                }
                try index.enqueue(job, fingerprint: fingerprint)
            }
        }
        assetHashes = [:]
        let queued = inputCount - skipped
        // Listing and fingerprinting read every input once; give back what that left free.
        releaseFreeMemory()
        let workers = min(jobs, max(1, queued))
        FileHandle.standardError.write(
            Data("galley batch: \(inputCount) input\(inputCount == 1 ? "" : "s")\(shard.map { " in shard \($0.index)/\($0.count)" } ?? ""), \(queued) to render, \(skipped) up to date; \(workers) worker\(workers == 1 ? "" : "s")\n".utf8))

        // The workers name their temporary files with this run's tag, so that the files of a
        // worker that is killed can be removed without touching another run's.
        setenv(TemporaryFiles.tagVariable, TemporaryFiles.tag, 1)
        let supervisor = BatchSupervisor(
            executable: Self.executablePath, workerArguments: Self.workerArguments(), workers: workers, timeout: timeout)
        let start = Date()
        let progress = BatchProgress(total: queued)
        // What the end needs, gathered as answers come; per input, only in the index.
        var tally = TypographyTally()
        var rendered = 0
        var failed = 0
        var logFailure: String?
        var indexFailure: Error?
        let answered = supervisor.run(
            next: {
                do {
                    return try index.nextQueued().map {
                        WorkerRequest(job: $0, folder: output, formats: formats, dpi: dpi, emit: emits)
                    }
                } catch {
                    indexFailure = indexFailure ?? error
                    return nil
                }
            },
            onResult: { response in
                progress.record(failed: !response.ok)
                var queuedAs: (fingerprint: String, name: String)?
                do {
                    queuedAs = try index.answer(response.key, ok: response.ok)
                    if report != nil {
                        try index.recordResult(
                            key: response.key,
                            encoded: Array(try encoder.encode(BatchReport.result(response, name: queuedAs?.name ?? ""))))
                    }
                } catch {
                    indexFailure = indexFailure ?? error
                }
                if response.ok {
                    rendered += 1
                    if let report = response.report { tally.add(report, gapRatios: response.gapRatios ?? []) }
                } else {
                    failed += 1
                    FileHandle.standardError.write(Data("\(response.key): error: \(response.reason ?? "failed")\n".utf8))
                }
                let entry = BatchManifest.Entry(
                    key: response.key, status: response.ok ? .rendered : .failed, fingerprint: queuedAs?.fingerprint ?? "",
                    assets: response.assets, outputs: response.outputs, pages: response.pages, warnings: response.warnings,
                    reason: response.reason, milliseconds: response.milliseconds)
                do { try log.append(entry) } catch {
                    // Said once: the renders go on, and the run ends with status 1 (a rerun renders
                    // again what the manifest lacks).
                    if logFailure == nil {
                        logFailure = "\(error)"
                        FileHandle.standardError.write(Data("\(error)\n".utf8))
                    }
                }
            })
        if let indexFailure { throw indexFailure }
        // An unsharded run sees every record: it drops the superseded ones, when they are
        // at least half the log (shards running at the same time keep appending safely).
        if shard == nil, !supervisor.wasInterrupted, logFailure == nil {
            do {
                let dropped = try log.compactIfWorthIt()
                if dropped > 0 {
                    FileHandle.standardError.write(Data("galley batch: manifest compacted: \(dropped) superseded records dropped\n".utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("galley batch: warning: \(error)\n".utf8))
            }
        }
        var cocoWritten = true
        if coco {
            // Every input that is rendered now: up to date, or rendered by this run (and not
            // failed). The COCO file lists them all, so it is gathered in memory.
            var covered: [BatchJob] = []
            try index.forEachJob { job in
                if let shard, !shard.contains(job.key) { return }
                if try index.isRenderedOrUpToDate(job.key) { covered.append(job) }
            }
            cocoWritten = writeCoco(covered, shard: shard)
        }

        let notRun = queued - answered
        let seconds = Date().timeIntervalSince(start)
        var summary = "galley batch: \(rendered) rendered, \(skipped) up to date, \(failed) failed in \(String(format: "%.1f", seconds)) s"
        if supervisor.wasInterrupted {
            summary += "; interrupted with \(notRun) not rendered. Run the same command again to resume"
        }
        if logFailure != nil {
            summary += "; the manifest could not record them (above), so the next run renders them again"
        }
        let typography = tally.total
        if rendered > 0 { summary += "\ngalley batch: typography of the \(rendered) rendered: \(typography.summary)" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        let crashed = supervisor.wasInterrupted || logFailure != nil || !cocoWritten
        let status: Int32 = crashed ? 1 : failed > 0 ? 3 : 0
        if let report {
            try index.forEachUnanswered { job in
                try index.recordResult(key: job.key, encoded: Array(try encoder.encode(BatchReport.result(notRun: job))))
            }
            let head = BatchReport.Head(
                inputs: inputCount, rendered: rendered, upToDate: skipped, failed: failed, notRun: notRun, seconds: seconds,
                shard: shard.map { "\($0.index)/\($0.count)" }, status: status, typography: typography)
            do { try head.write(to: report, index: index) } catch {
                let reason = (error as? GalleyError).map { "\($0.path ?? report): \($0.message)" } ?? "\(report): \(error)"
                FileHandle.standardError.write(Data("galley: error: cannot write the report \(reason)\n".utf8))
                throw ExitCode(1)
            }
        }
        if failed > 0 && status == 3 {
            FileHandle.standardError.write(
                Data("galley batch: finished; \(failed) input\(failed == 1 ? "" : "s") failed\(report.map { ", each named in \($0)" } ?? " (named above)"): exit status 3\n".utf8))
        }
        if status != 0 { throw ExitCode(status) }
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
}
