// Runs batch requests on worker processes, one supervising thread each; survives crashes,
// hangs and Ctrl-C.

import Foundation
import Galley

/// Hands requests to `workers` worker processes and passes their answers on as they come.
///
/// Each supervising thread owns one worker process: it keeps two requests in the worker's
/// pipe, waits for each answer up to `timeout`, and on a hang or a crash kills the worker,
/// records the input it was rendering as failed with the reason, and gives the one behind it
/// and the next inputs to a fresh worker. Ctrl-C stops handing out
/// work, kills the workers and returns what is done.
final class BatchSupervisor: @unchecked Sendable {
    // Mutable state is touched only under `lock`.
    private let lock = NSLock()
    private let executable: String
    private let workerArguments: [String]
    private let workers: Int
    private let timeout: Double
    /// Hands out the next request (called under `lock`), nil when there is none: the
    /// requests are read lazily from the batch's index, never held as a list.
    private var nextRequest: () -> WorkerRequest? = { nil }
    /// How many requests were answered (rendered or failed); the answers themselves go to
    /// `onResult` and are not kept, so that a long batch runs in flat memory.
    private var answered = 0
    private var interrupted = false
    private var live: [Int32: WorkerProcess] = [:]
    private var onResult: (WorkerResponse) -> Void = { _ in }

    init(executable: String, workerArguments: [String], workers: Int, timeout: Double) {
        self.executable = executable
        self.workerArguments = workerArguments
        self.workers = workers
        self.timeout = timeout
    }

    var wasInterrupted: Bool { lock.withLock { interrupted } }

    /// Runs every request that `next` hands out; `next` and `onResult` are called under the
    /// supervisor's lock, one at a time. Returns how many requests were answered (fewer than
    /// handed out after an interruption).
    func run(next: @escaping () -> WorkerRequest?, onResult: @escaping (WorkerResponse) -> Void) -> Int {
        nextRequest = next
        self.onResult = onResult
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        // A worker that crashes while its next request is on the way leaves a pipe without a
        // reader: the write must fail with EPIPE, not end the whole batch with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.interrupt() }
            source.resume()
            return source
        }
        defer {
            signals.forEach { $0.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            signal(SIGPIPE, SIG_DFL)
        }
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                supervise()
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return lock.withLock { answered }
    }

    private func interrupt() {
        let workers: [WorkerProcess] = lock.withLock {
            interrupted = true
            return Array(live.values)
        }
        FileHandle.standardError.write(Data("\ngalley batch: interrupted; stopping the workers…\n".utf8))
        for worker in workers { worker.kill() }
    }

    private func takeRequest() -> WorkerRequest? {
        lock.withLock {
            guard !interrupted else { return nil }
            return nextRequest()
        }
    }

    private func startWorker() -> WorkerProcess? {
        guard let worker = try? WorkerProcess(executable: executable, arguments: workerArguments) else { return nil }
        lock.withLock { live[worker.pid] = worker }
        return worker
    }

    private func retire(_ worker: WorkerProcess, kill: Bool) {
        lock.withLock { _ = live.removeValue(forKey: worker.pid) }
        if kill { worker.kill() } else { worker.finish() }
    }

    /// How many requests a worker holds at once: the one it renders and the next, already in
    /// its pipe, so that it never waits for the parent between two articles (that round trip
    /// was about 1 ms of every article's 12–16 on one worker).
    static let requestsInFlight = 2

    private func supervise() {
        var worker: WorkerProcess?
        // Sent to `worker` and not answered yet, oldest first: the worker renders them in
        // order, so the next answer is always the oldest's.
        var inFlight: [WorkerRequest] = []
        // Sent to a worker that crashed or hung on an earlier one: they go to the next worker
        // before anything new.
        var retry: [WorkerRequest] = []
        while true {
            while inFlight.count < Self.requestsInFlight, !wasInterrupted,
                let request = retry.isEmpty ? takeRequest() : retry.removeFirst()
            {
                if worker == nil { worker = startWorker() }
                guard let current = worker else {
                    record(failure(request, "cannot start a worker process"))
                    continue
                }
                do {
                    try current.send(request)
                    inFlight.append(request)
                } catch {
                    guard !inFlight.isEmpty else {
                        // It died before taking anything: this request is the only suspect.
                        retire(current, kill: true)
                        worker = nil
                        record(failure(request, "the worker stopped before taking the input"))
                        continue
                    }
                    // It died on one of those it holds: this one is innocent and waits for
                    // the next worker, and the answers below say which one it was.
                    retry.insert(request, at: 0)
                    break
                }
            }
            guard let current = worker, let oldest = inFlight.first else { break }
            // The worker starts on the oldest when it answers the one before it, so this wait
            // is the oldest's own rendering time.
            switch current.receive(timeout: timeout) {
            case .success(var response):
                // Answers come in order; one that names a later request means the answers
                // before it were lost (unreadable lines): those inputs fail, they are not
                // credited with another's pages.
                let position = inFlight.firstIndex { $0.job.key.utf8.elementsEqual(response.key.utf8) } ?? 0
                for lost in inFlight[..<position] { record(failure(lost, "the worker's answer could not be read")) }
                inFlight.removeFirst(position + 1)
                // A request the worker could not read is answered without its key.
                if position == 0 { response.key = oldest.job.key }
                record(response)
            case .failure(let reason):
                retire(current, kill: true)
                worker = nil
                // A killed worker cannot remove the temporary files it was writing: remove
                // those of this run's tag for the inputs it held (nobody else's).
                for request in inFlight { TemporaryFiles.removeLeftovers(of: request.job.outputName, in: request.folder) }
                if wasInterrupted { return }
                switch reason {
                case .timedOut: record(failure(oldest, "timed out after \(Int(timeout)) s (--timeout)"))
                case .exited(let why): record(failure(oldest, why))
                }
                // The ones behind it were not rendered: they go to a fresh worker.
                retry = Array(inFlight.dropFirst()) + retry
                inFlight = []
            }
        }
        if let worker { retire(worker, kill: false) }
    }

    private func failure(_ request: WorkerRequest, _ reason: String) -> WorkerResponse {
        .failure(request.job.key, reason)
    }

    private func record(_ response: WorkerResponse) {
        lock.withLock {
            answered += 1
            onResult(response)
        }
    }
}
