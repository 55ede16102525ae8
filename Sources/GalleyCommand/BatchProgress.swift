// Progress of a batch on standard error: a bar on a terminal, plain lines otherwise.

import Foundation

/// Shows done/total, articles per second, time left and failures so far.
final class BatchProgress: @unchecked Sendable {
    // Only touched under `lock` (called from the supervising threads).
    private let lock = NSLock()
    private let total: Int
    private let start = Date()
    private var lastPrint = Date.distantPast
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private(set) var done = 0
    private(set) var failed = 0

    init(total: Int) { self.total = total }

    func record(failed didFail: Bool) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if didFail { failed += 1 }
        let now = Date()
        let interval = isTerminal ? 0.1 : 5
        guard now.timeIntervalSince(lastPrint) >= interval || done == total else { return }
        lastPrint = now
        FileHandle.standardError.write(Data(line(now).utf8))
    }

    private func line(_ now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let eta = String(format: "%d:%02d", Int(left) / 60, Int(left) % 60)
        let figures = "\(done)/\(total)  \(String(format: "%.1f", rate))/s  left \(eta)  failed \(failed)"
        guard isTerminal else { return "galley batch: \(figures)\n" }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "") + String(repeating: " ", count: max(0, width - filled - 1))
        return "\r[\(bar)] \(figures)" + (done == total ? "\n" : "")
    }
}
