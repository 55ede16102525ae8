// Where a piece of the document came from: UTF-8 byte offsets into the decoded input text.

/// A half-open range of UTF-8 byte offsets into the decoded input text.
///
/// Spans stay valid through normalization: a rule that rewrites characters keeps the
/// offsets of the characters it came from, so a line on a page can always be traced
/// back to the bytes of the input.
public struct SourceSpan: Hashable, Codable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }
    public var isEmpty: Bool { start == end }
    public var length: Int { end - start }
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
    public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column; the column counts Unicode scalars.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}
