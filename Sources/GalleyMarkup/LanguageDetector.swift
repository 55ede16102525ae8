// The one language detector: the article's language and each text's, from the script of its letters.

import GalleyCore

/// Tells the language of texts from the letters they are written in: `ru` when Cyrillic
/// letters outnumber Latin ones, `en` when they do not, and a fallback when there are
/// neither (`1941–1945`, `***`).
///
/// The markup has no language syntax; the archive holds Russian and English articles, so
/// counting scripts is enough. The parser runs it once per article: on the whole text for
/// `Document.language`, and on the headline, each paragraph and each footnote for their own
/// (an English quotation set as a paragraph of a Russian article is English). A forced
/// language (`--lang`) replaces every one of them. Normalization and layout read what it
/// stored and never detect again.
public enum LanguageDetector {
    /// The language of `texts` taken together; `fallback` when they have no Latin or Cyrillic letter.
    public static func language(of texts: [MappedText], fallback: String = "en") -> String {
        var cyrillic = 0
        var latin = 0
        for text in texts {
            for scalar in text.scalars where ScalarClass.isLetter(scalar) {
                switch scalar.value {
                case 0x0400...0x052F: cyrillic += 1
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
                default: break
                }
            }
        }
        if cyrillic == 0 && latin == 0 { return fallback }
        return cyrillic > latin ? "ru" : "en"
    }

    /// `document` with the language of its headline, paragraphs and footnotes recorded: each
    /// text's own (the document's when it has no letters to tell by), or `forced` everywhere.
    static func recordingLanguages(in document: Document, forced: String?) -> Document {
        var copy = document
        if let forced { copy.language = forced }
        func language(_ text: MappedText) -> String { forced ?? Self.language(of: [text], fallback: copy.language) }
        copy.headlineLanguage = copy.headline.map(language)
        copy.blocks = copy.blocks.map { block in
            guard case .paragraph(var paragraph) = block else { return block }
            paragraph.language = language(paragraph.text)
            return .paragraph(paragraph)
        }
        copy.footnotes = copy.footnotes.map { note in
            var note = note
            note.language = language(note.text)
            return note
        }
        return copy
    }
}
