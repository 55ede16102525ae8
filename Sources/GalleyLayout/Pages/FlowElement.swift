// Collect (pages): the article as a sequence of things to pour into pages.

import GalleyCore

/// One element of the article's flow, already set into lines or drawn as a panel.
enum FlowElement {
    /// The headline's lines: kept together and with what follows.
    case headline([SetLine], spaceAfter: Double)
    /// A paragraph's lines, split across pages with widow and orphan control.
    case paragraph([SetLine], spaceBefore: Double)
    /// A panel: never split; floats to the next page when it does not fit.
    case panel(Frame, spaceAround: Double)
}

/// A footnote set into lines, with its height.
struct SetFootnote {
    var lines: [SetLine]
    var height: Double { lines.reduce(0) { $0 + $1.height } }
}
