// Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, windows-1251 or KOI8-R by detection.

import Foundation
import GalleyCore

/// The encodings galley reads.
public enum InputEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    case windows1251 = "windows-1251"
    case koi8r = "koi8-r"

    /// Parses a user's name for an encoding: `utf8`, `UTF-8`, `cp1251`, `koi8r`, …
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        case "windows-1251", "cp1251", "win1251", "cp-1251", "windows1251": self = .windows1251
        case "koi8-r", "koi8r", "koi8": self = .koi8r
        default: return nil
        }
    }
}

/// Why bytes could not be read as text.
public enum DecodingError: Error, CustomStringConvertible, Sendable {
    case binary(reason: String)
    case invalid(InputEncoding)

    public var description: String {
        switch self {
        case .binary(let reason):
            "this is not a text file (\(reason)); galley reads articles in UTF-8, UTF-16, windows-1251 or KOI8-R"
        case .invalid(let encoding):
            "the bytes are not valid \(encoding.rawValue); check --encoding or leave it out to detect the encoding"
        }
    }
}

/// Decoded input: the text, the encoding it was read in, and a warning when that was a guess.
public struct DecodedInput: Sendable {
    public var text: String
    public var encoding: InputEncoding
    public var diagnostics: [Diagnostic]
}

/// Turns an input's bytes into text.
///
/// Valid UTF-8 is taken as UTF-8 (a BOM is dropped); a UTF-16 BOM selects UTF-16. Otherwise
/// the bytes are decoded as both windows-1251 and KOI8-R and the one that reads more like
/// Russian wins, with a warning naming it: either decoding succeeds for any bytes, so success
/// proves nothing and only the letters tell. NUL bytes (outside UTF-16) or mostly control
/// characters mark a binary file, which is refused.
public enum InputDecoder {
    public static func decode(_ bytes: [UInt8], encoding forced: InputEncoding? = nil) throws(DecodingError) -> DecodedInput {
        if let forced {
            guard let text = decode(bytes, as: forced) else { throw .invalid(forced) }
            return DecodedInput(text: text, encoding: forced, diagnostics: [])
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            guard let text = decode(bytes, as: .utf16le) else { throw .invalid(.utf16le) }
            return DecodedInput(text: text, encoding: .utf16le, diagnostics: [])
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = decode(bytes, as: .utf16be) else { throw .invalid(.utf16be) }
            return DecodedInput(text: text, encoding: .utf16be, diagnostics: [])
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary(reason: "it has a NUL byte at offset \(nul)")
        }
        let controls = bytes.prefix(65536).filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if controls * 10 > min(bytes.count, 65536) {
            throw .binary(reason: "more than a tenth of its bytes are control characters")
        }
        if let text = decode(bytes, as: .utf8) {
            return DecodedInput(text: text, encoding: .utf8, diagnostics: [])
        }
        let candidates: [(InputEncoding, String)] = [.windows1251, .koi8r].compactMap { encoding in
            decode(bytes, as: encoding).map { (encoding, $0) }
        }
        guard let best = candidates.max(by: { russianScore($0.1) < russianScore($1.1) }) else {
            throw .binary(reason: "it is neither UTF-8 nor a Cyrillic single-byte encoding")
        }
        let warning = Diagnostic.warning(
            "assumed-encoding",
            "the file is not UTF-8; read it as \(best.0.rawValue) (force another with --encoding)")
        return DecodedInput(text: best.1, encoding: best.0, diagnostics: [warning])
    }

    static func decode(_ bytes: [UInt8], as encoding: InputEncoding) -> String? {
        switch encoding {
        case .utf8:
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            return String(validating: body, as: UTF8.self)
        case .utf16le, .utf16be:
            var body = bytes[...]
            if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) { body = body.dropFirst(2) }
            guard body.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i < body.endIndex {
                let a = UInt16(body[i])
                let b = UInt16(body[i + 1])
                units.append(encoding == .utf16le ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            return String(validating: units, as: UTF16.self)
        case .windows1251:
            return String(bytes: bytes, encoding: .windowsCP1251)
        case .koi8r:
            return String(bytes: bytes, encoding: String.Encoding(rawValue: 0x8000_0A02))
        }
    }

    /// How Russian a text looks: frequent lowercase letters score, capitals and rare
    /// letters cost. Text decoded in the wrong Cyrillic code page comes out mostly as
    /// capitals and rare letters, so the right one scores far higher.
    static func russianScore(_ text: String) -> Int {
        let frequent: Set<Unicode.Scalar> = ["о", "е", "а", "и", "н", "т", "с", "р", "в", "л", "к", "м", "д", "п", "у"]
        var score = 0
        for scalar in text.unicodeScalars.prefix(100_000) {
            guard (0x0400...0x04FF).contains(scalar.value) else { continue }
            if frequent.contains(scalar) {
                score += 3
            } else if scalar.properties.isLowercase {
                score += 1
            } else {
                score -= 2
            }
        }
        return score
    }
}
