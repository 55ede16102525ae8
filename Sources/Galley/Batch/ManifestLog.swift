// Appends manifest records to the shared log, one locked write each.

import Foundation

/// The open manifest log of one batch run (`BatchManifest`): records are appended with
/// `O_APPEND` under an exclusive `flock`, so concurrent runs on one folder (on one machine or
/// sharing a network file system that supports locks) never lose each other's records.
public final class ManifestLog {
    public let path: String
    private let descriptor: Int32
    private let encoder: JSONEncoder
    private let clock = ISO8601DateFormatter()

    /// Opens (or creates) the log of `folder`; the error names the path and the system's reason.
    public init(folder: String) throws(GalleyError) {
        path = (folder as NSString).appendingPathComponent(BatchManifest.fileName)
        descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else {
            throw GalleyError(.output, "cannot open the manifest: \(String(cString: strerror(errno)))", path: path)
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit { close(descriptor) }

    /// Appends `entry` as one line. When the log ends in a line cut short (a writer killed or
    /// a disk that was full), a line feed first, so the record starts a line of its own.
    public func append(_ entry: BatchManifest.Entry) throws(GalleyError) {
        var entry = entry
        entry.at = clock.string(from: Date())
        guard var bytes = try? [UInt8](encoder.encode(entry)) else {
            throw GalleyError(.output, "cannot encode the manifest record of \(entry.key)", path: path)
        }
        bytes.append(0x0A)
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("cannot lock the manifest") }
        }
        defer { flock(descriptor, LOCK_UN) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > 0 {
            var last: UInt8 = 0
            if pread(descriptor, &last, 1, info.st_size - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write the manifest")
            }
            offset += written
        }
    }

    private func failure(_ what: String) -> GalleyError {
        GalleyError(.output, "\(what): \(String(cString: strerror(errno)))", path: path)
    }
}
