// Material from ../shared (the real seed article), absent from a user's clone.

import Foundation

enum SharedMaterial {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    /// The seed article's text, or nil when ../shared is absent.
    static let seed: String? = try? String(
        contentsOf: folder.appendingPathComponent("seeds/000_7b5fd0e551e9cfee.txt"), encoding: .utf8)
}
