// Dictionary hyphenation with libhyphen and Debian's patterns (hyph_ru_RU.dic, hyph_en_US.dic).

import CHyphen
import Foundation
import GalleyCore

/// Finds the places where a word may take a hyphen, by Liang's patterns through libhyphen.
///
/// Thread safety: loading a dictionary writes libhyphen's global tables, hyphenating only
/// reads its own dictionary. Loads happen under one process-wide lock (`loadLock`, also when
/// a dictionary is read on its first word), so a `Hyphenator` is safe to share: hence
/// `@unchecked Sendable`.
public final class Hyphenator: @unchecked Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String)
        public var description: String {
            switch self {
            case .missing(let path): "no hyphenation dictionary at \(path)"
            case .unreadable(let path): "libhyphen could not read \(path)"
            }
        }
    }

    /// libhyphen's dictionary and whether its patterns are written in KOI8-R.
    private struct Patterns {
        let dictionary: UnsafeMutablePointer<HyphenDict>
        let isKOI8R: Bool
    }
    /// Read from `path` on the first word that needs them (under `loadLock`): a Russian
    /// article with no Latin word never reads the English patterns, and a process that
    /// converts one article reads only what it sets.
    private var patterns: Patterns?
    private var patternsRead = false
    public let language: String
    /// The dictionary file the patterns came from.
    public let path: String
    /// Fewest letters before and after a hyphen.
    public let leftMinimum: Int
    public let rightMinimum: Int
    /// Break points of words already hyphenated, by word. News text repeats its words (the
    /// hundred commonest make up a third of an article), and a batch worker hyphenates the
    /// same vocabulary article after article; libhyphen and the conversions around it cost
    /// more than the lookup. Bounded so that a worker's memory stays flat.
    /// Keyed by scalars, not by `String`: strings compare canonically, so a precomposed «й»
    /// and «и» + U+0306 would share a key, while break points are indices into the scalars.
    private var cache: [[Unicode.Scalar]: [Int]] = [:]
    private let cacheLock = NSLock()
    private static let cacheLimit = 50_000

    private init(path: String, language: String, left: Int, right: Int) {
        self.path = path
        self.language = language
        self.leftMinimum = left
        self.rightMinimum = right
    }

    deinit { if let patterns { hnj_hyphen_free(patterns.dictionary) } }

    /// The patterns, read on first use. Nil when libhyphen cannot read the file (said once
    /// on standard error; words then get no break points).
    private var loadedPatterns: Patterns? {
        Self.loadLock.lock()
        defer { Self.loadLock.unlock() }
        guard !patternsRead else { return patterns }
        patternsRead = true
        // The first line names the dictionary's encoding: KOI8-R for Debian's Russian one.
        var firstLine = ""
        if let stream = fopen(path, "r") {
            var buffer = [CChar](repeating: 0, count: 64)
            if fgets(&buffer, 64, stream) != nil { firstLine = String(cString: buffer).uppercased() }
            fclose(stream)
        }
        guard let dictionary = hnj_hyphen_load(path) else {
            FileHandle.standardError.write(Data("galley: warning: \(LoadError.unreadable(path)); \(language) words are not hyphenated\n".utf8))
            return nil
        }
        patterns = Patterns(dictionary: dictionary, isKOI8R: firstLine.hasPrefix("KOI8-R"))
        return patterns
    }

    /// Folders searched for dictionaries, in order: `GALLEY_HYPHEN_DIR`, the denser patterns
    /// `scripts/setup.sh` installs (LibreOffice's current Russian set), then Debian's.
    public static var searchPath: [String] {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment["GALLEY_HYPHEN_DIR"] { folders.append(custom) }
        return folders + ["/usr/local/share/galley/hyphen", "/usr/share/hyphen"]
    }

    /// Guards `loaded`: libhyphen writes global tables while loading, so loads never overlap.
    private static let loadLock = NSLock()
    /// Dictionaries loaded so far, by language: each is loaded once per process and shared.
    nonisolated(unsafe) private static var loaded: [String: Hyphenator] = [:]

    /// The patterns for `ru` or `en`, from the first folder of `searchPath` that has them,
    /// one instance per process (later calls, from any thread, get the same); the file is
    /// read on the first word to hyphenate.
    /// Russian takes at least 2 letters on each side of a hyphen; English 2 before, 3 after.
    public static func load(language: String) throws -> Hyphenator {
        loadLock.lock()
        defer { loadLock.unlock() }
        if let hit = loaded[language] { return hit }
        let hyphenator = try loadUncached(language: language)
        loaded[language] = hyphenator
        return hyphenator
    }

    private static func loadUncached(language: String) throws -> Hyphenator {
        let (file, left, right) = language == "ru" ? ("hyph_ru_RU.dic", 2, 2) : ("hyph_en_US.dic", 2, 3)
        guard let path = searchPath.map({ $0 + "/" + file }).first(where: { FileManager.default.fileExists(atPath: $0) })
        else { throw LoadError.missing(searchPath.map { $0 + "/" + file }.joined(separator: ", ")) }
        guard access(path, R_OK) == 0 else { throw LoadError.unreadable(path) }
        return Hyphenator(path: path, language: language, left: left, right: right)
    }

    /// Indices (in Unicode scalars of `word`) before which a hyphen may go. Letters are
    /// looked up in lower case; punctuation around the word is ignored; a word with digits,
    /// an e-mail address, a URL, an acronym in capitals or a word of fewer than five letters
    /// gets none. Parts of a compound (`Воздушно-космических`) are hyphenated one by one;
    /// the existing hyphen itself is not reported (the caller breaks there without adding one).
    public func breakPoints(in word: String) -> [Int] {
        breakPoints(in: Array(word.unicodeScalars))
    }

    /// The same for a word as scalars (what layout holds: no string is made of it).
    public func breakPoints(in scalars: [Unicode.Scalar]) -> [Int] {
        cacheLock.lock()
        let hit = cache[scalars]
        cacheLock.unlock()
        if let hit { return hit }
        let points = breakPoints(scalars)
        cacheLock.lock()
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[scalars] = points
        cacheLock.unlock()
        return points
    }

    private func breakPoints(_ scalars: [Unicode.Scalar]) -> [Int] {
        if scalars.contains(where: { ScalarClass.isNumeric($0) || $0 == "@" || $0 == "/" }) {
            return []
        }
        if Self.looksLikeURL(scalars) { return [] }
        var points: [Int] = []
        var i = 0
        while i < scalars.count {
            guard isWordLetter(scalars[i]) else {
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, isWordLetter(scalars[end]) { end += 1 }
            points += hyphenate(scalars, i..<end)
            i = end
        }
        return points
    }

    /// Whether the word holds `www.` or `://` (a URL that lost its scheme or kept it).
    private static func looksLikeURL(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 3 else { return false }
        for k in 0..<(scalars.count - 2) {
            if scalars[k] == ":" && scalars[k + 1] == "/" && scalars[k + 2] == "/" { return true }
            if k + 3 < scalars.count, scalars[k] == "w", scalars[k + 1] == "w", scalars[k + 2] == "w", scalars[k + 3] == "." {
                return true
            }
        }
        return false
    }

    /// Letters, and the combining stress mark that sits inside Russian words.
    private func isWordLetter(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isLetter(s) || s == "\u{0301}"
    }

    private func hyphenate(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        // Letters to look up, each with its index in the original word (stress marks dropped).
        var letters: [(scalar: Unicode.Scalar, index: Int)] = []
        var capitals = 0
        for k in range where scalars[k] != "\u{0301}" {
            if ScalarClass.isCapital(scalars[k]) { capitals += 1 }
            letters.append((scalars[k], k))
        }
        guard letters.count >= 5, capitals < 2 else { return [] }
        guard let patterns = loadedPatterns else { return [] }
        var bytes: [CChar] = []
        bytes.reserveCapacity(letters.count * 2 + 1)
        for letter in letters {
            let lower = ScalarClass.lowercase(letter.scalar)
            guard encode(lower, isKOI8R: patterns.isKOI8R, into: &bytes) else { return [] }
        }
        // libhyphen reports positions per character, also for UTF-8 dictionaries.
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = hnj_hyphen_hyphenate3(
            patterns.dictionary, bytes, Int32(bytes.count), &hyphens, nil, &rep, &pos, &cut,
            Int32(leftMinimum), Int32(rightMinimum), Int32(leftMinimum), Int32(rightMinimum))
        // Non-standard hyphenation (rep/pos/cut) is not used by these dictionaries; free it.
        if let rep {
            for k in 0..<bytes.count { free(rep[k]) }
            free(rep)
        }
        free(pos)
        free(cut)
        guard status == 0 else { return [] }
        var points: [Int] = []
        for k in 0..<(letters.count - 1) where hyphens[k] & 1 == 1 {
            // A hyphen after letter k: the break goes before letter k + 1.
            let before = letters[k + 1].index
            if before - range.lowerBound >= leftMinimum && range.upperBound - before >= rightMinimum {
                points.append(before)
            }
        }
        return points
    }

    /// Appends the dictionary's bytes for a lowercase letter: KOI8-R for Debian's Russian
    /// patterns, UTF-8 otherwise. False for a letter KOI8-R lacks (the word stays unhyphenated).
    private func encode(_ s: Unicode.Scalar, isKOI8R: Bool, into bytes: inout [CChar]) -> Bool {
        if s.isASCII {
            bytes.append(CChar(bitPattern: UInt8(s.value)))
            return true
        }
        guard isKOI8R else {
            for byte in UTF8.encode(s)! { bytes.append(CChar(bitPattern: byte)) }
            return true
        }
        guard let byte = KOI8R.byte(for: s) else { return false }
        bytes.append(CChar(bitPattern: byte))
        return true
    }
}

/// The lowercase Cyrillic letters of KOI8-R (RFC 1489).
enum KOI8R {
    private static let lowercase: [Unicode.Scalar: UInt8] = {
        // Bytes 0xC0…0xDF hold «юабцдефгхийклмнопярстужвьызшэщчъ» in this order.
        let letters = "юабцдефгхийклмнопярстужвьызшэщчъ"
        var table: [Unicode.Scalar: UInt8] = [:]
        for (offset, scalar) in letters.unicodeScalars.enumerated() { table[scalar] = UInt8(0xC0 + offset) }
        table["ё"] = 0xA3
        return table
    }()

    static func byte(for scalar: Unicode.Scalar) -> UInt8? { lowercase[scalar] }
}
