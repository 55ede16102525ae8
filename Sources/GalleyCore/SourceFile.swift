// A decoded input with its name, able to turn byte offsets into line:column.

/// The decoded text of one input, with the table that turns spans into line:column.
public struct SourceFile: Sendable {
    /// The name diagnostics print: a path, or `<stdin>`.
    public let path: String
    public let text: String
    /// UTF-8 offsets at which each line starts. LF, CR, CRLF, U+2028 and U+2029 end lines.
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [0]
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
                bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
            {
                i += 2
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    /// The 1-based line and column (in Unicode scalars) of a UTF-8 byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let utf8 = text.utf8
        let clamped = max(0, min(offset, utf8.count))
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let end = utf8.index(utf8.startIndex, offsetBy: clamped)
        let column = text.unicodeScalars[start..<end].count + 1
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text of the 1-based line `number`, without its line terminator.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number]) : utf8.endIndex
        var line = text[start..<end]
        while let last = line.unicodeScalars.last,
            last == "\n" || last == "\r" || last == "\u{2028}" || last == "\u{2029}"
        {
            line = line.dropLast()
            end = line.endIndex
        }
        return line
    }
}
