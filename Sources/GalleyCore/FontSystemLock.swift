// One lock around font-system start-up, shared by every module that makes a Pango font map.

import Foundation

/// Serializes the creation of Pango font maps and their first font loads.
///
/// A font map belongs to one thread, but fontconfig's first configuration load is global:
/// two threads making their first font maps at once crashed in tests. Creating maps under
/// this lock (shaper and renderer alike) makes start-up safe; after it, each thread uses its
/// own map freely.
public enum FontSystemLock {
    private static let lock = NSLock()

    public static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
