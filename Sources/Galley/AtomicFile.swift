// Writes output files so that a reader never sees half of one.

import Foundation

/// Writes files through a temporary name in the target folder and a rename, so an interrupted
/// run leaves either the old file or the complete new one, never a partial file.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(GalleyError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw GalleyError(.output, "cannot write the file: \(reason)", path: path)
            }
        } catch let error as GalleyError {
            throw error
        } catch {
            throw GalleyError(.output, "cannot write the file: \(error.localizedDescription)", path: path)
        }
    }
}
