// Damaged UTF-8 stays UTF-8; legacy encodings are detected only when UTF-8 clearly does not fit.

import Foundation
import GalleyCore
import Testing

@testable import GalleyMarkup

/// The repository's own sample articles, and ../shared's seed and corpus when present.
private enum Material {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path) }

    static func sample(_ name: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("samples/\(name)"), encoding: .utf8)
    }

    /// A file of ../shared, or nil with the reason printed.
    static func shared(_ relative: String) throws -> [UInt8]? {
        guard hasShared else {
            print("skipped \(relative): ../shared is not beside the repository (a fresh clone has no seed or corpus)")
            return nil
        }
        return [UInt8](try Data(contentsOf: shared.appendingPathComponent(relative)))
    }
}

@Suite("decoding: damaged UTF-8 and detection")
struct DetectionTests {
    /// The words of a text: runs of letters and digits.
    func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// `bytes` with `bad` inserted at each of `offsets` (moved forward to a character's start).
    func damaged(_ bytes: [UInt8], at offsets: [Int], with bad: UInt8 = 0x80) -> [UInt8] {
        var result = bytes
        for offset in offsets.sorted(by: >) {
            var at = offset
            while at < result.count, result[at] & 0xC0 == 0x80 { at += 1 }
            result.insert(bad, at: at)
        }
        return result
    }

