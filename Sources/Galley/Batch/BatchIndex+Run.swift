// The run's part of the batch index: manifest records, the queue of inputs to render, the
// answers for the report.

import Foundation

extension BatchIndex {
    // MARK: manifest

    /// Keeps `line` as the latest manifest record of `key`.
    func recordManifestLine(key: String, line: [UInt8]) throws {
        try file.query("INSERT OR REPLACE INTO manifest(key, line) VALUES (?, ?)", [.bytes(Array(key.utf8)), .bytes(line)])
    }

    /// The latest manifest record of `key`, if any.
    public func manifestEntry(_ key: String) throws -> BatchManifest.Entry? {
        var line: [UInt8]?
        try file.query("SELECT line FROM manifest WHERE key = ?", [.bytes(Array(key.utf8))]) { line = $0.bytes(0) }
        return try line.map { try JSONDecoder().decode(BatchManifest.Entry.self, from: Data($0)) }
    }

    // MARK: queue

    /// Queues `job` for rendering, with the fingerprint its manifest record will carry.
    public func enqueue(_ job: BatchJob, fingerprint: String) throws {
        try file.query("INSERT INTO queue(key, fingerprint) VALUES (?, ?)", [.bytes(Array(job.key.utf8)), .text(fingerprint)])
    }

    /// How many inputs are queued.
    public func queuedCount() throws -> Int {
        var n = 0
        try file.query("SELECT count(*) FROM queue") { n = Int($0.integer(0)) }
        return n
    }

    /// The next queued input, in key order, or nil when all were handed out.
    public func nextQueued() throws -> BatchJob? {
        var key: [UInt8]?
        try file.query("SELECT seq, key FROM queue WHERE seq > ? ORDER BY seq LIMIT 1", [.integer(queueCursor)]) { row in
            queueCursor = row.integer(0)
            key = row.bytes(1)
        }
        return try key.flatMap { try job($0) }
    }

    /// Marks the queued input `key` answered (rendered when `ok`, else failed); returns its
    /// fingerprint and output name (nil for a key that was not queued).
    public func answer(_ key: String, ok: Bool) throws -> (fingerprint: String, name: String)? {
        let bytes = Array(key.utf8)
        var fingerprint: String?
        try file.query("SELECT fingerprint FROM queue WHERE key = ?", [.bytes(bytes)]) { fingerprint = $0.text(0) }
        guard let fingerprint else { return nil }
        try file.query("UPDATE queue SET answered = ? WHERE key = ?", [.integer(ok ? 2 : 1), .bytes(bytes)])
        var name = ""
        try file.query("SELECT name FROM job WHERE key = ?", [.bytes(bytes)]) { name = $0.text(0) }
        return (fingerprint, name)
    }

    /// Calls `body` with every queued input that was never answered (an interrupted run's).
    public func forEachUnanswered(_ body: (BatchJob) throws -> Void) throws {
        var keys: [[UInt8]] = []
        // In slices, so that `body` may write to the index between them.
        var after: Int64 = 0
        repeat {
            keys = []
            try file.query("SELECT seq, key FROM queue WHERE answered = 0 AND seq > ? ORDER BY seq LIMIT 1000", [.integer(after)]) {
                after = $0.integer(0)
                keys.append($0.bytes(1))
            }
            for key in keys { if let job = try job(key) { try body(job) } }
        } while !keys.isEmpty
    }

    /// Whether the input `key` has its pages now: up to date (never queued) or rendered by
    /// this run. COCO gathers those.
    public func isRenderedOrUpToDate(_ key: String) throws -> Bool {
        var answered: Int64?
        try file.query("SELECT answered FROM queue WHERE key = ?", [.bytes(Array(key.utf8))]) { answered = $0.integer(0) }
        return answered == nil || answered == 2
    }

    // MARK: report entries

    /// Keeps one input's report entry (encoded) until the report is written.
    public func recordResult(key: String, encoded: [UInt8]) throws {
        try file.query("INSERT OR REPLACE INTO result(key, body) VALUES (?, ?)", [.bytes(Array(key.utf8)), .bytes(encoded)])
    }

    /// Calls `body` with every report entry, in the order of their keys' bytes.
    public func forEachResult(_ body: ([UInt8]) throws -> Void) throws {
        try file.query("SELECT body FROM result ORDER BY key") { try body($0.bytes(0)) }
    }
}
