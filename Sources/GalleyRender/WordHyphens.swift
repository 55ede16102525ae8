// A word's own hyphen at a line's end, told apart from a hyphenation hyphen in the PDF's text.

import GalleyCore

/// A line that breaks after a word's own hyphen (`премьер-` + `министр`, `night-` + `time`)
/// ends in the same U+002D as a line broken by hyphenation, and poppler and PDFium take every
/// line-final U+002D before a letter for a hyphenation hyphen: they drop it and join the
/// halves («премьерминистр»). In the PDF, such a hyphen shows U+2010 HYPHEN instead, the
/// character Unicode has for a hyphen that belongs to the word (cairo writes the glyph in an
/// /ActualText span, since the glyph maps to U+002D elsewhere): poppler, PDFium and MuPDF then
/// keep it; pypdf and pdfminer read the glyph's own U+002D, as before. A hyphen that layout
/// added at a hyphenation point stays U+002D, so readers still rejoin those words.
enum WordHyphens {
    static let wordHyphen = "\u{2010}"

    /// `line` with its word-final hyphen marked, when it is a line broken after a word's own
    /// hyphen; else `line` itself.
    static func marked(_ line: Frame) -> Frame {
        guard line.line?.isHyphenated == true,
            let last = line.items.lastIndex(where: { if case .text = $0.item { true } else { false } }),
            case .text(var run) = line.items[last].item,
            !run.isBackward, run.wordSpace == nil, run.text.count > 1, run.text.hasSuffix("-"),
            let span = run.span, !span.isEmpty
        else { return line }
        // The hyphen must be a cluster of its own (one byte, one glyph), or the run one cluster.
        if let cluster = run.clusters.last {
            guard cluster.bytes == 1, cluster.glyphs == 1 else { return line }
            run.clusters[run.clusters.count - 1].bytes = wordHyphen.utf8.count
        }
        run.text = String(run.text.dropLast()) + wordHyphen
        var marked = line
        marked.items[last].item = .text(run)
        return marked
    }
}
