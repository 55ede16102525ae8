// UTF-8 with a few invalid bytes: each bad sequence becomes U+FFFD, located for a warning.

/// Reading UTF-8 that may hold invalid sequences.
///
/// Each maximal subpart of an ill-formed sequence becomes one U+FFFD (the Unicode Standard's
/// recommended practice, chapter 3 «U+FFFD Substitution of Maximal Subparts», which Swift's
/// `String(decoding:as:)` follows too), so a lost byte costs one character, never the file.
enum UTF8Repair {
    /// The text with replacements, the runs of invalid bytes (adjacent bad sequences form one
    /// run), and how many valid multi-byte sequences it holds: the evidence that the file
    /// is UTF-8 at all. `baseOffset` is added to byte offsets (the length of a dropped BOM).
    static func decode(_ bytes: ArraySlice<UInt8>, baseOffset: Int = 0) -> (text: String, invalid: [InvalidBytes], multiByte: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var invalid: [InvalidBytes] = []
        var multiByte = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                output.append(contentsOf: encoded)
                if encoded.count > 1 { multiByte += 1 }
                offset += encoded.count
            case .error(let length):
                let start = output.count
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                let fileOffset = offset - bytes.startIndex + baseOffset
                if let last = invalid.last, last.byteOffset + last.length == fileOffset {
                    let kept = last.bytes.count
                    invalid[invalid.count - 1].bytes += bytes[offset..<offset + length].prefix(max(0, 16 - kept))
                    invalid[invalid.count - 1].length += length
                    invalid[invalid.count - 1].textRange = last.textRange.lowerBound..<output.count
                } else {
                    invalid.append(InvalidBytes(
                        byteOffset: fileOffset, bytes: Array(bytes[offset..<offset + length].prefix(16)), length: length,
                        textRange: start..<output.count))
                }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return (String(decoding: output, as: UTF8.self), invalid, multiByte)
    }

    /// How many invalid sequences the runs hold, counted the way `decode` replaced them.
    static func invalidSequences(in runs: [InvalidBytes]) -> Int {
        runs.reduce(0) { $0 + ($1.textRange.count / 3) }
    }

    /// Whether UTF-8 with these counts is UTF-8 with a few damaged bytes rather than another
    /// encoding: valid multi-byte sequences exist and outnumber the invalid ones at least
    /// four to one (invalid ≤ 20% of the non-ASCII sequences). Text in a single-byte code
    /// page forms a valid UTF-8 sequence only by chance: over the corpus transcoded,
    /// windows-1251, KOI8-R, ISO-8859-5 and MacCyrillic give at most 1 valid per 25 invalid,
    /// IBM866 (whose р–я lead into а–п) at most 1 per 5, Latin-1 none; UTF-8 articles with
    /// a few bad bytes give hundreds valid per invalid one.
    static func isDamagedUTF8(multiByte: Int, invalidSequences: Int) -> Bool {
        multiByte > 0 && invalidSequences * 4 <= multiByte
    }
}
