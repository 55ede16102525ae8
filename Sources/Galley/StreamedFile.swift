// Writes a file piece by piece through a temporary name and a rename (AtomicFile, streamed).

import Foundation

/// A file written in pieces, as `AtomicFile` writes one whole: under a fresh temporary name
/// (`O_EXCL | O_NOFOLLOW`) in the target folder, renamed over the target by `commit()`. What
/// is appended is buffered in 64 KiB, so a report of a million entries or a compacted manifest
/// is written without being held. Not committed (an error, a throw in between), the temporary
/// file is removed.
public final class StreamedFile {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    public init(path: String) throws(GalleyError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        var (temporary, descriptor) = AtomicFile.create(in: folder, for: (path as NSString).lastPathComponent)
        if descriptor < 0 && errno == ENOENT {
            try Folders.create(folder.isEmpty ? "." : folder)
            (temporary, descriptor) = AtomicFile.create(in: folder, for: (path as NSString).lastPathComponent)
        }
        guard descriptor >= 0 else { throw AtomicFile.failure(path) }
        self.temporary = temporary
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    public func append<Bytes: Collection>(_ bytes: Bytes) throws(GalleyError) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws(GalleyError) {
        let written = buffer.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written else { throw AtomicFile.failure(path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, closes the file and renames it over `path`.
    public func commit() throws(GalleyError) {
        try flush()
        let closed = close(descriptor) == 0
        descriptor = -1
        guard closed, rename(temporary, path) == 0 else {
            let error = AtomicFile.failure(path)
            unlink(temporary)
            throw error
        }
    }
}
