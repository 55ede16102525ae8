// ToUnicode entries of ligature glyphs: the letters they stand for, not the presentation form.

/// cairo maps a glyph it puts into a CID subset through the font's cmap when it first meets
/// it, so PT Serif's «fi» ligature becomes U+FB01 in the ToUnicode map, and the letters «fi»
/// go only into an /ActualText span around it. pypdf ignores /ActualText and returned «ﬁt»
/// for «fit» (poppler, pdfminer, MuPDF and PDFium read the span or fold the ligature). This
/// rewrites the mapping of the Unicode ligatures U+FB00–U+FB06 to their letters in a ToUnicode
/// CMap's text, so every reader gets the letters.
enum LigatureMapping {
    /// Presentation form → its letters as UTF-16 hex, as a CMap writes them.
    static let letters: [String: String] = [
        "FB00": "00660066", "FB01": "00660069", "FB02": "0066006C", "FB03": "006600660069",
        "FB04": "00660066006C", "FB05": "017F0074", "FB06": "00730074",
    ]

    /// The CMap text with each `<code> <FBxx>` destination replaced; nil when nothing changed.
    static func rewrite(_ cmap: String) -> String? {
        var changed = false
        var lines: [Substring] = []
        for line in cmap.split(separator: "\n", omittingEmptySubsequences: false) {
            let tokens = line.split(separator: " ")
            if tokens.count == 2, tokens[1].hasPrefix("<"), tokens[1].hasSuffix(">"),
                let letters = letters[tokens[1].dropFirst().dropLast().uppercased()]
            {
                lines.append(Substring("\(tokens[0]) <\(letters)>"))
                changed = true
            } else {
                lines.append(line)
            }
        }
        return changed ? lines.joined(separator: "\n") : nil
    }
}
