// The inputs of a batch: files, folders walked recursively, or JSON Lines dumps.

import Foundation

/// One article to render in a batch.
public struct BatchJob: Sendable, Codable, Hashable {
    /// A stable key: the input's path, or `dump.jsonl#id` for a JSON Lines article. Shards and
    /// the manifest use it.
    public var key: String
    /// The input file: the article's own, or the JSON Lines dump that holds its `line`.
    public var path: String?
    /// For an article of a JSON Lines dump: where its line lies in the dump.
    public var line: DumpLine?
    /// Output path without extension, relative to the output folder (mirrors the input tree).
    public var outputName: String
    /// Values for header and footer fields: `source`, `date`, `url`, `author`; `error` marks
    /// an input refused while listing (its reason), which fails without being read.
    public var fields: [String: String]
    /// For a file found by walking a folder: the folder's real path. The file is read only while
    /// its own real path lies inside it (a link planted after the listing is refused too).
    public var root: String?

    public init(
        key: String, path: String?, line: DumpLine? = nil, outputName: String, fields: [String: String], root: String? = nil
    ) {
        self.key = key
        self.path = path
        self.line = line
        self.outputName = outputName
        self.fields = fields
        self.root = root
    }

    /// The name diagnostics give the input: its file, or `dump.jsonl#id`.
    public var sourceName: String { line == nil ? path ?? key : key }

    /// What decides this input's pages, as a fingerprint: its content as it stands in the
    /// archive (the file, or the dump's whole line with the fields a template may print) with
    /// `settings` (`RenderSettings.fingerprint`) and its output name. A dump line's content was hashed when the
    /// dump was listed, so the dump is not read a second time for it.
    /// A file over `limit` (`--max-input`) is not read: it fails when rendered.
    public func fingerprint(settings: [UInt8], limit: Int) -> String {
        // The output name too: an input whose name changed (a second root given, a clash
        // resolved) is written again under its new name.
        let settings = settings + [0x01] + Array(outputName.utf8)
        if let error = fields["error"] { return StableHash.fingerprint(Array(error.utf8) + settings) }
        if let line { return StableHash.fingerprint(Array(line.fingerprint.utf8) + settings) }
        return StableHash.fingerprint(((try? sourceBytes(limit: limit)) ?? []) + settings)
    }

    /// The input's bytes as they stand in the archive: the file, or the dump's line; a file
    /// or line over `limit` bytes (`--max-input`) is an error, and is never read whole.
    func sourceBytes(limit: Int) throws(GalleyError) -> [UInt8] {
        guard let path else { throw GalleyError(.input, "no input file", path: key) }
        if let line {
            guard line.length <= limit else {
                throw GalleyError(
                    .input, "line \(line.number) is \(line.length) bytes, over the limit of \(limit) bytes; raise it with --max-input",
                    path: key)
            }
            return try JSONLinesDump.read(line, from: path)
        }
        if let root, !FolderWalk.isInside(path, root: root) {
            throw GalleyError(.input, "the file leads outside its input folder; not read", path: path)
        }
        do {
            return try BoundedReader.read(path, limit: limit)
        } catch {
            throw GalleyError(.input, BoundedReader.message(error), path: path)
        }
    }

    /// The article's markup: the file, or the dump line's title and text.
    public func markup(limit: Int) throws(GalleyError) -> [UInt8] {
        let bytes = try sourceBytes(limit: limit)
        guard let line else { return bytes }
        guard let object = JSONLinesDump.object(bytes[...]), let markup = JSONLinesDump.markup(of: object) else {
            throw GalleyError(.input, "line \(line.number) \(JSONLinesDump.problem(bytes[...]))", path: key)
        }
        return markup
    }
}

/// Deterministic slices of a batch for running one archive across machines.
public struct Shard: Sendable, Hashable {
    /// 1-based index of this slice.
    public var index: Int
    public var count: Int

    /// Parses `K/N` (1 ≤ K ≤ N).
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    /// Whether `key` belongs to this slice: by a stable hash of the key (FNV-1a), so a job
    /// stays in its shard when the archive grows.
    public func contains(_ key: String) -> Bool {
        Int(StableHash.fnv1a(Array(key.utf8)) % UInt64(count)) == index - 1
    }
}

/// Hashes that are the same on every machine and run (never Swift's seeded `Hasher`).
public enum StableHash {
    public static func fnv1a(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A 128-bit content fingerprint as hex (two FNV-1a passes with different seeds): enough
    /// to tell whether an input changed between runs; not a cryptographic hash.
    public static func fingerprint(_ bytes: [UInt8]) -> String {
        let a = fnv1a(bytes)
        let b = fnv1a(bytes, seed: 0x8422_2325_cbf2_9ce4)
        return String(a, radix: 16) + String(b, radix: 16)
    }
}
