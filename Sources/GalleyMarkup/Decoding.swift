// Bytes → text: UTF-8 (damaged bytes replaced and located), UTF-16 by BOM, else a detected legacy encoding.

import GalleyCore

/// Why bytes could not be read as text.
public enum DecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input is not text at all (NUL bytes, control characters).
    case binary(reason: String)
    /// The bytes are not valid in the encoding that was asked for or announced by a BOM.
    case invalid(InputEncoding, InvalidBytes)

    public var description: String {
        switch self {
        case .binary(let reason):
            "this is not a text file (\(reason)); galley reads articles in UTF-8, UTF-16 with a byte-order mark, or a single-byte encoding it detects or --encoding names"
        case .invalid(let encoding, let bytes):
            "the bytes are not valid \(encoding.name) at byte offset \(bytes.byteOffset) (\(bytes.hex)); check --encoding, or leave it out to detect the encoding"
        }
    }
}

/// Decoded input: the text, the encoding it was read in, and warnings (a guessed encoding,
/// replaced bytes).
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
/// 1. A BOM decides: UTF-8 (dropped), UTF-16LE or UTF-16BE (read strictly).
/// 2. Otherwise NUL bytes or mostly control characters mark a binary file, which is refused.
/// 3. UTF-8 that is valid, or valid but for a few bytes (`UTF8Repair.isDamagedUTF8`), is
///    UTF-8: each bad sequence becomes U+FFFD with one warning per run of bad bytes.
/// 4. Otherwise the encoding is detected (`EncodingDetector`: uchardet, then Russian letter
///    statistics among the Cyrillic code pages) and the file read through iconv, with a
///    warning naming the encoding assumed and how sure the guess is.
/// A forced encoding (`--encoding`) is read strictly: an invalid byte is an error with its offset.
public enum InputDecoder {
    /// How many leading bytes the binary check and the detectors look at: enough for a
    /// verdict, and it keeps them cheap on a 16 MiB input.
    static let sampleSize = 65_536
    /// Runs of bad bytes warned about one by one; the rest are counted in one more warning.
    static let warnedRuns = 50

    public static func decode(_ bytes: [UInt8], encoding forced: InputEncoding? = nil) throws(DecodingError) -> DecodedInput {
        if let forced {
            if forced.isASCIICompatible { try refuseBinary(bytes) }
            return try strict(bytes, as: forced)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try strict(bytes, as: .utf16le) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try strict(bytes, as: .utf16be) }
        try refuseBinary(bytes)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let text = String(validating: bytes[bom...], as: UTF8.self) {
            return DecodedInput(text: text, encoding: .utf8)
        }
        let repaired = UTF8Repair.decode(bytes[bom...], baseOffset: bom)
        let invalidSequences = UTF8Repair.invalidSequences(in: repaired.invalid)
        if bom > 0 || UTF8Repair.isDamagedUTF8(multiByte: repaired.multiByte, invalidSequences: invalidSequences) {
            return DecodedInput(text: repaired.text, encoding: .utf8, diagnostics: warnings(for: repaired.invalid, in: .utf8))
        }
        let guess = EncodingDetector.guess(bytes.prefix(sampleSize))
        // Lenient: a byte the code page leaves undefined becomes U+FFFD with a warning.
        let decoded = (try? Iconv.decode(bytes[...], from: guess.encoding, lenient: true)) ?? (text: repaired.text, invalid: [])
        let assumed = Diagnostic.warning(
            "assumed-encoding",
            "the file is not UTF-8 (\(invalidSequences) invalid sequences, \(repaired.multiByte) valid multi-byte ones); read it as \(guess.encoding.name), \(confidence(of: guess)); force another with --encoding")
        return DecodedInput(
            text: decoded.text, encoding: guess.encoding, diagnostics: [assumed] + warnings(for: decoded.invalid, in: guess.encoding))
    }

    /// The bytes read in `encoding`, a leading BOM of a Unicode encoding dropped; throws at the
    /// first invalid byte.
    static func strict(_ bytes: [UInt8], as encoding: InputEncoding) throws(DecodingError) -> DecodedInput {
        do {
            var text = try Iconv.decode(bytes[...], from: encoding, lenient: false).text
            if text.unicodeScalars.first == "\u{FEFF}", encoding.name.hasPrefix("utf") {
                text = String(text.unicodeScalars.dropFirst())
            }
            return DecodedInput(text: text, encoding: encoding)
        } catch {
            throw .invalid(encoding, error.invalid)
        }
    }

    /// What the guess rests on, in words: uchardet's answer and the letter statistics.
    static func confidence(of guess: EncodingGuess) -> String {
        let detector = guess.detectorAnswer.isEmpty ? "uchardet had no answer" : "uchardet says \(guess.detectorAnswer)"
        guard guess.scores.count > 1 else { return detector }
        let letters = "Russian letter score \(guess.scores[0].score) against \(guess.scores[1].score) for \(guess.scores[1].name)"
        return "\(guess.isSure ? "sure" : "unsure"): \(detector), \(letters)"
    }

    /// One warning per run of invalid bytes, pointing at its U+FFFD in the text; after
    /// `warnedRuns` of them, one warning counts the rest.
    static func warnings(for runs: [InvalidBytes], in encoding: InputEncoding) -> [Diagnostic] {
        var warnings = runs.prefix(warnedRuns).map { run in
            Diagnostic.warning(
                "invalid-bytes",
                "\(run.length == 1 ? "byte" : "\(run.length) bytes") \(run.hex) at byte offset \(run.byteOffset) \(run.length == 1 ? "is" : "are") not valid \(encoding.name); replaced by U+FFFD",
                at: SourceSpan(run.textRange))
        }
        if runs.count > warnedRuns {
            let rest = runs.dropFirst(warnedRuns)
            warnings.append(
                .warning(
                    "invalid-bytes",
                    "\(rest.count) more runs of invalid bytes (\(rest.reduce(0) { $0 + $1.length }) bytes, the first at byte offset \(rest.first!.byteOffset)) replaced by U+FFFD",
                    at: SourceSpan(rest.first!.textRange)))
        }
        return warnings
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
}
