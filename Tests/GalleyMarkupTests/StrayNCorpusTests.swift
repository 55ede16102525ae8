// The stray-n repair measured on the archive's corpus and the seed: nothing left glued, no sentence cut.

import Foundation
import GalleyCore
import Testing

@testable import GalleyMarkup

/// galley 13's two figures, printed for every file of ../shared and asserted at zero:
/// `n` artefacts left glued to a word after the repairs, and paragraphs of more than 12 words
/// that a repair ended without a sentence's end.
@Suite(
    "markup: stray n on the archive's corpus",
    .enabled(if: sharedFolder != nil, "../shared is not beside the repository (a fresh clone has no seed or corpus)"))
struct StrayNCorpusTests {
    static let files = ["seeds/000_7b5fd0e551e9cfee.txt"] + (1...10).map { String(format: "corpus/ru_%03d.txt", $0) }

    @Test("no n artefact is left glued to a word; no paragraph of more than 12 words is cut short by a repair")
    func figures() throws {
        var glued = 0
        var cut = 0
        var breaks = 0
        var lines: [String] = []
        for name in Self.files {
            guard let (parsed, _) = try load(name) else { return }
            let texts = [parsed.document.headline].compactMap { $0 } + parsed.document.paragraphs.map(\.text)
                + parsed.document.footnotes.map(\.text)
            let left = texts.flatMap { Self.gluedArtefacts(in: $0.string) }
            let short = parsed.document.paragraphs.map(\.text).filter { Self.isCutShort($0, input: parsed.text) }
            let made = parsed.document.paragraphs.map(\.text).filter { Self.endsAtStrayN($0, input: parsed.text) }.count
            glued += left.count
            cut += short.count
            breaks += made
            lines.append("\(name): \(made) paragraph breaks from a stray n, \(left.count) n left glued, \(short.count) paragraphs cut short")
            for context in left { lines.append("  glued: …\(context)…") }
            for paragraph in short { lines.append("  cut: …\(String(paragraph.string.suffix(60)))") }
        }
        print("stray n on ../shared\n" + lines.joined(separator: "\n")
            + "\ntotal: \(breaks) paragraph breaks from a stray n, \(glued) n left glued, \(cut) paragraphs of > 12 words cut short by a repair")
        #expect(glued == 0)
        #expect(cut == 0)
    }

    /// `n` that a reader would see as a glued artefact: next to a Cyrillic letter, after a
    /// digit before punctuation, or ending a Latin word the dictionary knows only without it.
    static func gluedArtefacts(in text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var found: [String] = []
        for i in s.indices where s[i] == "n" {
            let before = i > 0 ? s[i - 1] : nil
            let after = i + 1 < s.count ? s[i + 1] : nil
            var isArtefact = before?.isCyrillicLetter == true || after?.isCyrillicLetter == true
            if before?.isDigit == true, let after, ",.;:!?)»".unicodeScalars.contains(after) { isArtefact = true }
            if before?.isLatinLetter == true, after.map({ !$0.isLatinLetter && !$0.isDigit }) ?? true {
                var start = i
                while start > 0, s[start - 1].isLatinLetter { start -= 1 }
                let stem = String(String.UnicodeScalarView(s[start..<i]))
                if stem.count >= 2, SpellingDictionary.shared.knows(stem) == true,
                    SpellingDictionary.shared.knows(stem + "n") == false
                {
                    isArtefact = true
                }
            }
            if isArtefact { found.append(String(String.UnicodeScalarView(s[max(0, i - 12)..<min(s.count, i + 12)]))) }
        }
        return found
    }

    /// Whether the input has a stray `n` right after the paragraph's last scalar.
    static func endsAtStrayN(_ paragraph: MappedText, input: String) -> Bool {
        guard let last = paragraph.offsets.last, let scalar = paragraph.scalars.last else { return false }
        let bytes = Array(input.utf8)
        let next = last + UTF8.width(scalar)
        return next < bytes.count && bytes[next] == UInt8(ascii: "n")
    }

    /// Whether a repair ended this paragraph of more than 12 words without a sentence's end.
    static func isCutShort(_ paragraph: MappedText, input: String) -> Bool {
        guard endsAtStrayN(paragraph, input: input) else { return false }
        let words = paragraph.string.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        guard words.count > 12 else { return false }
        var end = paragraph.scalars[...]
        while let c = end.last, "»\"”“)".unicodeScalars.contains(c) { end = end.dropLast() }
        return !(end.last.map { ".!?…:".unicodeScalars.contains($0) } ?? false)
    }
}
