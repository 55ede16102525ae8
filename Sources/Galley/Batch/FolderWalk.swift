// Walks an input folder: files as read, folders in byte order, symbolic links followed only inside the folder.

import Foundation

/// The folder walk of `galley batch`, with its rule for symbolic links: a link is followed
/// only while its real path stays inside the input folder's real path. A `.txt` link leading
/// out (`story.txt -> /etc/passwd`) is listed as an input that fails, never read; a link to a
/// folder outside is not walked (and said so); a link to a folder inside is walked once.
enum FolderWalk {
    /// The real path of `path` (links and `..` resolved), or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the real path of `path` lies inside `root` (itself a real path).
    static func isInside(_ path: String, root: String) -> Bool {
        guard let real = realPath(path) else { return false }
        return root == "/" ? real.hasPrefix("/") : real.hasPrefix(root + "/")
    }

    /// The name a folder input gives its outputs' first folder when several inputs are given:
    /// its last path component (`.`, `..` and `/` by their real path's last component).
    static func displayName(of folder: String) -> String {
        let name = (folder as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? ""
        if !name.isEmpty, name != ".", name != ".." { return name }
        let real = realPath(folder) ?? folder
        return real.split(separator: "/").last.map(String.init) ?? "root"
    }

    /// Calls `body` with the path (relative to `root`) of every file under it whose name ends
    /// in `suffix` (in any case: `STORY.TXT` from an old DOS archive too), in the order the
    /// folder lists them, and with where it leads when a link takes it outside `realRoot` (nil
    /// when inside); what cannot be walked, and links that lead nowhere, go to `warnings`.
    /// Throws when `root` cannot be read.
    static func files(
        in root: String, realRoot: String, suffix: String, warnings: inout [String], _ body: (String, String?) -> Void
    ) throws {
        var visited: Set<String> = [realRoot]
        guard walk(root, relative: "", realRoot: realRoot, suffix: suffix, visited: &visited, warnings: &warnings, body) else {
            throw BatchInputError(description: "\(root): cannot read the folder: \(String(cString: strerror(errno)))")
        }
    }

    /// False when `folder` cannot be opened (errno tells why); unreadable subfolders become
    /// warnings. Files are handed to `body` as the folder is read (a folder of a million
    /// files is never held as a list: the batch's index sorts them); subfolders are walked
    /// after, in byte order, so that a folder reached twice through a link is always walked
    /// under the same path.
    private static func walk(
        _ folder: String, relative: String, realRoot: String, suffix: String, visited: inout Set<String>,
        warnings: inout [String], _ body: (String, String?) -> Void
    ) -> Bool {
        guard let stream = opendir(folder) else { return false }
        var folders: [(name: String, path: String, real: String)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            var target = info
            if isLink, stat(path, &target) != 0 {
                // A link to nothing, or a loop of links: nothing to render, but the operator
                // learns that a file of the archive was passed over.
                if name.lowercased().hasSuffix(suffix) {
                    warnings.append("\(path) is a link that leads nowhere (\(String(cString: strerror(errno)))); not rendered")
                }
                continue
            }
            if (target.st_mode & S_IFMT) == S_IFDIR {
                guard let real = realPath(path) else { continue }
                folders.append((name, path, real))
            } else if name.lowercased().hasSuffix(suffix), (target.st_mode & S_IFMT) == S_IFREG {
                let outside: String? = isLink && !isInside(path, root: realRoot) ? (realPath(path) ?? "?") : nil
                body(relative.isEmpty ? name : relative + "/" + name, outside)
            } else if name.lowercased().hasSuffix(".jsonl"), (target.st_mode & S_IFMT) == S_IFREG {
                // A dump found while walking a folder is not read (its articles are not files
                // of the tree), but the operator must learn that it was passed over.
                warnings.append("\(path) is a JSON Lines dump inside an input folder; not rendered: give it as an input of its own")
            }
        }
        closedir(stream)
        folders.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (name, path, real) in folders {
            guard real.hasPrefix(realRoot + "/") else {
                warnings.append("\(path) is a link to a folder outside the input folder (\(real)); not walked")
                continue
            }
            guard visited.insert(real).inserted else { continue }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if !walk(path, relative: childRelative, realRoot: realRoot, suffix: suffix, visited: &visited, warnings: &warnings, body) {
                warnings.append("\(path): cannot read the folder: \(String(cString: strerror(errno))); its articles are not listed")
            }
        }
        return true
    }
}
