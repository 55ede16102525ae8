// A small HTTP/1.1 server for the preview: loopback, bounded in size, time and connections.

import Foundation

/// The preview's HTTP server: blocking sockets, one thread per connection (at most
/// `connectionLimit`), each request head read within `RequestHead.sizeLimit` bytes (431 past
/// it) and `headDeadline` seconds (408), no request body taken (413 past `bodyLimit`), and
/// only the Host names `HostCheck` allows (403 otherwise).
///
/// Written here rather than taken from FlyingFox 0.27.1, which the preview used before: its
/// decoder reads header lines without any length limit (two requests with 1 MiB headers kept
/// both cores busy and the server silent), and its `timeout` bounds a handler, not a read.
final class PreviewServer: @unchecked Sendable {
    static let connectionLimit = 64
    static let headDeadline = 10.0
    static let bodyLimit = 64 * 1024
    /// How long one blocking receive or send waits before the deadline is looked at again.
    static let socketTimeout = 1.0

    private let listener: Int32
    private let handler: PreviewHandler
    private let store: SiteStore
    private let hosts: HostCheck
    private let lock = NSLock()
    private var open = 0
    let port: Int

    /// Binds `host:port` (0: any free port) and starts listening; throws a message when it cannot.
    init(host: String, port: Int, store: SiteStore) throws {
        let address = try SocketAddress(host: host, port: port)
        let listener = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw LivePreview.Failure(description: "galley: error: cannot open a socket: \(Self.reason())") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard address.withPointer({ bind(listener, $0, $1) }) == 0, Glibc.listen(listener, 64) == 0 else {
            let reason = Self.reason()
            close(listener)
            throw LivePreview.Failure(description: "galley: error: cannot serve on \(host):\(port): \(reason)")
        }
        self.listener = listener
        self.port = SocketAddress.boundPort(of: listener) ?? port
        self.store = store
        handler = PreviewHandler(store: store)
        hosts = HostCheck(listenHost: host, port: self.port)
    }

    /// Accepts connections until accepting fails; returns why.
    func run() -> String {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE {
                    if errno == EMFILE || errno == ENFILE { Thread.sleep(forTimeInterval: 0.1) }
                    continue
                }
                return "galley: error: the server stopped: \(Self.reason())"
            }
            Self.setTimeouts(client)
            let admitted = lock.withLock {
                guard open < Self.connectionLimit else { return false }
                open += 1
                return true
            }
            guard admitted else {
                send(client, .plain(503, "too many connections\n"), head: false, close: true)
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                close(client)
                lock.withLock { open -= 1 }
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Answers requests on one connection until it closes, times out or asks to close.
    private func serve(_ client: Int32) {
        var buffer: [UInt8] = []
        while true {
            let head: RequestHead
            do {
                head = try RequestHead.read(from: client, buffer: &buffer, deadline: Date().addingTimeInterval(Self.headDeadline))
            } catch {
                switch error {
                case .closed: break
                case .tooLarge: send(client, .plain(431, "request header fields too large\n"), head: false, close: true)
                case .malformed(let why): send(client, .plain(400, "bad request: \(why)\n"), head: false, close: true)
                case .timedOut: send(client, .plain(408, "request timeout\n"), head: false, close: true)
                }
                return
            }
            guard hosts.allows(head.headers["host"]) else {
                send(client, .plain(403, "this server answers only to its own address and localhost\n"), head: false, close: true)
                return
            }
            if head.headers["transfer-encoding"] != nil {
                send(client, .plain(413, "no request body is taken\n"), head: false, close: true)
                return
            }
            let length = Int(head.headers["content-length"] ?? "0") ?? -1
            guard length >= 0, length <= Self.bodyLimit else {
                send(client, .plain(413, "request body too large\n"), head: false, close: true)
                return
            }
            guard discard(length, from: client, buffer: &buffer) else { return }
            let closeAfter = head.headers["connection"]?.lowercased() == "close" || head.version == "HTTP/1.0"
            let reply = handler.reply(method: head.method, target: head.target)
            if case .events = reply {
                streamEvents(to: client)
                return
            }
            guard send(client, reply, head: head.method == "HEAD", close: closeAfter), !closeAfter else { return }
        }
    }

    /// Reads and drops a body of `length` bytes (what `buffer` holds counts); false when the
    /// connection ends or times out first.
    private func discard(_ length: Int, from client: Int32, buffer: inout [UInt8]) -> Bool {
        var left = length
        let taken = min(left, buffer.count)
        buffer.removeFirst(taken)
        left -= taken
        let deadline = Date().addingTimeInterval(Self.headDeadline)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while left > 0 {
            guard Date() < deadline else { return false }
            let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, min($0.count, left), 0) }
            if n > 0 { left -= n } else if n < 0 && (errno == EAGAIN || errno == EINTR) { continue } else { return false }
        }
        return true
    }

    /// `/events`: each render's generation as a server-sent event until a write fails.
    private func streamEvents(to client: Int32) {
        let header = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        guard write(client, Array(header.utf8)) else { return }
        let done = DispatchSemaphore(value: 0)
        let stream = store.subscribe()
        let task = Task {
            // `retry` makes a browser reconnect quickly after the server restarts.
            var prefix = "retry: 1000\n"
            for await generation in stream {
                guard self.write(client, Array("\(prefix)data: \(generation)\n\n".utf8)) else { break }
                prefix = ""
            }
            done.signal()
        }
        done.wait()
        task.cancel()
    }

    @discardableResult
    private func send(_ client: Int32, _ reply: PreviewReply, head: Bool, close: Bool) -> Bool {
        guard case .complete(let status, let headers, let body) = reply else { return false }
        var text = "HTTP/1.1 \(status) \(Self.phrase(status))\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += close ? "Connection: close\r\n\r\n" : "\r\n"
        return write(client, Array(text.utf8) + (head ? [] : body))
    }

    /// Writes all of `bytes`; false when the peer is gone or stops reading for `headDeadline`.
    private func write(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        let deadline = Date().addingTimeInterval(Self.headDeadline)
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EINTR) && Date() < deadline {
                continue
            } else {
                return false
            }
        }
        return true
    }

    private static func setTimeouts(_ socket: Int32) {
        var timeout = timeval(tv_sec: Int(socketTimeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
