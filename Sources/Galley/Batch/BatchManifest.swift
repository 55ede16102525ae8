// What a batch has rendered, so that a rerun renders only what changed.

import Foundation

/// `OUTDIR/.galley-manifest.json`: per input, the fingerprint of everything that decides its
/// pages (its content, the template, galley's version and the options) and the files written.
public struct BatchManifest: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var fingerprint: String
        public var outputs: [String]
        public init(fingerprint: String, outputs: [String]) {
            self.fingerprint = fingerprint
            self.outputs = outputs
        }
    }
    public var version = 1
    public var entries: [String: Entry] = [:]

    public static let fileName = ".galley-manifest.json"

    public init() {}

    public static func load(from folder: String) -> BatchManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path),
            let manifest = try? JSONDecoder().decode(BatchManifest.self, from: data)
        else { return BatchManifest() }
        return manifest
    }

    /// Whether `key` was rendered with this fingerprint and all its outputs still exist.
    public func isCurrent(_ key: String, fingerprint: String, in folder: String) -> Bool {
        guard let entry = entries[key], entry.fingerprint == fingerprint else { return false }
        return entry.outputs.allSatisfy { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
    }

    /// Writes the manifest atomically (temporary name, then rename).
    public func save(to folder: String) throws(GalleyError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { throw GalleyError(.output, "cannot encode the manifest") }
        try AtomicFile.write([UInt8](data), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
