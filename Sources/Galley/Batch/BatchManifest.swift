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

    /// Writes the manifest atomically (temporary name, then rename): the same JSON as encoding
    /// the whole value, made one entry at a time. A batch saves it every second, and encoding
    /// 10,000 entries at once built a transient tree of some 8 MiB each time, the largest
    /// thing the supervising process held.
    public func save(to folder: String) throws(GalleyError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Array(#"{"entries":{"#.utf8)
        do {
            for (index, key) in entries.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += try encoder.encode(key)
                bytes.append(UInt8(ascii: ":"))
                bytes += try encoder.encode(entries[key]!)
            }
        } catch {
            throw GalleyError(.output, "cannot encode the manifest")
        }
        bytes += Array(#"},"version":\#(version)}"#.utf8)
        try AtomicFile.write(bytes, to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
