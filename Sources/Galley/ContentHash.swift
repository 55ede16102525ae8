// SHA-256 of bytes and files, through GLib's GChecksum (already linked for Pango).

import CPangoCairo
import Foundation

/// SHA-256 digests as lowercase hex: the content hash of asset files in the batch cache key and
/// the short hash that keeps cleaned dump ids apart (conventions: the first 8 hex digits).
public enum ContentHash {
    /// The SHA-256 of `bytes`, 64 hex digits.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = bytes.withUnsafeBufferPointer { buffer in
            g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count))
        }
        guard let digest else { return "" }
        defer { g_free(digest) }
        return String(cString: digest)
    }

    /// The SHA-256 of the file at `path`, read in 1 MiB chunks; nil when it cannot be read.
    public static func sha256(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path), let checksum = g_checksum_new(G_CHECKSUM_SHA256) else {
            return nil
        }
        defer {
            try? handle.close()
            g_checksum_free(checksum)
        }
        while true {
            // nil is the end of the file (Foundation on Linux says so, not with empty data); a
            // thrown error is a read that failed.
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return nil }
            guard let chunk, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { buffer in
                g_checksum_update(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, gssize(buffer.count))
            }
        }
        guard let hex = g_checksum_get_string(checksum) else { return nil }
        return String(cString: hex)
    }
}
