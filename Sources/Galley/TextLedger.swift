// The invariant checked on every render: every letter of the document stands on a page.

import GalleyCore
import GalleyMarkup

/// Checks that the laid-out pages hold all of the document's text and all of its panels.
///
/// galley's readers render archives they never proofread, so text that layout could not place
/// (a headline too long for the page, a line pushed off it) must fail the article instead of
/// leaving a page short of words. The check compares the normalized document with the frame
/// tree, not with layout's own bookkeeping: every letter and digit of the headline, the
/// paragraphs and the footnotes must be drawn by a set line whose source span covers it (the
/// same letter, in the line that claims that stretch of input), every caption's letters must
/// be in some caption, and every directive must have a panel. Letters and digits are what is
/// counted: spaces, punctuation and invisible format characters are drawn differently on
/// purpose (hung, narrowed, dropped), so counting them would only find differences of form.
/// Render's half of the promise, that what the frame tree holds is drawn, is the painter's
/// status check.
public struct TextLedger {
    /// What is missing from the pages; empty when nothing is.
    public struct Shortfall: Sendable, Equatable {
        /// Words of the document with a letter on no page, in document order.
        public var lostWords: [LostWord] = []
        /// Caption letters not found in any caption.
        public var lostCaptionLetters = 0
        /// Directives with no panel on any page.
        public var lostPanels: [String] = []
        public var isEmpty: Bool { lostWords.isEmpty && lostCaptionLetters == 0 && lostPanels.isEmpty }
    }

    /// A word of the document that did not reach a page, with where it starts in the input.
    public struct LostWord: Sendable, Equatable {
        public var text: String
        public var span: SourceSpan
    }

    /// Compares `document` with `pages`.
    public static func shortfall(of document: Document, on pages: [Page]) -> Shortfall {
        var lines: [DrawnLine] = []
        var captions: [Unicode.Scalar: Int] = [:]
        var panels = 0
        for page in pages {
            let bounds = Rect(origin: .zero, size: page.size)
            collect(page.frame, at: .zero, within: bounds, into: &lines, captions: &captions, panels: &panels)
        }
        var ledger = Lines(lines)

        var shortfall = Shortfall()
        var units: [MappedText] = []
        if let headline = document.headline { units.append(headline) }
        units += document.paragraphs.map(\.text)
        units += document.footnotes.map(\.text)
        for unit in units {
            forEachWord(of: unit) { range in
                var lost = false
                for i in range where counts(unit.scalars[i]) {
                    if !take(unit.scalars[i], at: unit.offsets[i], in: &ledger) { lost = true }
                }
                if lost {
                    shortfall.lostWords.append(
                        LostWord(text: String(String.UnicodeScalarView(unit.scalars[range])), span: unit.span(of: range)))
                }
            }
        }

        for directive in document.directives {
            for scalar in (directive.attributes["caption"] ?? "").unicodeScalars where counts(scalar) {
                if let n = captions[scalar], n > 0 { captions[scalar] = n - 1 } else { shortfall.lostCaptionLetters += 1 }
            }
        }
        let directives = document.directives
        if panels < directives.count {
            shortfall.lostPanels = directives.suffix(directives.count - panels).map { "#{\($0.kind)=\($0.id)}" }
        }
        return shortfall
    }

    /// Whether a scalar is counted: letters and digits of any script.
    @inline(__always)
    static func counts(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isLetter(scalar) || ScalarClass.isNumeric(scalar)
    }

    /// A set line as drawn: the input it claims and the letters its glyph runs show, sorted,
    /// each taken at most once (arrays, not a dictionary per line: this runs for every line
    /// of every article).
    private struct DrawnLine {
        var span: SourceSpan
        var letters: [UInt32]
        var taken: [Bool]
        init(span: SourceSpan, letters: [UInt32]) {
            self.span = span
            self.letters = letters.sorted()
            taken = Array(repeating: false, count: letters.count)
        }

