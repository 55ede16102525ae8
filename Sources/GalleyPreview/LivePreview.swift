// `galley preview --serve`: the render thread plus the preview's HTTP server.

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
        _ = try SocketAddress(host: host, port: port)
        let store = SiteStore()
        RenderThread.start(configuration: configuration, store: store) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        guard store.waitForFirstRender(seconds: 120) else {
            throw Failure(description: "galley: error: the first render did not finish in 120 s")
        }
        let server = try PreviewServer(host: host, port: port, store: store)
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardError.write(Data("Serving http://\(shown):\(server.port)/ (Ctrl-C to stop)\n".utf8))
        throw Failure(description: server.run())
    }

    /// Whether `host` is an address `serve` can listen on.
    public static func isValidHost(_ host: String) -> Bool {
        (try? SocketAddress(host: host, port: 0)) != nil
    }
}
