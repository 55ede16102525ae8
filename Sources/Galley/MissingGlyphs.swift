// Characters no installed font can draw: counted, so the article says so instead of hiding them.

import GalleyCore

/// Finds glyphs drawn as the font's .notdef box (glyph id 0): characters that no installed font
/// has (Dives Akuru, Kawi, emoji newer than the system's fonts). They stand on the page as boxes
/// and stay in the PDF's text, so no word is lost, but a reader of the page sees a box, not the
/// letter: a warning says how many, and where the first one is.
enum MissingGlyphs {
    static func diagnostic(for pages: [Page]) -> Diagnostic? {
        var count = 0
        var first: (text: String, span: SourceSpan?)?
        func walk(_ frame: Frame) {
            for positioned in frame.items {
                switch positioned.item {
                case .group(let child):
                    walk(child)
                case .text(let run):
                    let missing = run.glyphs.reduce(0) { $0 + ($1.id == 0 ? 1 : 0) }
                    guard missing > 0 else { continue }
                    count += missing
                    if first == nil { first = (run.text, run.span) }
                default:
                    break
                }
            }
        }
        for page in pages { walk(page.frame) }
        guard count > 0, let first else { return nil }
        let codes = first.text.unicodeScalars.filter { !$0.isASCII && !ScalarClass.isWhitespace($0) }.prefix(4)
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        return .warning(
            "missing-glyphs",
            "\(count) character\(count == 1 ? "" : "s") no installed font has (\(codes), in «\(first.text)») \(count == 1 ? "is" : "are") drawn as empty boxes; the text keeps them. A font that has them (Debian's fonts-noto-extra, fonts-noto-color-emoji…) draws them",
            at: first.span)
    }
}
