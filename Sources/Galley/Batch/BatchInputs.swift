// The inputs of a batch: files, folders walked recursively, or JSON Lines dumps, each with
// one output name of its own.

import Foundation

/// Why the inputs could not be listed.
public struct BatchInputError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The jobs of a batch, and what the listing had to say about them.
public struct BatchListing: Sendable {
    public var jobs: [BatchJob]
    /// Renamed outputs, repeated ids, inputs refused: one line each, naming every input involved.
    public var warnings: [String]
}

public enum BatchInputs {
    /// Lists the jobs of `inputs` into `index`: folders are walked recursively for `*.txt`
    /// (the output mirrors the tree under the folder; with several inputs the folder's own
    /// name comes first), `.jsonl` files give one job per line, other files one job each.
    /// Warnings (renamed outputs, repeated ids, refused links) go to the index too.
    ///
    /// Keys and names are compared as exact bytes (never Swift's canonical equivalence, which
    /// would take the NFC and NFD spellings of `café.txt` for one file); output names are then
    /// compared in NFC, once, and a clash gets `-2`, `-3` with a warning (`OutputNames`).
    /// The index keeps them sorted by key bytes, so every run and every shard sees the same
    /// order and names; nothing per input stays in memory (a million inputs list in the
    /// memory of ten).
    /// A dump line longer than `maxLine` bytes (`--max-input`) is never held: it becomes a job
    /// that fails with its length.
    public static func list(_ inputs: [String], maxLine: Int = 1 << 24, into index: BatchIndex) throws {
        var roots: [String: String] = [:]  // real path → the input that named it first
        let several = inputs.count > 1
        try index.transaction {
            for input in inputs {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                    throw BatchInputError(description: "\(input): no such file or folder")
                }
                let real = FolderWalk.realPath(input) ?? input
                if let earlier = roots[real] {
                    try index.warn("\(input) is \(earlier) again; its inputs are listed once")
                    continue
                }
                roots[real] = input
                if isFolder.boolValue {
                    try folder(input, prefix: several ? FolderWalk.displayName(of: input) + "/" : "", into: index)
                } else if input.hasSuffix(".jsonl") {
                    try JSONLinesDump.list(input, maxLine: maxLine, into: index)
                } else {
                    let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                    try add(BatchJob(key: input, path: input, outputName: name, fields: ["source": (input as NSString).lastPathComponent]), to: index)
                }
            }
            try OutputNames.resolve(in: index)
        }
    }

    /// The jobs of `inputs` as an array, sorted by key, with the listing's warnings (for
    /// callers that want them all at once; a batch reads them from its index).
    public static func list(_ inputs: [String], maxLine: Int = 1 << 24) throws -> BatchListing {
        let index = try BatchIndex()
        try list(inputs, maxLine: maxLine, into: index)
        var listing = BatchListing(jobs: [], warnings: [])
        try index.forEachJob { listing.jobs.append($0) }
        try index.forEachWarning { listing.warnings.append($0) }
        return listing
    }

    /// Adds `job`; inputs that overlap (`d` and `d/sub`) reach one file twice, by one path:
    /// one input, with a warning.
    static func add(_ job: BatchJob, to index: BatchIndex) throws {
        if let first = try index.add(job) {
            try index.warn("\(job.key) is reached by two of the inputs given; rendered once, as \(first)")
        }
    }

    private static func folder(_ root: String, prefix: String, into index: BatchIndex) throws {
        guard let realRoot = FolderWalk.realPath(root) else {
            throw BatchInputError(description: "\(root): cannot read the folder")
        }
        var failure: Error?
        var warnings: [String] = []
        try FolderWalk.files(in: root, realRoot: realRoot, suffix: ".txt", warnings: &warnings) { relative, outside in
            guard failure == nil else { return }
            let path = (root as NSString).appendingPathComponent(relative)
            var fields = ["source": (relative as NSString).lastPathComponent]
            if let outside {
                fields["error"] = "a symbolic link leading outside the input folder \(root) (to \(outside)); not rendered"
            }
            do {
                try add(
                    BatchJob(key: path, path: path, outputName: prefix + String(relative.dropLast(4)), fields: fields, root: realRoot),
                    to: index)
            } catch { failure = error }
        }
        if let failure { throw failure }
        for warning in warnings { try index.warn(warning) }
    }
}