        /// Takes one untaken `letter`; false when there is none.
        mutating func take(_ letter: UInt32) -> Bool {
            var lo = 0
            var hi = letters.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if letters[mid] < letter { lo = mid + 1 } else { hi = mid }
            }
            while lo < letters.count, letters[lo] == letter {
                if !taken[lo] {
                    taken[lo] = true
                    return true
                }
                lo += 1
            }
            return false
        }
    }

    /// The drawn lines sorted by where their span starts, and the longest span.
    private struct Lines {
        var lines: [DrawnLine]
        var starts: [Int]
        var longest: Int
        init(_ unsorted: [DrawnLine]) {
            lines = unsorted.sorted { $0.span.start < $1.span.start }
            starts = lines.map(\.span.start)
            longest = lines.map(\.span.length).max() ?? 0
        }
    }

    /// Gathers the set lines, caption letters and panels of `frame` that stand on the page:
    /// a line or panel outside `bounds` is not drawn where anyone can see it.
    private static func collect(
        _ frame: Frame, at origin: Point, within bounds: Rect, into lines: inout [DrawnLine],
        captions: inout [Unicode.Scalar: Int], panels: inout Int
    ) {
        for positioned in frame.items {
            guard case .group(let child) = positioned.item else { continue }
            let at = origin.offset(by: positioned.position)
            guard child.line == nil && child.role == nil || bounds.contains(Rect(origin: at, size: child.size), tolerance: 1) else { continue }
            if case .panel = child.role {
                panels += 1
                for caption in child.frames(where: { $0 == .caption }) { tally(caption.frame, into: &captions) }
            } else if child.role?.isLine == true, let span = child.span {
                var drawn: [UInt32] = []
                letters(of: child, into: &drawn)
                lines.append(DrawnLine(span: span, letters: drawn))
            } else {
                collect(child, at: at, within: bounds, into: &lines, captions: &captions, panels: &panels)
            }
        }
    }

    /// The letters and digits of every glyph run in `frame`.
    private static func letters(of frame: Frame, into letters: inout [UInt32]) {
        for positioned in frame.items {
            switch positioned.item {
            case .text(let run):
                for scalar in run.text.unicodeScalars where counts(scalar) { letters.append(scalar.value) }
            case .group(let child):
                Self.letters(of: child, into: &letters)
            default:
                break
            }
        }
    }

    /// Counts the letters and digits of every glyph run in `frame`.
    private static func tally(_ frame: Frame, into letters: inout [Unicode.Scalar: Int]) {
        for positioned in frame.items {
            switch positioned.item {
            case .text(let run):
                for scalar in run.text.unicodeScalars where counts(scalar) { letters[scalar, default: 0] += 1 }
            case .group(let child):
                tally(child, into: &letters)
            default:
                break
            }
        }
    }

    /// Takes one `scalar` from a line whose span covers `offset`; false when none has it.
    ///
    /// Lines are sorted by start, so a covering line starts at or before `offset` and no
    /// earlier than the longest line span before it. Spans of neighbouring lines may overlap
    /// (a footnote line starts with its mark at the note's offset), so every candidate in that
    /// window is tried.
    private static func take(_ scalar: Unicode.Scalar, at offset: Int, in ledger: inout Lines) -> Bool {
        var hi = ledger.starts.count
        var lo = 0
        while lo < hi {
            let mid = (lo + hi) / 2
            if ledger.starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0, offset - ledger.starts[k] < ledger.longest {
            if ledger.lines[k].span.end > offset, ledger.lines[k].take(scalar.value) { return true }
            k -= 1
        }
        return false
    }

    /// Calls `body` with the scalar range of each run of non-space scalars in `text`.
    private static func forEachWord(of text: MappedText, _ body: (Range<Int>) -> Void) {
        var start: Int?
        for (i, scalar) in text.scalars.enumerated() {
            if ScalarClass.isWhitespace(scalar) {
                if let s = start { body(s..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { body(s..<text.count) }
    }
}

extension TextLedger.Shortfall {
    /// What was lost, in words a user can act on, with line:column in `source`.
    public func message(in source: SourceFile) -> String {
        var parts: [String] = []
        if let first = lostWords.first {
            let at = source.location(of: first.span.start)
            let quoted = first.text.count > 40 ? String(first.text.prefix(40)) + "…" : first.text
            let words = lostWords.count == 1 ? "1 word" : "\(lostWords.count) words"
            parts.append("\(words) of the text would be on no page, the first «\(quoted)» at \(at)")
        }
        if lostCaptionLetters > 0 { parts.append("\(lostCaptionLetters) letters of captions are on no page") }
        if !lostPanels.isEmpty { parts.append("\(lostPanels.count) directives have no panel on any page") }
        return "text would be lost, so nothing was written: " + parts.joined(separator: "; ")
            + " (please report this input: galley should have fitted it)"
    }
}
