// Writes output files so that a reader never sees half of one.

import Foundation

/// Writes files through a temporary name in the target folder and a rename, so an interrupted
/// run leaves either the old file or the complete new one, never a partial file.
///
/// Plain POSIX calls: a batch writes a few files per article, and Foundation's directory and
/// data-writing layers cost more than the writing itself.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(GalleyError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == ENOENT {
            // The folder does not exist yet: make it, then try once more.
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw GalleyError(.output, "cannot write the file: \(error.localizedDescription)", path: path)
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
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

    /// The error for the last failed call, with the system's reason.
    private static func failure(_ path: String) -> GalleyError {
        GalleyError(.output, "cannot write the file: \(String(cString: strerror(errno)))", path: path)
    }
}
