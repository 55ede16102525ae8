// A finished line of a paragraph: its frame and what page making needs to know about it.

import GalleyCore

/// One set line: a frame with its role (headline, body or footnote line; width: the measure, height: the leading) and the
/// facts page making and the typography report need.
struct SetLine {
    var frame: Frame
    /// Footnotes (indices into `Document.footnotes`) whose marks stand on this line.
    var notes: [Int]
    /// The Knuth–Plass adjustment ratio the line was set with.
    var ratio: Double
    /// Whether the line ends in a hyphen (added or existing).
    var isHyphenated: Bool
    /// Whether the line is the last of its paragraph (set ragged).
    var isLast: Bool
    var height: Double { frame.size.height }
}
