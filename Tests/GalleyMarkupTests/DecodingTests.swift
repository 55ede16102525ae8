// Decoding: UTF-8 with and without BOM, UTF-16, windows-1251 and KOI8-R detection, binary refusal.

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

    @Test("UTF-16 with a BOM, both byte orders, NUL units allowed")
    func utf16() throws {
        let text = russian + "\u{0000}😀"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try InputDecoder.decode(le) == DecodedInput(text: text, encoding: .utf16le))
        #expect(try InputDecoder.decode(be) == DecodedInput(text: text, encoding: .utf16be))
        #expect(throws: DecodingError.invalid(.utf16le)) { try InputDecoder.decode(le.dropLast()) }
        #expect(throws: DecodingError.invalid(.utf16le)) { try InputDecoder.decode([0xFF, 0xFE, 0x00, 0xD8]) }
    }

    /// `text` in a single-byte code page, encoded through the decoder's own table.
    func encode(_ text: String, table: [UInt16]) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            return UInt8(0x80 + (table.firstIndex(of: UInt16(scalar.value)) ?? 0))
        }
    }

    @Test(
        "windows-1251 and KOI8-R are told apart by their letters, with a warning naming the choice",
        arguments: [InputEncoding.windows1251, .koi8r])
    func cyrillicCodePages(encoding: InputEncoding) throws {
        let table = encoding == .koi8r ? CodePage.koi8r : CodePage.windows1251
        for text in [russian, "Заголовок\nКороткий текст.", "Ёлка стоит у дома; да, сказал он: 5 штук!"] {
            let decoded = try InputDecoder.decode(encode(text, table: table))
            #expect(decoded.encoding == encoding, "\(text)")
            #expect(decoded.text == text)
            #expect(decoded.diagnostics.map(\.code) == ["assumed-encoding"])
            #expect(decoded.diagnostics.first?.message.contains(encoding.rawValue) == true)
        }
    }

    @Test("the code-page tables agree with Foundation's converters")
    func tablesMatchFoundation() throws {
        for byte in UInt8(0x80)...UInt8(0xFF) {
            let cp1251 = String(bytes: [byte], encoding: .windowsCP1251)?.unicodeScalars.first?.value
            if byte != 0x98 { #expect(cp1251 == UInt32(CodePage.windows1251[Int(byte) - 0x80]), "cp1251 \(byte)") }
            let koi8 = String(bytes: [byte], encoding: String.Encoding(rawValue: 0x8000_0A02))?.unicodeScalars.first?.value
            #expect(koi8 == UInt32(CodePage.koi8r[Int(byte) - 0x80]), "koi8-r \(byte)")
        }
        #expect(try InputDecoder.decode([0x41, 0x98], encoding: .windows1251).text == "A\u{FFFD}")
    }

    @Test("--encoding forces an encoding and takes the names people write")
    func forced() throws {
        let bytes = encode(russian, table: CodePage.windows1251)
        #expect(try InputDecoder.decode(bytes, encoding: .windows1251) == DecodedInput(text: russian, encoding: .windows1251))
        #expect(try InputDecoder.decode(bytes, encoding: .koi8r).text != russian)
        #expect(throws: DecodingError.invalid(.utf8)) { try InputDecoder.decode(bytes, encoding: .utf8) }
        for (name, encoding) in [
            ("utf-8", InputEncoding.utf8), ("UTF8", .utf8), ("cp1251", .windows1251), ("windows-1251", .windows1251),
            ("Windows_1251", .windows1251), ("koi8-r", .koi8r), ("KOI8R", .koi8r), ("utf-16le", .utf16le), ("UTF-16BE", .utf16be),
        ] {
            #expect(InputEncoding(name: name) == encoding, "\(name)")
        }
        #expect(InputEncoding(name: "latin9") == nil)
        #expect(InputEncoding(name: "") == nil)
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
