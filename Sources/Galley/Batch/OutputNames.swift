// One output name per input: dump ids cleaned reversibly, clashes resolved with a warning.

import Foundation

/// The naming rules of `galley batch` (conventions: batch output names).
public enum OutputNames {
    /// A dump id as a file name: letters, digits, `-` and `_` kept, anything else `_`, at most
    /// 100 characters. When that changed the id, `-` and the first 8 hex digits of the id's
    /// SHA-256 follow, so `a/b`, `a.b` and `a_b` stay three names (`a_b-…`, `a_b-…`, `a_b`).
    public static func fileName(forID id: String) -> String {
        var cleaned = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(100))
        if cleaned.isEmpty { cleaned = "id" }
        guard !cleaned.unicodeScalars.elementsEqual(id.unicodeScalars) else { return cleaned }
        return cleaned + "-" + ContentHash.sha256(Array(id.utf8)).prefix(8)
    }

    /// Gives every input in `index` an output name no input before it (by key bytes) has,
    /// comparing names in Unicode NFC and without case (so `café` written NFC and NFD is one
    /// name, and `Story` and `story` are, as on a file system that normalizes or ignores
    /// case). A clash keeps the first input's name and gives the later one `-2`, `-3`, … (a
    /// number no other input's name takes). Records one warning per renamed input, naming
    /// both inputs.
    ///
    /// Only the inputs whose name clashes are visited (an index on the compared name finds
    /// them), so naming a million inputs holds nothing per input in memory.
    static func resolve(in index: BatchIndex) throws {
        let file = index.file
        try file.query(
            "SELECT key, name, cmp FROM job WHERE cmp IN (SELECT cmp FROM job GROUP BY cmp HAVING count(*) > 1) ORDER BY key"
        ) { row in
            let keyBytes = row.bytes(0)
            let name = row.text(1)
            var ownerBytes: [UInt8] = []
            try file.query("SELECT key FROM job WHERE cmp = ? ORDER BY key LIMIT 1", [.text(row.text(2))]) { ownerBytes = $0.bytes(0) }
            guard ownerBytes != keyBytes else { return }
            func isTaken(_ candidate: String) throws -> Bool {
                var taken = false
                let compared = SQLiteValue.text(comparable(candidate))
                try file.query("SELECT 1 FROM job WHERE cmp = ? UNION ALL SELECT 1 FROM taken WHERE cmp = ?", [compared, compared]) { _ in
                    taken = true
                }
                return taken
            }
            var number = 2
            while try isTaken("\(name)-\(number)") { number += 1 }
            let renamed = "\(name)-\(number)"
            try file.query("INSERT INTO taken(cmp) VALUES (?)", [.text(comparable(renamed))])
            try file.query("INSERT INTO renamed(key, name) VALUES (?, ?)", [.bytes(keyBytes), .text(renamed)])
            let key = String(decoding: keyBytes, as: UTF8.self)
            let owner = String(decoding: ownerBytes, as: UTF8.self)
            let why =
                owner == key
                ? " (their names differ only in Unicode normal form)"
                : owner.lowercased() == key.lowercased() ? " (their names differ only in case)" : ""
            try index.warn("\(key) and \(owner) would both write \(name)\(why); \(key) is written as \(renamed)")
        }
        try file.execute("UPDATE job SET name = (SELECT name FROM renamed WHERE renamed.key = job.key) WHERE key IN (SELECT key FROM renamed)")
    }

    /// A name as compared for clashes: NFC (`precomposedStringWithCanonicalMapping`) and
    /// lowercased, as file systems that normalize or ignore case (macOS, SMB shares) compare
    /// names: `Story.txt` and `story.txt` would overwrite each other's PDF there.
    static func comparable(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
