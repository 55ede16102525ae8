// Reads one HTTP/1.1 request head from a socket, within a size limit and a deadline.

import Foundation

/// The request line and headers of one request, read byte-bounded and time-bounded: a client
/// that sends a 1 MiB header gets 431 after the first 16 KiB, one that sends a byte every few
/// seconds is cut off at the deadline. The socket is blocking with a receive timeout, so a
/// connection never spins the processor.
struct RequestHead {
    var method: String
    var target: String
    var version: String
    /// Header names lowercased; a repeated header keeps its first value (a second `Host` is
    /// refused as malformed).
    var headers: [String: String]

    /// The most a head may take (request line and headers).
    static let sizeLimit = 16 * 1024

    enum Failure: Error {
        /// The connection closed, or timed out, before a request began: nothing to answer.
        case closed
        /// The head is larger than `sizeLimit`: 431.
        case tooLarge
        /// Not HTTP/1.x, a line without a colon, a repeated Host: 400.
        case malformed(String)
        /// The head did not complete before the deadline: 408.
        case timedOut
    }

    /// Reads a head from `socket`, consuming bytes left over in `buffer` first; what follows the
    /// head (a body, a pipelined request) stays in `buffer`.
    static func read(from socket: Int32, buffer: inout [UInt8], deadline: Date) throws(Failure) -> RequestHead {
        var searchFrom = 0
        while true {
            if let end = headEnd(buffer, from: searchFrom) {
                let head = Array(buffer[..<end])
                buffer.removeFirst(end + 4)
                return try parse(head)
            }
            guard buffer.count <= sizeLimit else { throw .tooLarge }
            guard Date() < deadline else { throw buffer.isEmpty ? .closed : .timedOut }
            searchFrom = max(0, buffer.count - 3)
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer += chunk[..<n]
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                continue  // the receive timeout: check the deadline
            } else {
                throw .closed
            }
        }
    }

    /// The index of the `\r\n\r\n` that ends the head, searching from `start`.
    private static func headEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var i = start
        while i + 3 < bytes.count {
            if bytes[i] == 13, bytes[i + 1] == 10, bytes[i + 2] == 13, bytes[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func parse(_ head: [UInt8]) throws(Failure) -> RequestHead {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let request = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard request.count == 3, request[2].hasPrefix("HTTP/1.") else { throw .malformed("not an HTTP/1.x request line") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("a header line without a colon") }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if headers[name] != nil {
                if name == "host" { throw .malformed("two Host headers") }
                continue
            }
            headers[name] = value
        }
        return RequestHead(method: String(request[0]), target: String(request[1]), version: String(request[2]), headers: headers)
    }
}
