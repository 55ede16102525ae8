// Collect (pages): the article as a sequence of things to pour into pages.

import GalleyCore

/// One element of the article's flow, already set into lines or drawn as a panel.
enum FlowElement {
    /// The headline's lines: across all columns, kept with what follows.
    case headline([SetLine], spaceAfter: Double)
    /// A paragraph's lines, split across columns and pages with widow and orphan control.
    case paragraph([SetLine], spaceBefore: Double)
    /// A panel: never split. `spans` panels go across all columns; others stand in a column.
    case panel(Frame, spaceAround: Double, spans: Bool)
}

/// A footnote set into lines, with its height.
struct SetFootnote {
    /// Index in `Document.footnotes`.
    var note: Int
    var mark: String
    var lines: [SetLine]
    var height: Double { lines.reduce(0) { $0 + $1.height } }
}
