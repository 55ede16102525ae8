// Which asset files an article's directives take, by content: the part of the cache key the
// assets folder decides.

import Foundation
import GalleyPanels

/// Per directive id of an article, what the assets folder gives it: the SHA-256 of the
/// picture or chart data file found, `none` (the placeholder stands in) or `rejected`.
///
/// The worker records it after rendering; a rerun looks the same ids up again and renders the
/// article again when any answer differs. So a new `--assets` folder renders again exactly
/// the articles whose directives now find other files (or files where there were none).
public enum AssetUse {
    public typealias Record = [String: String]

    /// What `ids` find in `folder` (nil or missing folder: every id finds nothing).
    /// `hashes` caches file hashes by path across the articles of one run.
    public static func record(ids: [String], folder: String?, hashes: inout [String: String]) -> Record {
        let library = folder.flatMap { AssetLibrary(folder: $0) }
        var record: Record = [:]
        for id in ids where record[id] == nil {
            record[id] = answer(library?.match(id: id) ?? .none, hashes: &hashes)
        }
        return record
    }

    /// Whether every id of `recorded` still finds the same thing in `folder`.
    public static func isUnchanged(_ recorded: Record, folder: String?, hashes: inout [String: String]) -> Bool {
        guard !recorded.isEmpty else { return true }
        return record(ids: Array(recorded.keys), folder: folder, hashes: &hashes) == recorded
    }

    private static func answer(_ match: AssetMatch, hashes: inout [String: String]) -> String {
        let path: String
        switch match {
        case .picture(let found, _, _): path = found
        case .chartData(let found): path = found
        case .none: return "none"
        case .rejected: return "rejected"
        case .unusable(let reason): return "unusable: " + reason
        }
        if let known = hashes[path] { return known }
        let hash = ContentHash.sha256(ofFileAt: path).map { "sha256:" + $0 } ?? "unreadable"
        hashes[path] = hash
        return hash
    }
}
