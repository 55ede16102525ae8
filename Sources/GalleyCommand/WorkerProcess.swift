// A worker process under supervision: send a request, wait for its answer with a deadline.

import Foundation
import Galley

/// One `galley worker` child process, owned by one supervising thread.
final class WorkerProcess {
    enum Failure: Error {
        case timedOut
        case exited(String)
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    private let encoder = WorkerCoding.encoder()
    private let decoder = WorkerCoding.decoder()

    /// Starts `executable worker ARGUMENTS`.
    init(executable: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["worker"] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func send(_ request: WorkerRequest) throws {
        var data = try encoder.encode(request)
        data.append(0x0A)
        try input.fileHandleForWriting.write(contentsOf: data)
    }

    /// The next answer, or why there is none: the deadline passed (the worker hangs) or the
    /// worker exited (it crashed, or ran out of memory).
    func receive(timeout: Double) -> Result<WorkerResponse, Failure> {
        let fd = output.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if let response = try? decoder.decode(WorkerResponse.self, from: line) { return .success(response) }
                continue
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .failure(.timedOut) }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { return .failure(.exited(reasonForExit())) }
            guard ready > 0 else { continue }
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { return .failure(.exited(reasonForExit())) }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Kills the worker and waits for it.
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Closes its input (the worker then ends by itself) and waits.
    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private func reasonForExit() -> String {
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return "the renderer crashed (signal \(process.terminationStatus))"
        }
        return "the renderer exited with status \(process.terminationStatus)"
    }
}
