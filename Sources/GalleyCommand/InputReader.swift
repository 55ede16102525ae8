// Reads an input path or `-` (standard input) into bytes, with errors a user can act on.

import ArgumentParser
import Foundation
import Galley

enum InputReader {
    /// The bytes of `path`, or of standard input for `-`, read in chunks and stopped at
    /// `limit` + 1 bytes (`--max-input`): an input over it is an error, never held whole.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let name = path == "-" ? "<stdin>" : path
        if path != "-" {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure(status: 1, "\(path): error: no such file")
            }
            if isFolder.boolValue {
                throw CommandFailure(status: 2, "\(path): error: is a folder; convert takes one file (use galley batch for folders)")
            }
        }
        do {
            return try BoundedReader.read(path == "-" ? nil : path, limit: limit)
        } catch {
            throw CommandFailure(status: 1, "\(name): error: \(BoundedReader.message(error))")
        }
    }

    /// The article's name for output files: the file name without its extension.
    static func articleName(for path: String) -> String {
        guard path != "-" else { return "stdin" }
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return base.isEmpty ? "article" : base
    }
}

/// A failure already explained to the user: its message goes to stderr as is, and the
/// process exits with `status`.
struct CommandFailure: Error, CustomStringConvertible {
    var status: Int32
    var message: String
    init(status: Int32, _ message: String) {
        self.status = status
        self.message = message
    }
    var description: String { message }
}
