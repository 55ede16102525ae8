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
    /// Values for header and footer fields: `source`, `date`, `url`, `author`.
    public var fields: [String: String]

    public init(key: String, path: String?, line: DumpLine? = nil, outputName: String, fields: [String: String]) {
        self.key = key
        self.path = path
        self.line = line
        self.outputName = outputName
        self.fields = fields
    }

    /// The name diagnostics give the input: its file, or `dump.jsonl#id`.
    public var sourceName: String { line == nil ? path ?? key : key }

    /// What decides this input's pages, as a fingerprint: its content as it stands in the
    /// archive (the file, or the dump's whole line with the fields a template may print) with
    /// `settings` (template, version, options). A dump line's content was hashed when the
    /// dump was listed, so the dump is not read a second time for it.
    public func fingerprint(settings: [UInt8]) -> String {
        if let line { return StableHash.fingerprint(Array(line.fingerprint.utf8) + settings) }
        return StableHash.fingerprint(((try? sourceBytes()) ?? []) + settings)
    }

    /// The input's bytes as they stand in the archive: the file, or the dump's line.
    func sourceBytes() throws(GalleyError) -> [UInt8] {
        guard let path else { throw GalleyError(.input, "no input file", path: key) }
        if let line { return try JSONLinesDump.read(line, from: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GalleyError(.input, "cannot read the file", path: path)
        }
        return [UInt8](data)
    }

    /// The article's markup: the file, or the dump line's title and text.
    public func markup() throws(GalleyError) -> [UInt8] {
        let bytes = try sourceBytes()
        guard let line else { return bytes }
        guard let object = JSONLinesDump.object(bytes[...]), let markup = JSONLinesDump.markup(of: object) else {
            throw GalleyError(.input, "line \(line.number) is not a JSON object with a \"text\" field", path: key)
        }
        return markup
    }
}

/// Why the inputs could not be listed.
public struct BatchInputError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum BatchInputs {
    /// Lists the jobs of `inputs`: folders are walked recursively for `*.txt` (the output
    /// mirrors the tree under the folder), `.jsonl` files give one job per line, other files
    /// one job each. Sorted by key, so every run and every shard sees the same order.
    public static func list(_ inputs: [String]) throws -> [BatchJob] {
        var jobs: [BatchJob] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw BatchInputError(description: "\(input): no such file or folder")
            }
            if isFolder.boolValue {
                jobs += try folder(input)
            } else if input.hasSuffix(".jsonl") {
                jobs += try JSONLinesDump.jobs(in: input)
            } else {
                let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                jobs.append(BatchJob(key: input, path: input, outputName: name, fields: ["source": (input as NSString).lastPathComponent]))
            }
        }
        var seen = Set<String>()
        return jobs.filter { seen.insert($0.key).inserted }.sorted { $0.key < $1.key }
    }

    private static func folder(_ root: String) throws -> [BatchJob] {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw BatchInputError(description: "\(root): cannot read the folder")
        }
        var jobs: [BatchJob] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".txt") else { continue }
            let path = (root as NSString).appendingPathComponent(relative)
            jobs.append(
                BatchJob(
                    key: path, path: path, outputName: String(relative.dropLast(4)),
                    fields: ["source": (relative as NSString).lastPathComponent]))
        }
        return jobs
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
