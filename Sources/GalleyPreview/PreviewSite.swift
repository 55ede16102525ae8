// The files of one render of the preview, kept in memory and written to the output folder.

import Foundation
import Galley

/// One file of the preview.
public struct PreviewFile: Sendable {
    public var bytes: [UInt8]
    public var contentType: String
}

/// Every file one render produced, by relative path (`index.html`, `sub/a/a-1.svg`).
///
/// The server answers only with these: a request is a key into this table, never a path
/// opened on the disk.
public struct PreviewSite: Sendable {
    public var files: [String: PreviewFile] = [:]
    /// The articles of the render (for summaries and the command line's diagnostics).
    public var articles: [PreviewArticle] = []

    public init() {}

    mutating func add(_ path: String, _ bytes: [UInt8]) {
        files[path] = PreviewFile(bytes: bytes, contentType: Self.contentType(of: path))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }

    /// Writes every file under `folder` (each atomically), and removes the files listed in
    /// `previous` that this render no longer has (pages that went away).
    public func write(to folder: String, removing previous: Set<String> = []) throws(GalleyError) {
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(file.bytes, to: (folder as NSString).appendingPathComponent(path))
        }
        for path in previous.subtracting(files.keys) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(path))
        }
    }
}
