// `galley preview --serve`: the render thread plus a FlyingFox server on loopback.

import FlyingFox
import FlyingSocks
import Foundation

/// Starts the live preview and runs until the process is stopped.
public enum LivePreview {
    /// A problem that stops the server from starting (bad host, port taken).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Renders once, starts serving on `host:port` (0: any free port), prints
    /// `Serving http://HOST:PORT/ (Ctrl-C to stop)` on standard error, and never returns
    /// unless the server fails.
    public static func serve(_ configuration: PreviewConfiguration, host: String, port: Int) throws -> Never {
        let address = try socketAddress(host: host, port: port)
        let store = SiteStore()
        RenderThread.start(configuration: configuration, store: store) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        guard store.waitForFirstRender(seconds: 120) else {
            throw Failure(description: "galley: error: the first render did not finish in 120 s")
        }
        let server = HTTPServer(address: address, timeout: 15, logger: .disabled, handler: PreviewHandler(store: store))
        let outcome = Outcome()
        Task {
            do {
                try await server.run()
                outcome.finish("galley: error: the server stopped")
            } catch {
                outcome.finish("galley: error: cannot serve on \(host):\(port): \(error)")
            }
        }
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                let bound = await server.listeningAddress
                outcome.listening(port: boundPort(bound) ?? port)
            } catch {
                outcome.finish("galley: error: the server did not start listening on \(host):\(port)")
            }
        }
        let (listening, failure) = outcome.waitForStart()
        if let failure { throw Failure(description: failure) }
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardError.write(Data("Serving http://\(shown):\(listening ?? port)/ (Ctrl-C to stop)\n".utf8))
        throw Failure(description: outcome.waitForEnd())
    }

    /// Whether `host` is an address `serve` can listen on.
    public static func isValidHost(_ host: String) -> Bool {
        (try? socketAddress(host: host, port: 0)) != nil
    }

    /// IPv4 or IPv6 literal, or `localhost`.
    static func socketAddress(host: String, port: Int) throws -> any SocketAddress {
        guard (0...65535).contains(port) else { throw Failure(description: "galley: error: --port must be 0…65535") }
        do {
            if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: UInt16(port)) }
            if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: UInt16(port)) }
            return try sockaddr_in.inet(ip4: host, port: UInt16(port))
        } catch {
            throw Failure(description: "galley: error: --host takes an IPv4 or IPv6 address (or localhost), not '\(host)'")
        }
    }

    private static func boundPort(_ address: Socket.Address?) -> Int? {
        switch address {
        case .ip4(_, let port)?: Int(port)
        case .ip6(_, let port)?: Int(port)
        default: nil
        }
    }
}

/// Hands the server's start and end from its tasks to the blocked calling thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private let started = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    private var port: Int?
    private var failure: String?
    private var didStart = false

    func listening(port: Int) {
        lock.withLock {
            self.port = port
            if !didStart { didStart = true; started.signal() }
        }
    }

    func finish(_ message: String) {
        lock.withLock {
            if failure == nil { failure = message }
            if !didStart { didStart = true; started.signal() }
        }
        ended.signal()
    }

    func waitForStart() -> (port: Int?, failure: String?) {
        started.wait()
        return lock.withLock { (port, port == nil ? failure : nil) }
    }

    func waitForEnd() -> String {
        ended.wait()
        return lock.withLock { failure ?? "galley: error: the server stopped" }
    }
}