    /// Where two byte arrays first differ.
    func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }

    /// Checks that `bytes` (original `text` with bad bytes inserted) read as UTF-8 with every
    /// word kept, one warning per bad byte naming its offset, pointing at its U+FFFD.
    func expectRepaired(_ bytes: [UInt8], original text: String, badOffsets: [Int]) throws {
        let decoded = try InputDecoder.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text.replacingOccurrences(of: "\u{FFFD}", with: "") == text)
        #expect(decoded.diagnostics.map(\.code) == Array(repeating: "invalid-bytes", count: badOffsets.count))
        let file = SourceFile(path: "t.txt", text: decoded.text)
        let utf8 = Array(decoded.text.utf8)
        for (diagnostic, offset) in zip(decoded.diagnostics, badOffsets) {
            #expect(diagnostic.message.contains("at byte offset \(offset)"), "\(diagnostic.message)")
            #expect(diagnostic.message.contains("0x\(String(bytes[offset], radix: 16, uppercase: true))"))
            let span = try #require(diagnostic.span)
            #expect(Array(utf8[span.start..<span.end]) == [0xEF, 0xBF, 0xBD])
            let location = file.location(of: span.start)
            let line = Array(file.line(location.line).unicodeScalars)
            #expect(location.column <= line.count && line[location.column - 1] == "\u{FFFD}")
        }
    }

    @Test("one 0x80 in a UTF-8 article: UTF-8 still, one U+FFFD, one warning with its offset")
    func oneBadByte() throws {
        let text = try Material.sample("ru-naberezhnaya.txt")
        let bytes = damaged(Array(text.utf8), at: [1_000])
        let inserted = firstDifference(bytes, Array(text.utf8))
        try expectRepaired(bytes, original: text, badOffsets: [inserted])
        let decoded = try InputDecoder.decode(bytes)
        #expect(decoded.diagnostics[0].message.contains("0x80"))
    }

    @Test("the seed with one 0x80 inserted, and truncated inside its last character")
    func seed() throws {
        guard let bytes = try Material.shared("seeds/000_7b5fd0e551e9cfee.txt") else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let withBad = damaged(bytes, at: [bytes.count / 2])
        let inserted = firstDifference(withBad, bytes)
        try expectRepaired(withBad, original: text, badOffsets: [inserted])
        // Cut inside the last multi-byte character: its lead byte remains.
        let lastLead = bytes.lastIndex { $0 >= 0xC0 }!
        let truncated = Array(bytes[...lastLead])
        let decoded = try InputDecoder.decode(truncated)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text.hasSuffix("\u{FFFD}"))
        #expect(words(decoded.text).count >= words(text).count - 1)
        #expect(decoded.diagnostics.count == 1 && decoded.diagnostics[0].message.contains("at byte offset \(lastLead)"))
    }

    @Test("an 18 KB article with nine bad bytes keeps every word and gets nine warnings")
    func nineBadBytes() throws {
        guard let bytes = try Material.shared("corpus/ru_002.txt") else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let positions = (1...9).map { $0 * bytes.count / 10 }
        let withBad = damaged(bytes, at: positions, with: 0xFF)
        var offsets: [Int] = []
        var original = 0
        for (index, byte) in withBad.enumerated() {
            if original < bytes.count && byte == bytes[original] { original += 1 } else { offsets.append(index) }
        }
        #expect(offsets.count == 9)
        try expectRepaired(withBad, original: text, badOffsets: offsets)
    }

    @Test("more invalid than valid sequences is not UTF-8")
    func rule() {
        #expect(UTF8Repair.isDamagedUTF8(multiByte: 1_500, invalidSequences: 9))
        #expect(UTF8Repair.isDamagedUTF8(multiByte: 4, invalidSequences: 1))
        #expect(!UTF8Repair.isDamagedUTF8(multiByte: 3, invalidSequences: 1))
        #expect(!UTF8Repair.isDamagedUTF8(multiByte: 0, invalidSequences: 1))
    }

    static let cyrillic = ["CP1251", "KOI8-R", "CP866", "ISO-8859-5", "MACCYRILLIC"]
    static let expected: [String: InputEncoding] = [
        "CP1251": .windows1251, "KOI8-R": .koi8r, "CP866": .ibm866, "ISO-8859-5": .iso88595, "MACCYRILLIC": .macCyrillic,
    ]

    /// The text as it survives `encoding` (characters it lacks transliterated, as a real file
    /// in that code page would have them), and its bytes.
    func legacy(_ text: String, in encoding: String) throws -> (text: String, bytes: [UInt8]) {
        let bytes = try Transcode.encode(text, to: encoding + "//TRANSLIT")
        let expected = try #require(InputEncoding(name: encoding))
        return (try InputDecoder.decode(bytes, encoding: expected).text, bytes)
    }

    @Test("a Russian article in each Cyrillic code page is detected and read right", arguments: cyrillic)
    func cyrillicArticle(encoding: String) throws {
        let sample = try Material.sample("ru-naberezhnaya.txt")
        for text in [sample, String(sample.prefix(300)), "Заголовок\nКороткий текст о погоде в Москве.", "Ёлка стоит у дома; да, сказал он: 5 штук!"] {
            let (expected, bytes) = try legacy(text, in: encoding)
            let decoded = try InputDecoder.decode(bytes)
            #expect(decoded.encoding == Self.expected[encoding], "\(encoding): \(text.prefix(40))")
            #expect(decoded.text == expected)
            #expect(decoded.diagnostics.map(\.code) == ["assumed-encoding"])
            #expect(decoded.diagnostics.first?.message.contains("read it as \(Self.expected[encoding]!.name)") == true)
            #expect(decoded.diagnostics.first?.message.contains("uchardet says") == true)
        }
    }

    @Test("the real corpus in each Cyrillic code page is never taken as UTF-8", arguments: cyrillic)
    func corpus(encoding: String) throws {
        guard Material.hasShared else {
            print("skipped the corpus in \(encoding): ../shared is not beside the repository")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Material.shared.appendingPathComponent("corpus").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        for file in files {
            guard let utf8 = try Material.shared("corpus/\(file)") else { return }
            let (expected, bytes) = try legacy(String(decoding: utf8, as: UTF8.self), in: encoding)
            let decoded = try InputDecoder.decode(bytes)
            #expect(decoded.encoding == Self.expected[encoding], "\(file) in \(encoding)")
            #expect(decoded.text == expected, "\(file) in \(encoding)")
        }
    }

    @Test("a Latin-1 English article is read as windows-1252, accents intact")
    func latin1() throws {
        let text = try Material.sample("en-harbour-ferries.txt")
            .replacingOccurrences(of: "port authority", with: "port authority of São Paulo’s twin, München,")
            .replacingOccurrences(of: "the service", with: "the café-bar and the naïve façade")
        let bytes = try Transcode.encode(text.replacingOccurrences(of: "’", with: "'"), to: "ISO-8859-1")
        let decoded = try InputDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == text.replacingOccurrences(of: "’", with: "'"))
        #expect(decoded.text.contains("München") && decoded.text.contains("naïve façade"))
        #expect(decoded.diagnostics.map(\.code) == ["assumed-encoding"])
    }

    @Test("the letter statistics tell the Cyrillic code pages apart")
    func russianScore() throws {
        let text = "Москва. Президент РИА «Новости» сообщил, что ёлка стоит у дома."
        let right = EncodingDetector.russianScore(text)
        for encoding in Self.cyrillic {
            let bytes = try Transcode.encode(text, to: encoding + "//TRANSLIT")
            for other in Self.cyrillic where other != encoding {
                let misread = try Iconv.decode(bytes[...], from: InputEncoding(name: other)!, lenient: true).text
                #expect(EncodingDetector.russianScore(misread) < right, "\(encoding) read as \(other)")
            }
        }
    }
}
