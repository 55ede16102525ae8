// Appends manifest records to the shared log, one locked write each.

import Foundation

/// The open manifest log of one batch run (`BatchManifest`): records are appended with
/// `O_APPEND` under an exclusive `flock`, so concurrent runs on one folder (on one machine or
/// sharing a network file system that supports locks) never lose each other's records.
public final class ManifestLog {
    public let path: String
    private var descriptor: Int32
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
        try lock()
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

    /// Takes the exclusive lock on the log as it stands at `path`: when another run compacted
    /// it meanwhile (renamed a new file over it), the new file is opened and locked instead, so
    /// no record goes to the replaced one.
    private func lock() throws(GalleyError) {
        while true {
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { throw failure("cannot lock the manifest") }
            }
            var held = stat()
            var current = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &current) == 0 else { throw failure("cannot read the manifest") }
            if held.st_ino == current.st_ino && held.st_dev == current.st_dev { return }
            let reopened = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
            guard reopened >= 0 else { throw failure("cannot open the manifest") }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = reopened
        }
    }

    /// Rewrites the log with only the latest record of each key, when at least half of its
    /// lines are superseded (a log grows by one line per input each time it renders). Under
    /// the lock, from the file as it is then (records other runs appended included), written
    /// to a temporary file and renamed over the log; runs appending at that moment move to
    /// the new file (`lock`). Returns how many lines were dropped.
    ///
    /// The log is streamed twice and never held: the first pass notes in a scratch SQLite
    /// database (spilling to a file in the log's folder) where each key's latest record lies,
    /// the second copies those lines in the order their keys first appeared.
    @discardableResult
    public func compactIfWorthIt() throws(GalleyError) -> Int {
        try lock()
        defer { flock(descriptor, LOCK_UN) }
        do {
            let index = try SQLiteFile.temporary(in: (path as NSString).deletingLastPathComponent)
            try index.execute("CREATE TABLE latest(key BLOB PRIMARY KEY, first INTEGER NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL) WITHOUT ROWID; BEGIN")
            struct Key: Decodable { var key: String }
            let decoder = JSONDecoder()
            var lines = 0
            try JSONLinesDump.forEachLine(in: path) { place, line in
                guard !line.isEmpty else { return }
                lines += 1
                guard let key = try? decoder.decode(Key.self, from: Data(line)) else { return }
                let values: [SQLiteValue] = [
                    .bytes(Array(key.key.utf8)), .integer(Int64(place.number)), .integer(Int64(place.offset)),
                    .integer(Int64(place.length)),
                ]
                try index.query(
                    "INSERT INTO latest(key, first, offset, length) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET offset = excluded.offset, length = excluded.length",
                    values)
            }
            var keys = 0
            try index.query("SELECT count(*) FROM latest") { keys = Int($0.integer(0)) }
            guard lines >= 2 * keys, lines - keys >= 100 else { return 0 }
            try index.execute("CREATE INDEX latest_first ON latest(first)")
            let compacted = try StreamedFile(path: path)
            var line: [UInt8] = []
            try index.query("SELECT offset, length FROM latest ORDER BY first") { row in
                line = [UInt8](repeating: 0, count: Int(row.integer(1)))
                let read = line.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(row.integer(0))) }
                guard read == line.count else { throw failure("cannot read the manifest") }
                try compacted.append(line)
                try compacted.append(CollectionOfOne(0x0A))
            }
            try compacted.commit()
            return lines - keys
        } catch let error as GalleyError {
            throw error
        } catch {
            throw GalleyError(.output, "cannot compact the manifest: \(error)", path: path)
        }
    }

    private func failure(_ what: String) -> GalleyError {
        GalleyError(.output, "\(what): \(String(cString: strerror(errno)))", path: path)
    }
}
