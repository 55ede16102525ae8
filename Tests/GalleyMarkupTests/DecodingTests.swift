// Decoding: UTF-8 with and without BOM, UTF-16, windows-1251 and KOI8-R detection, binary refusal.

import Foundation
import Testing

@testable import GalleyMarkup

@Suite("decoding")
struct DecodingTests {
    let russian = "Глава МИД России обсудил с госсекретарем шаги по налаживанию процесса."

    @Test("UTF-8 with and without a BOM")
    func utf8() throws {
        #expect(try InputDecoder.decode(Array(russian.utf8)).text == russian)
        let withBOM = try InputDecoder.decode([0xEF, 0xBB, 0xBF] + Array(russian.utf8))
        #expect(withBOM.text == russian)
        #expect(withBOM.encoding == .utf8)
        #expect(withBOM.diagnostics.isEmpty)
    }

    @Test("UTF-16 with a BOM, both byte orders")
    func utf16() throws {
        let units = Array(russian.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try InputDecoder.decode(le).text == russian)
        #expect(try InputDecoder.decode(be).text == russian)
    }

    @Test("windows-1251 and KOI8-R are told apart by their letters, with a warning", arguments: [
        (String.Encoding.windowsCP1251, InputEncoding.windows1251),
        (String.Encoding(rawValue: 0x8000_0A02), InputEncoding.koi8r),
    ])
    func cyrillicCodePages(foundation: String.Encoding, expected: InputEncoding) throws {
        let bytes = try #require(russian.data(using: foundation))
        let decoded = try InputDecoder.decode([UInt8](bytes))
        #expect(decoded.encoding == expected)
        #expect(decoded.text == russian)
        #expect(decoded.diagnostics.map(\.code) == ["assumed-encoding"])
        #expect(decoded.diagnostics.first?.message.contains(expected.rawValue) == true)
    }

    @Test("--encoding forces a code page")
    func forced() throws {
        let bytes = [UInt8](try #require(russian.data(using: .windowsCP1251)))
        #expect(try InputDecoder.decode(bytes, encoding: .windows1251).text == russian)
        #expect(InputEncoding(name: "cp1251") == .windows1251)
        #expect(InputEncoding(name: "KOI8-R") == .koi8r)
        #expect(InputEncoding(name: "latin9") == nil)
    }

    @Test("binary files are refused with a reason")
    func binary() {
        #expect(throws: DecodingError.self) { try InputDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]) }
        #expect(throws: DecodingError.self) { try InputDecoder.decode([UInt8](repeating: 0x01, count: 100)) }
        do {
            _ = try InputDecoder.decode([0x41, 0x00, 0x42])
        } catch {
            #expect("\(error)".contains("not a text file"))
        }
    }

    @Test("an empty file is empty text")
    func empty() throws {
        #expect(try InputDecoder.decode([]).text == "")
    }
}
