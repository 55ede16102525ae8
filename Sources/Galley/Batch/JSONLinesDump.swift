// JSON Lines dumps read line by line: a dump of any size is never held in memory.

import Foundation

/// Where one article's line lies in a JSON Lines dump.
public struct DumpLine: Codable, Sendable, Hashable {
    /// Byte offset of the line in the dump.
    public var offset: UInt64
    /// Its length in bytes, without the line feed.
    public var length: Int
    /// 1-based line number, for messages.
    public var number: Int
    /// `StableHash.fingerprint` of the line's bytes, taken when the dump was listed.
    public var fingerprint: String
}

/// Reading a JSON Lines dump (`{"id": …, "title": …, "text": …, …}` per line).
///
/// The parent lists a dump by streaming it in chunks and keeps only each line's place, id
/// and fields; whoever needs an article's text (the fingerprint in the parent, the worker
/// that renders it) reads that one line again. So neither holds the dump: 10,000 articles
/// of 6 KB held as jobs would be some 65 MB in the parent before one page is drawn.
public enum JSONLinesDump {
    static let chunkSize = 1 << 20

    /// Calls `body` with every line of the file at `path` (its place and its bytes, without
    /// the line feed), reading the file in chunks of 1 MiB.
    /// A line longer than `maxLine` bytes is not held: its bytes are skipped up to its line
    /// feed, and `body` gets its place (with its true length) and no bytes.
    static func forEachLine(
        in path: String, maxLine: Int = 1 << 24, _ body: (DumpLine, ArraySlice<UInt8>) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BatchInputError(description: "\(path): cannot read the file")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var pendingOffset: UInt64 = 0  // file offset of pending[0]
        var searchFrom = 0
        var number = 0
        // Where an over-long line began, while its bytes are being skipped.
        var skippingFrom: UInt64?
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            let atEnd = chunk.isEmpty
            if let start = skippingFrom {
                let chunkOffset = pendingOffset
                pendingOffset += UInt64(chunk.count)
                guard let newline = chunk.firstIndex(of: 0x0A) else {
                    if atEnd {
                        number += 1
                        try body(DumpLine(oversized: start, length: Int(pendingOffset - start), number: number), [])
                        return
                    }
                    continue
                }
                number += 1
                let end = chunkOffset + UInt64(newline - chunk.startIndex)
                try body(DumpLine(oversized: start, length: Int(end - start), number: number), [])
                skippingFrom = nil
                pending = [UInt8](chunk[(newline + 1)...])
                pendingOffset = end + 1
                searchFrom = 0
            } else {
                pending.append(contentsOf: chunk)
            }
            var lineStart = 0
            while let newline = pending[searchFrom...].firstIndex(of: 0x0A) {
                number += 1
                let line = pending[lineStart..<newline]
                try body(DumpLine(offset: pendingOffset + UInt64(lineStart), number: number, line), line)
                lineStart = newline + 1
                searchFrom = lineStart
            }
            if atEnd {
                if lineStart < pending.count {
                    number += 1
                    let line = pending[lineStart...]
                    try body(DumpLine(offset: pendingOffset + UInt64(lineStart), number: number, line), line)
                }
                return
            }
            pending.removeFirst(lineStart)
            pendingOffset += UInt64(lineStart)
            searchFrom = pending.count
            if pending.count > maxLine {
                skippingFrom = pendingOffset
                pendingOffset += UInt64(pending.count)
                pending = []
                searchFrom = 0
            }
        }
    }

    /// The bytes of one line, read again from the dump.
    static func read(_ line: DumpLine, from path: String) throws(GalleyError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GalleyError(.input, "cannot read the file", path: path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            try handle.seek(toOffset: line.offset)
            data = try handle.read(upToCount: line.length) ?? Data()
        } catch {
            throw GalleyError(.input, "cannot read line \(line.number): \(error)", path: path)
        }
        guard data.count == line.length else {
            throw GalleyError(.input, "line \(line.number) is no longer where it was: the dump changed during the batch", path: path)
        }
        return [UInt8](data)
    }

    /// Space, tab and carriage return: what may stand around a line's JSON object.
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// A line parsed as an article object, or nil when it is not one.
    static func object(_ line: ArraySlice<UInt8>) -> [String: Any]? {
        let trimmed = line.drop(while: isBlank)
        return (try? JSONSerialization.jsonObject(with: Data(trimmed))) as? [String: Any]
    }

    /// Why a line is no article: not JSON (with the parser's reason: a lone UTF-16 surrogate
    /// escape such as `\ud800`, a cut line), not an object, or no "text" string in it.
    static func problem(_ line: ArraySlice<UInt8>) -> String {
        let trimmed = line.drop(while: isBlank)
        do {
            let value = try JSONSerialization.jsonObject(with: Data(trimmed))
            return value is [String: Any] ? "has no \"text\" string" : "is JSON but not an object"
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return "is not valid JSON (\(reason))"
        }
    }

    /// The markup of an article object: its title as the headline, then its text.
    static func markup(of object: [String: Any]) -> [UInt8]? {
        guard let body = object["text"] as? String else { return nil }
        return Array((((object["title"] as? String) ?? "") + "\n" + body).utf8)
    }

    /// One job per line, added to `index`; other fields than id, title and text are kept as
    /// header and footer fields. A line that is not an article object becomes a job that
    /// fails with its reason, so that nothing is silently skipped; blank lines are no articles.
    ///
    /// Keys are `dump.jsonl#id`; an id that repeats keeps its article as an input of its own,
    /// keyed `dump.jsonl#id#2`, `#3`, … (compared as bytes, looked up in the index), with a
    /// warning naming both lines. Output names are `dump/` and the id as
    /// `OutputNames.fileName(forID:)` cleans it.
    /// A line longer than `maxLine` bytes (`--max-input`) is never held: it becomes a job that
    /// fails with its length.
    static func list(_ path: String, maxLine: Int = 1 << 24, into index: BatchIndex) throws {
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try forEachLine(in: path, maxLine: maxLine) { place, line in
            if place.length > maxLine {
                let error = "line \(place.number) of \(path) is \(place.length) bytes, over the limit of \(maxLine) bytes; raise it with --max-input"
                try BatchInputs.add(
                    BatchJob(
                        key: "\(path)#line-\(place.number)", path: path, line: place, outputName: "\(base)/line-\(place.number)",
                        fields: ["source": base, "error": error]), to: index)
                return
            }
            guard !line.allSatisfy(isBlank) else { return }
            let object = Self.object(line)
            let id = object.flatMap { o in (o["id"] as? String) ?? (o["id"] as? NSNumber)?.stringValue } ?? "line-\(place.number)"
            var key = "\(path)#\(id)"
            if let first = try index.job(Array(key.utf8)) {
                var occurrence = 2
                while try index.job(Array("\(path)#\(id)#\(occurrence)".utf8)) != nil { occurrence += 1 }
                key = "\(path)#\(id)#\(occurrence)"
                try index.warn(
                    "\(path) line \(place.number) repeats the id '\(id)' of line \(first.line?.number ?? 0); rendered as its own input, \(key)")
            }
            var fields: [String: String] = ["source": base]
            for (k, v) in object ?? [:] where k != "text" && k != "title" && k != "id" {
                if let s = v as? String { fields[k] = s } else if let n = v as? NSNumber { fields[k] = n.stringValue }
            }
            if object?["text"] as? String == nil {
                fields["error"] = "line \(place.number) of \(path) \(Self.problem(line))"
            }
            let name = "\(base)/\(OutputNames.fileName(forID: id))"
            try BatchInputs.add(BatchJob(key: key, path: path, line: place, outputName: name, fields: fields), to: index)
        }
    }
}

extension DumpLine {
    /// The place of a line too long to hold, which fails when rendered.
    init(oversized offset: UInt64, length: Int, number: Int) {
        self.init(offset: offset, length: length, number: number, fingerprint: "oversized-\(length)")
    }

    /// The place of `bytes`, which start at `offset` in the dump, with their fingerprint.
    init(offset: UInt64, number: Int, _ bytes: ArraySlice<UInt8>) {
        self.init(offset: offset, length: bytes.count, number: number, fingerprint: StableHash.fingerprint(Array(bytes)))
    }
}
