// Text whose every character remembers the input byte it came from.

/// A sequence of Unicode scalars, each with the UTF-8 offset in the input it came from.
///
/// Normalization rewrites text (quotes, dashes, spaces) but must not lose track of where
/// each character was: layout reports the source range of every line, and diagnostics point
/// into the input. A scalar that a rule inserts takes the offset of the scalar after it.
public struct MappedText: Hashable, Sendable, CustomStringConvertible {
    public private(set) var scalars: [Unicode.Scalar]
    /// `offsets[i]` is the input offset of `scalars[i]`.
    public private(set) var offsets: [Int]
    /// The input offset just past the last scalar's source.
    public private(set) var endOffset: Int

    public init() {
        scalars = []
        offsets = []
        endOffset = 0
    }

    /// The scalars of `text`, mapped as if `text` started at input offset `start`.
    public init<S: StringProtocol>(_ text: S, startingAt start: Int = 0) {
        scalars = []
        offsets = []
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count)
        var offset = start
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        endOffset = offset
    }

    public init(scalars: [Unicode.Scalar], offsets: [Int], endOffset: Int) {
        precondition(scalars.count == offsets.count, "one offset per scalar")
        self.scalars = scalars
        self.offsets = offsets
        self.endOffset = endOffset
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }
    public var string: String { String(scalars: scalars) }
    public var description: String { string }

    /// The input span the scalars in `range` came from.
    public func span(of range: Range<Int>) -> SourceSpan {
        guard !range.isEmpty else {
            let at = range.lowerBound < offsets.count ? offsets[range.lowerBound] : endOffset
            return SourceSpan(start: at, end: at)
        }
        var lo = Int.max
        var hi = Int.min
        for i in range {
            lo = min(lo, offsets[i])
            hi = max(hi, offsets[i] + UTF8.width(scalars[i]))
        }
        return SourceSpan(start: lo, end: hi)
    }

    /// The span of the whole text.
    public var span: SourceSpan { span(of: 0..<count) }

    public subscript(range: Range<Int>) -> MappedText {
        let end = range.upperBound < offsets.count ? offsets[range.upperBound] : endOffset
        return MappedText(
            scalars: Array(scalars[range]), offsets: Array(offsets[range]), endOffset: end)
    }

    public mutating func append(_ scalar: Unicode.Scalar, offset: Int) {
        scalars.append(scalar)
        offsets.append(offset)
        endOffset = max(endOffset, offset + UTF8.width(scalar))
    }

    public mutating func append(contentsOf other: MappedText) {
        scalars.append(contentsOf: other.scalars)
        offsets.append(contentsOf: other.offsets)
        endOffset = max(endOffset, other.endOffset)
    }

    /// Replaces the scalars in `range` by `replacement`, all mapped to the source of the
    /// first replaced scalar (or, for an insertion, of the scalar that follows).
    public mutating func replaceSubrange(_ range: Range<Int>, with replacement: [Unicode.Scalar]) {
        let at = range.lowerBound < offsets.count ? offsets[range.lowerBound] : endOffset
        scalars.replaceSubrange(range, with: replacement)
        offsets.replaceSubrange(range, with: Array(repeating: at, count: replacement.count))
    }

    /// A copy without leading and trailing white space (spaces, tabs, line ends, no-break spaces).
    public func trimmingWhitespace() -> MappedText {
        var lo = 0
        var hi = count
        while lo < hi, ScalarClass.isWhitespace(scalars[lo]) { lo += 1 }
        while hi > lo, ScalarClass.isWhitespace(scalars[hi - 1]) { hi -= 1 }
        return self[lo..<hi]
    }
}
