// The batch's on-disk index: every input, its name, the manifest's latest records, the queue
// and the report's entries, in a SQLite file, so the parent's memory does not grow with them.

import Foundation

/// What a batch knows per input, kept on disk rather than in the parent's memory: at a
/// million inputs, dictionaries and arrays of keys, names, fingerprints and report entries
/// held some 0.8 KB an input (800 MB). SQLite sorts the inputs by key bytes, finds name
/// clashes through an index and holds only its page cache (4 MiB) in memory.
///
/// The index is this run's alone, and gone when it ends; the record shared across runs stays
/// the manifest log (`ManifestLog`).
public final class BatchIndex {
    let file: SQLiteFile
    /// The `seq` of the last input `nextQueued` handed out.
    var queueCursor: Int64 = 0

    /// Makes the index of one run. It stays in SQLite's page cache (4 MiB) while it fits and
    /// spills to a temporary file past that, in `folder` (the output folder, where the disk
    /// has room for the archive's own index) or the system's temporary folder when nil. The
    /// file is unlinked by SQLite as soon as it is made: a killed batch leaves nothing behind.
    public init(folder: String? = nil) throws {
        file = try SQLiteFile.temporary(in: folder)
        try file.execute(
            """
            CREATE TABLE job(key BLOB PRIMARY KEY, name TEXT NOT NULL, cmp TEXT NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
            CREATE INDEX job_cmp ON job(cmp);
            CREATE TABLE taken(cmp TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE renamed(key BLOB PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE manifest(key BLOB PRIMARY KEY, line BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE queue(seq INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, fingerprint TEXT NOT NULL, answered INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE result(key BLOB PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE warning(seq INTEGER PRIMARY KEY, text TEXT NOT NULL);
            """)
    }

    /// Runs `body` in one transaction (many small writes at the cost of one).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try file.execute("BEGIN")
        do {
            let value = try body()
            try file.execute("COMMIT")
            return value
        } catch {
            try? file.execute("COMMIT")
            throw error
        }
    }

    // MARK: inputs

    /// Adds `job`; when an input with its key is already listed, adds nothing and returns the
    /// output name of the one listed.
    func add(_ job: BatchJob) throws -> String? {
        let key = Array(job.key.utf8)
        try file.query(
            "INSERT OR IGNORE INTO job(key, name, cmp, body) VALUES (?, ?, ?, ?)",
            [.bytes(key), .text(job.outputName), .text(OutputNames.comparable(job.outputName)), .bytes(job.record)])
        guard file.changes == 0 else { return nil }
        return try self.job(key)?.outputName ?? job.outputName
    }

    /// The input listed under `key`, with its resolved output name.
    func job(_ key: [UInt8]) throws -> BatchJob? {
        var found: BatchJob?
        try file.query("SELECT body, name FROM job WHERE key = ?", [.bytes(key)]) { row in
            found = try decodeJob(row)
        }
        return found
    }

    private func decodeJob(_ row: SQLiteRow) throws -> BatchJob {
        guard var job = BatchJob(record: row.bytes(0)) else { throw SQLiteError(description: "\(file.name): an unreadable job record") }
        job.outputName = row.text(1)
        return job
    }

    /// Calls `body` with every input in the order of their keys' bytes. `body` must not add
    /// inputs (it may use the other tables).
    public func forEachJob(_ body: (BatchJob) throws -> Void) throws {
        try file.query("SELECT body, name FROM job ORDER BY key") { row in try body(try decodeJob(row)) }
    }

    /// How many inputs are listed.
    public func jobCount() throws -> Int { try count("SELECT count(*) FROM job") }

    private func count(_ sql: String) throws -> Int {
        var n = 0
        try file.query(sql) { n = Int($0.integer(0)) }
        return n
    }

    // MARK: warnings

    /// Records a warning of the listing (said in the summary and the report).
    func warn(_ text: String) throws { try file.query("INSERT INTO warning(text) VALUES (?)", [.text(text)]) }

    public func forEachWarning(_ body: (String) throws -> Void) throws {
        try file.query("SELECT text FROM warning ORDER BY seq") { try body($0.text(0)) }
    }
}
