// Maps a request's raw path to a key of the rendered site, refusing anything that could leave it.

/// Turns `/sub/a/a-1.svg` into `sub/a/a-1.svg`.
///
/// Works on the raw, still percent-encoded path of the request line: each segment is decoded
/// on its own, so `%2e%2e` is seen as `..` and `%2f` as a slash inside a segment, and both are
/// refused, as are `.`, `..`, empty segments, backslashes and NUL. What passes is only ever
/// looked up in the table of rendered files, never opened on the disk.
enum RequestPath {
    /// The site key for a raw path (`/` and a trailing `/` mean `index.html`); nil when refused.
    static func key(for rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), rawPath.utf8.count <= 2048 else { return nil }
        var segments = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last == "" {
            segments.removeLast()
            segments.append("index.html")
        }
        var decoded: [String] = []
        for segment in segments {
            guard let text = segment.removingPercentEncoding, !text.isEmpty, text != ".", text != "..",
                !text.contains("/"), !text.contains("\\"), !text.contains("\u{0}")
            else { return nil }
            decoded.append(text)
        }
        return decoded.joined(separator: "/")
    }
}
