// Reads an input file or standard input in chunks, stopping one byte past the limit.

import Foundation

/// Reading inputs without ever holding more than the limit (`--max-input`) plus one chunk:
/// `yes | galley convert -` fails as soon as the limit is passed instead of reading gigabytes.
public enum BoundedReader {
    /// The size of each read.
    static let chunkSize = 1 << 16

    /// Why reading stopped.
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case unreadable
        /// More than `limit` bytes: `size` is the file's size when known (nil for a pipe).
        case overLimit(limit: Int, size: UInt64?)
    }

    /// The bytes of the file at `path` (standard input for nil), at most `limit`.
    public static func read(_ path: String?, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor: Int32
        if let path {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .unreadable }
        } else {
            descriptor = STDIN_FILENO
        }
        defer { if path != nil { close(descriptor) } }
        var info = stat()
        var knownSize: UInt64?
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            knownSize = UInt64(info.st_size)
            if info.st_size > limit { throw .overLimit(limit: limit, size: knownSize) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(knownSize ?? 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let wanted = min(chunkSize, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .overLimit(limit: limit, size: knownSize) }
        }
    }

    /// The message for `failure` of the input `path` (`-` or nil for standard input).
    public static func message(_ failure: Failure) -> String {
        switch failure {
        case .missing: "no such file"
        case .unreadable: "cannot read the file (permissions?)"
        case .overLimit(let limit, let size):
            if let size {
                "input is \(size) bytes, over the limit of \(limit) bytes; raise it with --max-input"
            } else {
                "input is over the limit of \(limit) bytes (reading stopped there); raise it with --max-input"
            }
        }
    }
}
