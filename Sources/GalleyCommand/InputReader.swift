// Reads an input path or `-` (standard input) into bytes, with errors a user can act on.

import ArgumentParser
import Foundation

enum InputReader {
    /// The bytes of `path`, or of standard input for `-`, reading at most `limit` + 1 bytes.
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure(status: 1, "\(path): error: no such file")
        }
        if isFolder.boolValue {
            throw CommandFailure(status: 2, "\(path): error: is a folder; convert takes one file (use galley batch for folders)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: 1, "\(path): error: cannot read the file (permissions?)")
        }
        return [UInt8](data)
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
