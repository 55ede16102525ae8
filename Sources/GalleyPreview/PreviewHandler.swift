// Answers HTTP requests from the current render: its files, and `/events` for live reload.

import FlyingFox
import Foundation

/// The server's only handler. Everything it sends comes from the `SiteStore`'s table of
/// rendered files; nothing is read from the disk on request.
struct PreviewHandler: HTTPHandler {
    let store: SiteStore

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.plain(.methodNotAllowed, "only GET\n")
        }
        let raw = request.target.path(percentEncoded: true)
        if raw == "/events" {
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", HTTPHeader("Cache-Control"): "no-store"],
                body: HTTPBodySequence(from: EventStreamBody(generations: store.subscribe())))
        }
        guard let key = RequestPath.key(for: raw) else { return Self.plain(.notFound, "not found\n") }
        let site = store.current.site
        if let file = site.files[key] {
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: file.contentType, HTTPHeader("Cache-Control"): "no-store"],
                body: Data(file.bytes))
        }
        // A folder named without its slash: send the browser to the slash form, so that the
        // page's relative links resolve inside the folder.
        if site.files[key + "/index.html"] != nil {
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: raw + "/"], body: Data())
        }
        return Self.plain(.notFound, "not found\n")
    }

    private static func plain(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(text.utf8))
    }
}
