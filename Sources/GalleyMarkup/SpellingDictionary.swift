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
    /// The process's dictionaries: Russian for Cyrillic words, English for the others.
    public static let shared = SpellingDictionary(folder: "/usr/share/hunspell", russian: "ru_RU", english: "en_US")

    private let lock = NSLock()
    private let folder: String
    private let names: (russian: String, english: String)
    /// Loaded handles by dictionary name; nil for one that could not be loaded. Each loads on
    /// its first word (the Russian one takes about 0.3 s and 25 MB, the English one far less).
    private var handles: [String: OpaquePointer?] = [:]

    init(folder: String, russian: String, english: String) {
        self.folder = folder
        names = (russian, english)
    }

    deinit {
        for case let handle? in handles.values { Hunspell_destroy(handle) }
    }

    /// Whether the dictionaries are installed.
    public var isAvailable: Bool {
        [names.russian, names.english].allSatisfy { FileManager.default.fileExists(atPath: "\(folder)/\($0).dic") }
    }

    /// Whether the dictionary of the word's script accepts `word` as written (hunspell also
    /// accepts a capitalized or upper-case form of a lower-case entry); nil without it.
    public func knows(_ word: String) -> Bool? {
        let cyrillic = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        let name = cyrillic ? names.russian : names.english
        lock.lock()
        defer { lock.unlock() }
        guard let handle = handle(name) else { return nil }
        return Hunspell_spell(handle, word) != 0
    }

    /// Whether `word` is a common word, not only a name: its lower-case form is accepted
    /// (`Однако` → `однако`: yes; `Сергей` → `сергей`: no). nil without dictionaries.
    public func isCommonWord(_ word: String) -> Bool? {
        knows(word.lowercased())
    }

    /// The handle of `name`, loaded on first use (called under the lock).
    private func handle(_ name: String) -> OpaquePointer? {
        if let loaded = handles[name] { return loaded }
        let aff = "\(folder)/\(name).aff"
        let dic = "\(folder)/\(name).dic"
        var handle: OpaquePointer?
        if FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic) {
            handle = Hunspell_create(aff, dic)
        }
        handles[name] = handle
        return handle
    }
}
