// A thin owner of one SQLite connection: statements, bound values, rows.

import CSQLite
import Foundation

/// Why SQLite refused: the statement or call, and SQLite's own message.
struct SQLiteError: Error, CustomStringConvertible {
    var description: String
}

/// One SQLite database used as scratch space: no journal, no fsync (it is made afresh by each
/// run and gone after it), and a page cache of `cacheKiB`, so that what the process holds
/// does not grow with the rows.
///
/// Not `Sendable`: the batch touches it from one thread at a time (the supervisor's lock).
final class SQLiteFile {
    private var db: OpaquePointer?
    let path: String
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, cacheKiB: Int = 4096) throws {
        self.path = path
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK
        else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw SQLiteError(description: "\(path.isEmpty ? "a temporary SQLite database" : path): cannot open: \(message)")
        }
        try execute(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=FILE; PRAGMA cache_size=-\(cacheKiB)"
        )
    }

    /// A temporary database: SQLite keeps it in its page cache and writes pages past that
    /// to a file it unlinks at once, in `folder` (SQLITE_TMPDIR; the system's temporary
    /// folder when nil).
    static func temporary(in folder: String?, cacheKiB: Int = 4096) throws -> SQLiteFile {
        if let folder { setenv("SQLITE_TMPDIR", folder, 1) }
        return try SQLiteFile(path: "", cacheKiB: cacheKiB)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close(db)
    }

    /// How messages name the database.
    var name: String { path.isEmpty ? "the temporary SQLite database (in \(ProcessInfo.processInfo.environment["SQLITE_TMPDIR"] ?? "/var/tmp"))" : path }

    /// Runs `sql` (one or more statements, no parameters).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "?"
            sqlite3_free(message)
            throw SQLiteError(description: "\(name): \(text) (in \(sql))")
        }
    }

    /// Runs `sql` with `values` bound to its `?` in order, calling `row` for each row.
    func query(_ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteRow) throws -> Void = { _ in }) throws {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        sqlite3_clear_bindings(statement)
        for (index, value) in values.enumerated() { value.bind(to: statement, at: Int32(index + 1)) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure(sql) }
            try row(SQLiteRow(statement: statement))
        }
    }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(db)) }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(sql) }
        statements[sql] = statement
        return statement
    }

    private func failure(_ sql: String) -> SQLiteError {
        SQLiteError(description: "\(name): \(String(cString: sqlite3_errmsg(db))) (in \(sql))")
    }
}

/// A value bound to a statement's parameter.
enum SQLiteValue {
    case bytes([UInt8])
    case text(String)
    case integer(Int64)

    /// SQLite copies what it is given (SQLITE_TRANSIENT), so the Swift value may go.
    fileprivate func bind(to statement: OpaquePointer, at index: Int32) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        switch self {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { buffer in
                _ = sqlite3_bind_blob(statement, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count), transient)
            }
        case .text(let text): _ = sqlite3_bind_text(statement, index, text, -1, transient)
        case .integer(let value): _ = sqlite3_bind_int64(statement, index, value)
        }
    }
}

/// The current row of a running statement; valid only inside the `row` closure.
struct SQLiteRow {
    fileprivate let statement: OpaquePointer

    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let base = sqlite3_column_blob(statement, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: base, count: count))
    }

    func text(_ column: Int32) -> String {
        guard let base = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: base)
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
}
