// Writes output files so that a reader never sees half of one, and never through a planted link.

import Foundation

/// Writes files through a temporary name in the target folder and a rename, so an interrupted
/// run leaves either the old file or the complete new one, never a partial file.
///
/// The temporary file is created with `O_CREAT | O_EXCL | O_NOFOLLOW` under a name no other
/// process uses (`.NAME.TAG-PID-COUNTER.tmp`, TAG random per batch run): a file or a symbolic
/// link already at that name is never opened, let alone written through; another name is
/// tried. Only the process that made a temporary file removes it (and the batch, for a worker
/// it killed, the files with its own run's TAG: `TemporaryFiles`).
///
/// Plain POSIX calls: a batch writes a few files per article, and Foundation's directory and
/// data-writing layers cost more than the writing itself.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(GalleyError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var (temporary, descriptor) = create(in: folder, for: name)
        if descriptor < 0 && errno == ENOENT {
            // The folder does not exist yet: make it, then try once more.
            try Folders.create(folder.isEmpty ? "." : folder)
            (temporary, descriptor) = create(in: folder, for: name)
        }
        guard descriptor >= 0 else { throw failure(path) }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written else {
            let error = failure(path)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates a fresh temporary file for `name` in `folder`; tries new names while one is taken.
    static func create(in folder: String, for name: String) -> (String, Int32) {
        for _ in 0..<16 {
            let temporary = (folder.isEmpty ? "" : folder + "/") + TemporaryFiles.nextName(for: name)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { return (temporary, descriptor) }
        }
        return ("", -1)
    }

    /// The error for the last failed call, with the system's reason.
    static func failure(_ path: String) -> GalleyError {
        GalleyError(.output, "cannot write the file: \(String(cString: strerror(errno)))", path: path)
    }
}

/// Temporary file names: unique per process and per batch run.
public enum TemporaryFiles {
    /// The environment variable through which `galley batch` gives its workers its run's tag.
    public static let tagVariable = "GALLEY_RUN_TAG"

    /// This run's tag: the batch's (inherited by its workers) or 12 random hex digits.
    public static let tag: String = {
        if let inherited = ProcessInfo.processInfo.environment[tagVariable],
            !inherited.isEmpty, inherited.utf8.count <= 32, inherited.allSatisfy({ $0.isHexDigit })
        {
            return inherited
        }
        return String(format: "%06x%06x", UInt32.random(in: 0..<(1 << 24)), UInt32.random(in: 0..<(1 << 24)))
    }()

    private static let counter = Counter()

    /// `.NAME.TAG-PID-N.tmp`, NAME cut to 120 bytes (on a character boundary) so the whole
    /// stays under the file system's 255.
    static func nextName(for name: String) -> String {
        ".\(shortened(name)).\(tag)-\(getpid())-\(counter.next()).tmp"
    }

    private static func shortened(_ name: String) -> String {
        var short = ""
        for character in name {
            if short.utf8.count + String(character).utf8.count > 120 { break }
            short.append(character)
        }
        return short
    }

    /// Removes the temporary files of this run's tag that a worker which was killed left for
    /// the outputs of `outputName` (`NAME.pdf`, `NAME-1.png`, …) in `folder`: a worker killed
    /// mid-write cannot remove its own. Nobody else's temporary files are touched.
    public static func removeLeftovers(of outputName: String, in outputFolder: String) {
        let path = (outputFolder as NSString).appendingPathComponent(outputName)
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = "." + shortened((path as NSString).lastPathComponent)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for file in names where file.hasPrefix(prefix) && file.hasSuffix(".tmp") && file.contains(".\(tag)-") {
            unlink((folder as NSString).appendingPathComponent(file))
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}

/// Folders made with `mkdir`, failures in words (never Foundation's `NSCocoaErrorDomain` codes).
public enum Folders {
    /// Makes `path` and its missing parents; the error names the folder that could not be made
    /// and the system's reason.
    public static func create(_ path: String) throws(GalleyError) {
        var made = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            made += (made.isEmpty || made.hasSuffix("/") ? "" : "/") + component
            guard component != ".", component != ".." else { continue }
            if mkdir(made, 0o777) != 0 && errno != EEXIST {
                throw GalleyError(.output, "cannot create the folder: \(String(cString: strerror(errno)))", path: made)
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw GalleyError(.output, "cannot create the folder: a file of that name is in the way", path: path)
        }
    }
}
