// Bytes in any encoding → UTF-8 text through glibc's iconv, each invalid run found and located.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of bytes that are not valid in the encoding read, replaced in the text by U+FFFD.
public struct InvalidBytes: Sendable, Equatable {
    /// Offset of the run's first byte in the input file.
    public var byteOffset: Int
    /// The run's bytes (the first 16 of a longer run).
    public var bytes: [UInt8]
    /// How many bytes the run has.
    public var length: Int
    /// Where its replacement characters stand in the decoded text (UTF-8 offsets).
    public var textRange: Range<Int>

    /// The bytes in hex, such as `0x80 0xC3`, with `…` after the 16th of a longer run.
    public var hex: String {
        let shown = bytes.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
        return length > bytes.count ? shown + " …" : shown
    }
}

/// Why iconv could not read the bytes.
struct IconvFailure: Error {
    /// The first invalid run (strict decoding stops there).
    var invalid: InvalidBytes
}

/// Conversions through glibc's iconv; no code-page tables of galley's own.
enum Iconv {
    /// The text of `bytes` read in `encoding`. Lenient: each invalid or truncated sequence
    /// becomes U+FFFD (iconv reports where; one byte is skipped and reading resumes), and
    /// adjacent ones are reported as one run. Strict: the first invalid byte throws.
    static func decode(
        _ bytes: ArraySlice<UInt8>, from encoding: InputEncoding, lenient: Bool
    ) throws(IconvFailure) -> (text: String, invalid: [InvalidBytes]) {
        let descriptor = iconv_open("UTF-8", encoding.iconvName)
        precondition(descriptor != iconv_t(bitPattern: -1), "InputEncoding holds only names iconv opens")
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var invalid: [InvalidBytes] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var input = Array(bytes)
        let total = input.count
        var consumed = 0
        while consumed < total {
            var badAt: Int?
            input.withUnsafeMutableBufferPointer { source in
                chunk.withUnsafeMutableBufferPointer { target in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(source.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = total - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    output.append(contentsOf: target[0..<(target.count - outLeft)])
                    consumed = total - inLeft
                    if failure == EILSEQ || failure == EINVAL { badAt = consumed }
                }
            }
            guard let offset = badAt else { continue }
            let start = output.count
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            consumed = offset + 1
            if let last = invalid.last, last.byteOffset + last.length == offset {
                invalid[invalid.count - 1].length += 1
                if last.bytes.count < 16 { invalid[invalid.count - 1].bytes.append(input[offset]) }
                invalid[invalid.count - 1].textRange = last.textRange.lowerBound..<output.count
            } else {
                invalid.append(InvalidBytes(byteOffset: offset, bytes: [input[offset]], length: 1, textRange: start..<output.count))
                if !lenient { throw IconvFailure(invalid: invalid[0]) }
            }
        }
        return (String(decoding: output, as: UTF8.self), invalid)
    }
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
