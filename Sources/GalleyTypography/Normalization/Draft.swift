// The text the rules work on: scalars, their input offsets, and which ones no rule may touch.

import GalleyCore

extension Normalization {
    /// One change a rule asks for: the scalars in `range` become `replacement`.
    struct Edit {
        var range: Range<Int>
        var replacement: [Unicode.Scalar]

        init(_ range: Range<Int>, _ replacement: [Unicode.Scalar]) {
            self.range = range
            self.replacement = replacement
        }

        /// The scalar at `index` becomes `scalar`.
        init(at index: Int, _ scalar: Unicode.Scalar) {
            self.init(index..<(index + 1), [scalar])
        }
    }

    /// Text under normalization.
    ///
    /// Rules read it, collect `Edit`s and apply them in one pass, so that a rule costs time
    /// linear in the text whatever the number of changes.
    struct Draft {
        private(set) var scalars: [Unicode.Scalar]
        private(set) var offsets: [Int]
        /// Whether the scalar belongs to a URL, an e-mail address or a directive.
        private(set) var isProtected: [Bool]
        let endOffset: Int

        init(_ text: MappedText) {
            scalars = text.scalars
            offsets = text.offsets
            endOffset = text.endOffset
            isProtected = ProtectedSpans.mask(of: text.scalars)
        }

        var text: MappedText { MappedText(scalars: scalars, offsets: offsets, endOffset: endOffset) }
        var count: Int { scalars.count }

        /// The scalar at `index`, or nil outside the text (so rules can look at neighbours freely).
        subscript(index: Int) -> Unicode.Scalar? {
            index >= 0 && index < scalars.count ? scalars[index] : nil
        }

        /// Whether any scalar in `range` is protected.
        func touchesProtected(_ range: Range<Int>) -> Bool {
            range.contains { isProtected[$0] }
        }

        /// Applies non-overlapping edits.
        ///
        /// A replacement as long as its range keeps the offsets position by position (` - `
        /// → ` — ` keeps the offsets of the space, the hyphen and the space); any other takes
        /// the offset of the first replaced scalar, or for an insertion that of the scalar
        /// after it, as `MappedText.replaceSubrange` does. New scalars are never protected.
        mutating func apply(_ edits: [Edit]) {
            guard !edits.isEmpty else { return }
            let sorted = edits.sorted {
                ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
            }
            var newScalars: [Unicode.Scalar] = []
            var newOffsets: [Int] = []
            var newProtected: [Bool] = []
            newScalars.reserveCapacity(scalars.count + 8)
            newOffsets.reserveCapacity(scalars.count + 8)
            newProtected.reserveCapacity(scalars.count + 8)
            var cursor = 0
            for edit in sorted {
                precondition(edit.range.lowerBound >= cursor, "normalization edits overlap")
                newScalars += scalars[cursor..<edit.range.lowerBound]
                newOffsets += offsets[cursor..<edit.range.lowerBound]
                newProtected += isProtected[cursor..<edit.range.lowerBound]
                let start = edit.range.lowerBound
                let first = start < offsets.count ? offsets[start] : endOffset
                let oneForOne = edit.replacement.count == edit.range.count
                for (k, scalar) in edit.replacement.enumerated() {
                    newScalars.append(scalar)
                    newOffsets.append(oneForOne ? offsets[start + k] : first)
                    newProtected.append(false)
                }
                cursor = edit.range.upperBound
            }
            newScalars += scalars[cursor...]
            newOffsets += offsets[cursor...]
            newProtected += isProtected[cursor...]
            scalars = newScalars
            offsets = newOffsets
            isProtected = newProtected
        }

        /// The maximal run of non-space scalars (words with their punctuation) around `index`.
        func token(around index: Int) -> Range<Int> {
            var lo = index
            var hi = index
            while lo > 0, !scalars[lo - 1].isSpaceOrNoBreakSpace { lo -= 1 }
            while hi < scalars.count, !scalars[hi].isSpaceOrNoBreakSpace { hi += 1 }
            return lo..<hi
        }

        func string(_ range: Range<Int>) -> String { String(scalars: scalars[range]) }
    }
}
