// Answers HTTP requests from the current render: its files, and `/events` for live reload.

import Foundation

/// What the server sends for one request.
enum PreviewReply {
    /// A complete answer: status, headers, body.
    case complete(status: Int, headers: [(String, String)], body: [UInt8])
    /// `/events`: server-sent events, one per render, until the client goes away.
    case events

    static func plain(_ status: Int, _ text: String) -> PreviewReply {
        .complete(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }
}

/// The server's only handler. Everything it sends comes from the `SiteStore`'s table of
/// rendered files; nothing is read from the disk on request.
struct PreviewHandler {
    let store: SiteStore

    func reply(method: String, target: String) -> PreviewReply {
        guard method == "GET" || method == "HEAD" else { return .plain(405, "only GET\n") }
        let raw = String(target.prefix { $0 != "?" && $0 != "#" })
        if raw == "/events" { return .events }
        guard let key = RequestPath.key(for: raw) else { return .plain(404, "not found\n") }
        let site = store.current.site
        if let file = site.files[key] {
            return .complete(
                status: 200, headers: [("Content-Type", file.contentType), ("Cache-Control", "no-store")], body: file.bytes)
        }
        // A folder named without its slash: send the browser to the slash form, so that the
        // page's relative links resolve inside the folder.
        if site.files[key + "/index.html"] != nil {
            return .complete(status: 301, headers: [("Location", raw + "/")], body: [])
        }
        return .plain(404, "not found\n")
    }
}
