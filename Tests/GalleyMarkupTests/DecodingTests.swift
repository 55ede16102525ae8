// Decoding: UTF-8 (with a few damaged bytes), UTF-16 by BOM, forced encodings, binary refusal.

import Foundation
import GalleyCore
import Testing

@testable import GalleyMarkup

@Suite("decoding")
struct DecodingTests {
    let russian = "Вечером в городе прошёл сильный дождь, и жители остались дома до утра."

    @Test("UTF-8 with and without a BOM, without diagnostics")
    func utf8() throws {
        let plain = try InputDecoder.decode(Array(russian.utf8))
        #expect(plain == DecodedInput(text: russian, encoding: .utf8))
        let withBOM = try InputDecoder.decode([0xEF, 0xBB, 0xBF] + Array(russian.utf8))
        #expect(withBOM == DecodedInput(text: russian, encoding: .utf8))
        #expect(try InputDecoder.decode([0xEF, 0xBB, 0xBF]).text == "")
    }

    @Test("UTF-16 with a BOM, both byte orders, NUL units allowed; a broken one is an error with its offset")
    func utf16() throws {
        let text = russian + "\u{0000}😀"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try InputDecoder.decode(le) == DecodedInput(text: text, encoding: .utf16le))
        #expect(try InputDecoder.decode(be) == DecodedInput(text: text, encoding: .utf16be))
        #expect(throws: DecodingError.self) { try InputDecoder.decode(le.dropLast()) }
        do {
            _ = try InputDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00])
            Issue.record("a lone surrogate decoded")
        } catch {
            #expect(error.description.contains("utf-16le at byte offset 4"), "\(error)")
        }
    }

    @Test("--encoding takes any name iconv knows; the common ones keep one spelling")
    func names() {
        for (name, encoding) in [
            ("utf-8", InputEncoding.utf8), ("UTF8", .utf8), ("cp1251", .windows1251), ("windows-1251", .windows1251),
            ("Windows_1251", .windows1251), ("koi8-r", .koi8r), ("KOI8R", .koi8r), ("utf-16le", .utf16le),
            ("UTF-16BE", .utf16be), ("cp866", .ibm866), ("IBM866", .ibm866), ("ISO-8859-5", .iso88595),
            ("maccyrillic", .macCyrillic), ("x-mac-cyrillic", .macCyrillic), ("latin1", .latin1), ("cp1252", .windows1252),
        ] {
            #expect(InputEncoding(name: name) == encoding, "\(name)")
        }
        #expect(InputEncoding(name: "latin9")?.name == "latin9")
        #expect(InputEncoding(name: "ISO-8859-15")?.name == "iso-8859-15")
        #expect(InputEncoding(name: "no-such-encoding") == nil)
        #expect(InputEncoding(name: "") == nil)
        #expect(InputEncoding.utf8.name == "utf-8" && InputEncoding.windows1251.name == "windows-1251")
    }

    @Test("a forced encoding is read strictly: an invalid byte is an error naming its offset")
    func forced() throws {
        let bytes = try Transcode.encode(russian, to: "ISO-8859-5")
        #expect(try InputDecoder.decode(bytes, encoding: .iso88595) == DecodedInput(text: russian, encoding: .iso88595))
        #expect(try InputDecoder.decode(bytes, encoding: .koi8r).text != russian)
        do {
            _ = try InputDecoder.decode(bytes, encoding: .utf8)
            Issue.record("ISO-8859-5 read as UTF-8")
        } catch {
            #expect(error.description.contains("not valid utf-8 at byte offset 0 (0xB2)"), "\(error)")
        }
        // windows-1251 leaves 0x98 undefined.
        #expect(throws: DecodingError.self) { try InputDecoder.decode([0x41, 0x42, 0x98], encoding: .windows1251) }
        let latin9 = try #require(InputEncoding(name: "latin9"))
        #expect(try InputDecoder.decode([0x41, 0xA4], encoding: latin9).text == "A€")
    }

    @Test("binary files are refused with a reason a user can act on")
    func binary() {
        #expect(throws: DecodingError.binary(reason: "it has a NUL byte at offset 4")) {
            try InputDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        }
        #expect(throws: DecodingError.self) { try InputDecoder.decode([UInt8](repeating: 0x01, count: 100)) }
        #expect(throws: DecodingError.self) { try InputDecoder.decode([0x41, 0x00, 0x42], encoding: .windows1251) }
        let message = DecodingError.binary(reason: "it has a NUL byte at offset 1").description
        #expect(message.contains("not a text file"))
        #expect(message.contains("UTF-8"))
    }

    @Test("text with a few control characters is still text")
    func fewControls() throws {
        let bytes = Array(("Заголовок\u{0007}\n" + russian + "\u{001B}").utf8)
        #expect(try InputDecoder.decode(bytes).encoding == .utf8)
    }

    @Test("an empty file is empty text")
    func empty() throws {
        #expect(try InputDecoder.decode([]) == DecodedInput(text: "", encoding: .utf8))
    }
}

/// Text → bytes in a legacy encoding through glibc's iconv, for building test inputs.
enum Transcode {
    struct Failure: Error {}

    static func encode(_ text: String, to encoding: String) throws -> [UInt8] {
        let descriptor = iconv_open(encoding, "UTF-8")
        guard descriptor != iconv_t(bitPattern: -1) else { throw Failure() }
        defer { iconv_close(descriptor) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let inCount = input.count
        let outCount = output.count
        let written: Int = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(source.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inCount
                var outLeft = outCount
                guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
                return outCount - outLeft
            }
        }
        guard written >= 0 else { throw Failure() }
        return Array(output.prefix(written))
    }
}
