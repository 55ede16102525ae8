// A loopback HTTP client on raw sockets and a galley server process, for the preview tests.

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to 127.0.0.1. Raw sockets rather than URLSession: the tests must send
/// paths exactly as written (`/../x`, `/%2e%2e/x`), which URL types would normalize first.
final class LoopbackConnection {
    private let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw TestFailure("cannot connect to 127.0.0.1:\(port)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw TestFailure("write failed") }
            sent += n
        }
    }

    /// Sends `bytes` until done or the server closes the connection (no SIGPIPE); returns how
    /// many were sent.
    @discardableResult
    func sendUntilClosed(_ bytes: [UInt8]) -> Int {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }
            sent += n
        }
        return sent
    }

    /// Everything received until the server closes the connection or `seconds` pass.
    func receiveAll(within seconds: Double) -> String {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let chunk = receive(within: max(0.05, deadline.timeIntervalSinceNow))
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes received within `seconds`; empty at the end of the stream or on timeout.
    func receive(within seconds: Double) -> [UInt8] {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n > 0 ? Array(buffer[0..<n]) : []
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A response: status code and body (headers dropped; chunked bodies are not decoded).
struct HTTPReply {
    var status: Int
    var body: String
}

/// GET `path` (sent as is) from 127.0.0.1:`port`, waiting at most `seconds` in all.
func httpGet(port: Int, _ path: String, seconds: Double = 10) throws -> HTTPReply {
    let connection = try LoopbackConnection(port: port)
    try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        let chunk = connection.receive(within: max(0.05, deadline.timeIntervalSinceNow))
        if chunk.isEmpty { break }
        bytes += chunk
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let headerEnd = text.range(of: "\r\n\r\n") else { throw TestFailure("no HTTP response for \(path): \(text.prefix(200))") }
    let statusLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first ?? ""
    let parts = statusLine.split(separator: " ")
    guard parts.count >= 2, let status = Int(parts[1]) else { throw TestFailure("bad status line: \(statusLine)") }
    return HTTPReply(status: status, body: String(text[headerEnd.upperBound...]))
}

/// `galley preview … --serve --port 0` running in the background, stopped by `stop()`.
final class PreviewServer {
    let process = Process()
    let errURL: URL
    private(set) var port = 0

    /// Starts galley and waits (at most `seconds`) for `Serving http://127.0.0.1:PORT/`.
    init(_ arguments: [String], in folder: URL, seconds: Double = 60) throws {
        errURL = folder.appendingPathComponent("server-stderr.txt")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: Paths.galley)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            if let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }),
                let port = Int(line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber })
            {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw TestFailure("the server did not start: \(stderr)")
    }

    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Terminates the server (SIGTERM, then SIGKILL after 5 s) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Reads server-sent events from `/events`: the `data:` values in order.
final class EventReader {
    private let connection: LoopbackConnection
    private var buffer = ""

    init(port: Int) throws {
        connection = try LoopbackConnection(port: port)
        try connection.send("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    /// The next `data:` value, waiting at most `seconds`.
    func next(within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let range = buffer.range(of: "data: ") {
                let rest = buffer[range.upperBound...]
                if let end = rest.firstIndex(of: "\n") {
                    let value = String(rest[..<end])
                    buffer = String(rest[end...])
                    return value
                }
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            let chunk = connection.receive(within: left)
            if chunk.isEmpty { return nil }
            buffer += String(decoding: chunk, as: UTF8.self)
        }
    }
}
