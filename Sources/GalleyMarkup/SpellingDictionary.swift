// Spelling dictionaries (hunspell): tells a real word from one with a stray `n` glued to it.

import CHunspell
import Foundation

/// Debian's hunspell dictionaries for Russian and English, loaded once per process on first
/// use and shared (calls are serialized: a hunspell handle keeps working buffers).
///
/// The artefact repair asks two questions of it: is `Greenpeacen` a word (no) while
/// `Greenpeace` is (yes), so the `n` is a lost line break; and is `Сергей` a common word
/// (no: the dictionary knows it only capitalized, so a capital there does not open a
/// sentence) while `Однако` is. When a dictionary is missing every answer is «unknown»
/// (`nil`) and the repair keeps the text as written where it would have needed one.
public final class SpellingDictionary: @unchecked Sendable {
    /// The process's dictionaries.
    public static let shared = SpellingDictionary(
        paths: [("ru_RU", "/usr/share/hunspell"), ("en_US", "/usr/share/hunspell")])

    private let lock = NSLock()
    private let paths: [(name: String, folder: String)]
    private var handles: [OpaquePointer]?

    init(paths: [(String, String)]) {
        self.paths = paths.map { (name: $0.0, folder: $0.1) }
    }

    deinit {
        for handle in handles ?? [] { Hunspell_destroy(handle) }
    }

    /// Whether any dictionary could be loaded.
    public var isAvailable: Bool { withHandles { !$0.isEmpty } }

    /// Whether some dictionary accepts `word` as written (hunspell also accepts a capitalized
    /// or upper-case form of a lower-case entry); nil without dictionaries.
    public func knows(_ word: String) -> Bool? {
        withHandles { handles in
            guard !handles.isEmpty else { return nil }
            return handles.contains { Hunspell_spell($0, word) != 0 }
        }
    }

    /// Whether `word` is a common word, not only a name: its lower-case form is accepted
    /// (`Однако` → `однако`: yes; `Сергей` → `сергей`: no). nil without dictionaries.
    public func isCommonWord(_ word: String) -> Bool? {
        knows(word.lowercased())
    }

    private func withHandles<T>(_ body: ([OpaquePointer]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if handles == nil {
            handles = paths.compactMap { entry in
                let aff = "\(entry.folder)/\(entry.name).aff"
                let dic = "\(entry.folder)/\(entry.name).dic"
                guard FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic) else {
                    return nil
                }
                return Hunspell_create(aff, dic)
            }
        }
        return body(handles!)
    }
}
