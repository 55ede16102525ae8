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
    /// Lists the jobs of `inputs`: folders are walked recursively for `*.txt` (the output
    /// mirrors the tree under the folder; with several inputs the folder's own name comes
    /// first), `.jsonl` files give one job per line, other files one job each.
    ///
    /// Keys and names are compared as exact bytes (never Swift's canonical equivalence, which
    /// would take the NFC and NFD spellings of `café.txt` for one file); output names are then
    /// compared in NFC, once, and a clash gets `-2`, `-3` with a warning (`OutputNames`).
    /// Sorted by key bytes, so every run and every shard sees the same order and names.
    /// A dump line longer than `maxLine` bytes (`--max-input`) is never held: it becomes a job
    /// that fails with its length.
    public static func list(_ inputs: [String], maxLine: Int = 1 << 24) throws -> BatchListing {
        var jobs: [BatchJob] = []
        var warnings: [String] = []
        var roots: [String: String] = [:]  // real path → the input that named it first
        let several = inputs.count > 1
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw BatchInputError(description: "\(input): no such file or folder")
            }
            let real = FolderWalk.realPath(input) ?? input
            if let earlier = roots[real] {
                warnings.append("\(input) is \(earlier) again; its inputs are listed once")
                continue
            }
            roots[real] = input
            if isFolder.boolValue {
                jobs += try folder(input, prefix: several ? FolderWalk.displayName(of: input) + "/" : "", warnings: &warnings)
            } else if input.hasSuffix(".jsonl") {
                let dump = try JSONLinesDump.jobs(in: input, maxLine: maxLine)
                jobs += dump.jobs
                warnings += dump.warnings
            } else {
                let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                jobs.append(BatchJob(key: input, path: input, outputName: name, fields: ["source": (input as NSString).lastPathComponent]))
            }
        }
        jobs.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        // Inputs that overlap (`d` and `d/sub`) reach one file twice, by one path: one input.
        var unique: [BatchJob] = []
        for job in jobs {
            if let last = unique.last, last.key.utf8.elementsEqual(job.key.utf8) {
                warnings.append("\(job.key) is reached by two of the inputs given; rendered once, as \(last.outputName)")
                continue
            }
            unique.append(job)
        }
        jobs = unique
        warnings += OutputNames.resolve(&jobs)
        return BatchListing(jobs: jobs, warnings: warnings)
    }

    private static func folder(_ root: String, prefix: String, warnings: inout [String]) throws -> [BatchJob] {
        guard let realRoot = FolderWalk.realPath(root) else {
            throw BatchInputError(description: "\(root): cannot read the folder")
        }
        var jobs: [BatchJob] = []
        try FolderWalk.files(in: root, realRoot: realRoot, suffix: ".txt", warnings: &warnings) { relative, outside in
            let path = (root as NSString).appendingPathComponent(relative)
            var fields = ["source": (relative as NSString).lastPathComponent]
            if let outside {
                fields["error"] = "a symbolic link leading outside the input folder \(root) (to \(outside)); not rendered"
            }
            jobs.append(
                BatchJob(key: path, path: path, outputName: prefix + String(relative.dropLast(4)), fields: fields, root: realRoot))
        }
        return jobs
    }
}
