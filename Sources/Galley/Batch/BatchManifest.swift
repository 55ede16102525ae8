// What batches have rendered into a folder: an append-only log that concurrent runs share.

import Foundation

/// `OUTDIR/.galley-manifest.jsonl`: one JSON record per line, per input rendered or failed,
/// with the fingerprint of everything that decided its files. The last record of a key wins.
///
/// Every batch writing into the folder (shards of one archive at once, a rerun, a pod
/// restarted by Kubernetes) appends to the same file: each record is one `write` under an
/// exclusive `flock`, so records never interleave or overwrite each other, and any later run,
/// sharded or not, reads what all of them did. A line cut short (a full disk, a kill) is
/// skipped when read, and the next writer starts a fresh line.
public enum BatchManifest {
    /// One input's record.
    public struct Entry: Codable, Sendable {
        public enum Status: String, Codable, Sendable { case rendered, failed }
        public var key: String
        public var status: Status
        /// `BatchJob.fingerprint`: the input's content with the run's `RenderSettings`.
        public var fingerprint: String
        /// What its directives found in the assets folder (`AssetUse`).
        public var assets: AssetUse.Record?
        public var outputs: [String]
        public var pages: Int?
        public var warnings: Int?
        public var reason: String?
        public var milliseconds: Double?
        /// When the record was written (ISO 8601, UTC).
        public var at: String?

        public init(
            key: String, status: Status, fingerprint: String, assets: AssetUse.Record?, outputs: [String], pages: Int?,
            warnings: Int?, reason: String?, milliseconds: Double?, at: String? = nil
        ) {
            self.key = key
            self.status = status
            self.fingerprint = fingerprint
            self.assets = assets
            self.outputs = outputs
            self.pages = pages
            self.warnings = warnings
            self.reason = reason
            self.milliseconds = milliseconds
            self.at = at
        }
    }

    public static let fileName = ".galley-manifest.jsonl"

    /// Reads the manifest log of `folder` into `index`, the latest record of each key whose
    /// key `keep` accepts (a shard keeps its own), streamed line by line: a log of a million
    /// records is never held in memory. Returns how many lines could not be read.
    public static func load(from folder: String, into index: BatchIndex, keep: (String) -> Bool) throws -> Int {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let decoder = JSONDecoder()
        var skipped = 0
        try index.transaction {
            try JSONLinesDump.forEachLine(in: path) { _, line in
                guard !line.isEmpty else { return }
                guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else {
                    skipped += 1
                    return
                }
                if keep(entry.key) { try index.recordManifestLine(key: entry.key, line: Array(line)) }
            }
        }
        return skipped
    }

    /// `entry` when it was rendered with this fingerprint, its assets are unchanged and all
    /// its outputs still exist; nil when its input must be rendered.
    public static func current(
        _ entry: Entry?, fingerprint: String, assetsFolder: String?, in folder: String, hashes: inout [String: String]
    ) -> Entry? {
        guard let entry, entry.status == .rendered, entry.fingerprint == fingerprint else { return nil }
        guard AssetUse.isUnchanged(entry.assets ?? [:], folder: assetsFolder, hashes: &hashes) else { return nil }
        let allThere = entry.outputs.allSatisfy {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0))
        }
        return allThere ? entry : nil
    }
}

/// A string compared and hashed by its exact UTF-8 bytes: input keys whose names differ only
/// in Unicode normal form are two inputs (Swift's `String ==` would take them for one).
public struct ExactKey: Hashable, Sendable {
    public let bytes: [UInt8]
    public init(_ string: String) { bytes = Array(string.utf8) }
}
