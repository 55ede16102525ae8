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

    /// Gives every job in `jobs` (sorted by key) an output name no earlier job has, comparing
    /// names in Unicode NFC and without case (so `café` written NFC and NFD is one name, and
    /// `Story` and `story` are, as on a file system that normalizes or ignores case). A clash keeps the first job's name and gives the later one `-2`, `-3`,
    /// … (a number no other input's name takes). Returns one warning per renamed input,
    /// naming both inputs.
    static func resolve(_ jobs: inout [BatchJob]) -> [String] {
        let natural = Set(jobs.map { comparable($0.outputName) })
        var owners: [String: String] = [:]  // comparable name → the key of the input that has it
        var warnings: [String] = []
        for index in jobs.indices {
            let name = jobs[index].outputName
            guard let owner = owners[comparable(name)] else {
                owners[comparable(name)] = jobs[index].key
                continue
            }
            var number = 2
            while natural.contains(comparable("\(name)-\(number)")) || owners[comparable("\(name)-\(number)")] != nil {
                number += 1
            }
            let renamed = "\(name)-\(number)"
            owners[comparable(renamed)] = jobs[index].key
            jobs[index].outputName = renamed
            let why =
                owner == jobs[index].key
                ? " (their names differ only in Unicode normal form)"
                : owner.lowercased() == jobs[index].key.lowercased() ? " (their names differ only in case)" : ""
            warnings.append(
                "\(jobs[index].key) and \(owner) would both write \(name)\(why); "
                    + "\(jobs[index].key) is written as \(renamed)")
        }
        return warnings
    }

    /// A name as compared for clashes: NFC (`precomposedStringWithCanonicalMapping`) and
    /// lowercased, as file systems that normalize or ignore case (macOS, SMB shares) compare
    /// names: `Story.txt` and `story.txt` would overwrite each other's PDF there.
    private static func comparable(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
