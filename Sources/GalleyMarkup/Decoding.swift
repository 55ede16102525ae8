// Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, windows-1251 or KOI8-R by detection.

import GalleyCore

/// The encodings galley reads.
public enum InputEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    case windows1251 = "windows-1251"
    case koi8r = "koi8-r"

    /// Parses a user's name for an encoding (`--encoding`): `utf8`, `UTF-8`, `cp1251`,
    /// `windows-1251`, `koi8-r`, `KOI8R`, … Case, `-` and `_` do not matter.
    public init?(name: String) {
        let key = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" }))
        switch key {
        case "utf8": self = .utf8
        case "utf16le", "utf16": self = .utf16le
        case "utf16be": self = .utf16be
        case "windows1251", "cp1251", "win1251", "1251": self = .windows1251
        case "koi8r", "koi8": self = .koi8r
        default: return nil
        }
    }
}

/// Why bytes could not be read as text.
public enum DecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input is not text at all (NUL bytes, control characters).
    case binary(reason: String)
    /// The bytes are not valid in the encoding that was asked for or announced by a BOM.
    case invalid(InputEncoding)

    public var description: String {
        switch self {
        case .binary(let reason):
            "this is not a text file (\(reason)); galley reads articles in UTF-8, UTF-16 with a byte-order mark, windows-1251 or KOI8-R"
        case .invalid(let encoding):
            "the bytes are not valid \(encoding.rawValue); check --encoding, or leave it out to detect the encoding"
        }
    }
}

/// Decoded input: the text, the encoding it was read in, and a warning when that was a guess.
public struct DecodedInput: Sendable, Equatable {
    public var text: String
    public var encoding: InputEncoding
    public var diagnostics: [Diagnostic]

    public init(text: String, encoding: InputEncoding, diagnostics: [Diagnostic] = []) {
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
    }
}

/// Turns an input's bytes into text.
///
/// Valid UTF-8 is taken as UTF-8 (a BOM is dropped); a UTF-16 BOM selects UTF-16. Otherwise
/// the bytes are decoded as both windows-1251 and KOI8-R and the one that reads more like
/// Russian wins, with a warning naming it: either decoding succeeds for any bytes, so success
/// proves nothing and only the letters tell. NUL bytes (outside UTF-16) or mostly control
/// characters mark a binary file, which is refused.
public enum InputDecoder {
    /// How many leading bytes the binary check and the code-page score look at: enough for
    /// a verdict, and it keeps both cheap on a 16 MiB input.
    static let sampleSize = 65_536

    public static func decode(_ bytes: [UInt8], encoding forced: InputEncoding? = nil) throws(DecodingError) -> DecodedInput {
        if let forced {
            if forced != .utf16le && forced != .utf16be { try refuseBinary(bytes) }
            guard let text = decode(bytes, as: forced) else { throw .invalid(forced) }
            return DecodedInput(text: text, encoding: forced)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            guard let text = decode(bytes, as: .utf16le) else { throw .invalid(.utf16le) }
            return DecodedInput(text: text, encoding: .utf16le)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = decode(bytes, as: .utf16be) else { throw .invalid(.utf16be) }
            return DecodedInput(text: text, encoding: .utf16be)
        }
        try refuseBinary(bytes)
        if let text = decode(bytes, as: .utf8) {
            return DecodedInput(text: text, encoding: .utf8)
        }
        let cp1251 = CodePage.decode(bytes[...], table: CodePage.windows1251)
        let koi8 = CodePage.decode(bytes[...], table: CodePage.koi8r)
        let (encoding, text) = russianScore(koi8) > russianScore(cp1251) ? (InputEncoding.koi8r, koi8) : (.windows1251, cp1251)
        let warning = Diagnostic.warning(
            "assumed-encoding",
            "the file is not valid UTF-8; read it as \(encoding.rawValue) by its letters (force another with --encoding)")
        return DecodedInput(text: text, encoding: encoding, diagnostics: [warning])
    }

    /// Throws when the bytes look like a binary file rather than text in a single-byte or
    /// UTF-8 encoding: a NUL byte anywhere, or more than a tenth of control characters
    /// (other than tab, line ends and form feed) in the first 64 KiB.
    static func refuseBinary(_ bytes: [UInt8]) throws(DecodingError) {
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary(reason: "it has a NUL byte at offset \(nul)")
        }
        let sample = bytes.prefix(sampleSize)
        let controls = sample.reduce(0) { count, byte in
            let isControl = byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
            return count + (isControl || byte == 0x7F ? 1 : 0)
        }
        if controls * 10 > sample.count {
            throw .binary(reason: "\(controls) of its first \(sample.count) bytes are control characters")
        }
    }

    /// The text of `bytes` in `encoding`, or nil when they are not valid in it.
    static func decode(_ bytes: [UInt8], as encoding: InputEncoding) -> String? {
        switch encoding {
        case .utf8:
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            return String(validating: body, as: UTF8.self)
        case .utf16le, .utf16be:
            var body = bytes[...]
            let bom: [UInt8] = encoding == .utf16le ? [0xFF, 0xFE] : [0xFE, 0xFF]
            if body.starts(with: bom) { body = body.dropFirst(2) }
            guard body.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i + 1 < body.endIndex {
                let a = UInt16(body[i])
                let b = UInt16(body[i + 1])
                units.append(encoding == .utf16le ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            return String(validating: units, as: UTF16.self)
        case .windows1251:
            return CodePage.decode(bytes[...], table: CodePage.windows1251)
        case .koi8r:
            return CodePage.decode(bytes[...], table: CodePage.koi8r)
        }
    }

    /// How Russian a text looks: frequent lowercase letters score most, other lowercase
    /// Cyrillic a little; capitals, box-drawing characters and Cyrillic letters that Russian
    /// does not use cost. Russian decoded in the wrong code page comes out mostly as capitals
    /// (KOI8-R's lowercase bytes are cp1251's capitals and vice versa) or as box drawing, so
    /// the right decoding scores far higher.
    static func russianScore(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars.prefix(sampleSize) {
            let v = scalar.value
            if (0x2500...0x259F).contains(v) {
                score -= 3
            } else if (0x0430...0x044F).contains(v) || v == 0x0451 {
                score += frequentLowercase.contains(scalar) ? 3 : 1
            } else if (0x0410...0x042F).contains(v) || v == 0x0401 {
                score -= 1
            } else if (0x0400...0x04FF).contains(v) {
                score -= 2
            }
        }
        return score
    }

    /// The most frequent letters of Russian text, about half of all letters written.
    private static let frequentLowercase: Set<Unicode.Scalar> = ["о", "е", "а", "и", "н", "т", "с", "р", "в", "л"]
}
