// ToUnicode entries of ligature glyphs: the letters they stand for, not the presentation form.

/// cairo maps a glyph it puts into a CID subset through the font's cmap when it first meets
/// it, so PT Serif's «fi» ligature becomes U+FB01 in the ToUnicode map, and the letters «fi»
/// go only into an /ActualText span around it. pypdf ignores /ActualText and returned «ﬁt»
/// for «fit» (poppler, pdfminer, MuPDF and PDFium read the span or fold the ligature). This
/// rewrites the mapping of the Unicode ligatures U+FB00–U+FB06 to their letters in a ToUnicode
/// CMap, so every reader gets the letters.
///
/// It works on the CMap's bytes and returns at once when no destination names a ligature
/// (most fonts of most articles): every page font's map passes through it on every PDF, and
/// splitting each map into lines of `String`s took a tenth of a batch's render time.
enum LigatureMapping {
    /// The last hex digit of U+FB00…U+FB06 → its letters as UTF-16 hex, as a CMap writes them.
    static let letters: [UInt8: String] = [
        0x30: "00660066", 0x31: "00660069", 0x32: "0066006C", 0x33: "006600660069",
        0x34: "00660066006C", 0x35: "017F0074", 0x36: "00730074",
    ]

    /// The CMap with each `<code> <fbxx>` destination (a line of a bfchar block) replaced by
    /// the letters; nil when nothing changed.
    static func rewrite(_ cmap: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // A destination is ` <fb0N>` ending its line: 7 bytes after the space, then \n or end.
        var hits: [(start: Int, digit: UInt8)] = []
        var i = 0
        let count = cmap.count
        while i + 7 <= count {
            if cmap[i] == 0x3C, i > 0, cmap[i - 1] == 0x20,  // " <"
                cmap[i + 1] | 0x20 == 0x66, cmap[i + 2] | 0x20 == 0x62, cmap[i + 3] == 0x30,  // "fb0"
                letters[cmap[i + 4]] != nil, cmap[i + 5] == 0x3E,  // "N>"
                i + 6 == count || cmap[i + 6] == 0x0A || cmap[i + 6] == 0x0D
            {
                hits.append((i, cmap[i + 4]))
                i += 6
            } else {
                i += 1
            }
        }
        guard !hits.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(count + hits.count * 8)
        var copied = 0
        for hit in hits {
            out += cmap[copied..<hit.start]
            out += Array("<\(letters[hit.digit]!)>".utf8)
            copied = hit.start + 6
        }
        out += cmap[copied..<count]
        return out
    }

    /// `rewrite` over a string (tests).
    static func rewrite(_ cmap: String) -> String? {
        let bytes = Array(cmap.utf8)
        return bytes.withUnsafeBufferPointer { rewrite($0) }.map { String(decoding: $0, as: UTF8.self) }
    }
}
