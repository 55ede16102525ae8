// What a preview reads: one article file, or every `*.txt` under a folder.

import Foundation

/// One article input and where its files go in the preview.
struct PreviewInput: Sendable, Hashable {
    /// The path as the user gave it, joined with the relative path for a folder.
    var path: String
    /// The article's name: the file name without extension.
    var name: String
    /// Its folder in the preview: "" for a single file, else the relative path without `.txt`.
    var folder: String
}

enum PreviewInputs {
    /// Whether `path` names a folder.
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The articles of `input`: itself when it is a file (existing or not: a missing file is
    /// reported when it is read), or every `*.txt` under it, sorted, skipping hidden entries
    /// and the output folder.
    static func list(_ input: String, excluding output: String) -> [PreviewInput] {
        guard isFolder(input) else {
            return [PreviewInput(path: input, name: articleName(input), folder: "")]
        }
        let root = URL(fileURLWithPath: input).standardizedFileURL.path
        let excluded = URL(fileURLWithPath: output).standardizedFileURL.path
        var found: [PreviewInput] = []
        for relative in files(under: root, excluding: excluded) where relative.lowercased().hasSuffix(".txt") {
            let path = (input as NSString).appendingPathComponent(relative)
            found.append(PreviewInput(path: path, name: articleName(relative), folder: String(relative.dropLast(4))))
        }
        return found
    }

    /// Relative paths of the regular files under `root`, sorted, without hidden entries and
    /// without anything under `excluded`. Symbolic links are not followed.
    static func files(under root: String, excluding excluded: String? = nil) -> [String] {
        var out: [String] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let folder = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            if let excluded, folder == excluded { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = (root as NSString).appendingPathComponent(child)
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    stack.append(child)
                } else if info.st_mode & S_IFMT == S_IFREG {
                    out.append(child)
                }
            }
        }
        return out.sorted()
    }

    static func articleName(_ path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return base.isEmpty ? "article" : base
    }
}
