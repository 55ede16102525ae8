// Normalizes a whole document: headline, paragraphs and footnotes, each in its own language.

import GalleyCore
import GalleyMarkup

extension Document {
    /// A copy with the headline, every paragraph, every footnote and every directive's
    /// caption normalized by `TypographyNormalizer`; directives are otherwise untouched.
    ///
    /// Each text's custom follows its own script (Cyrillic majority → `ru`, else `en`; a
    /// text with no letters takes the document's language), so an English quotation set as
    /// a paragraph of a Russian article gets English quotes. A non-nil `language` forces one
    /// custom on every text. Footnote references stay valid: they are input offsets, and no
    /// rule moves or changes a `*`.
    public func normalized(language forced: String? = nil) -> Document {
        func normalize(_ text: MappedText) -> MappedText {
            let language = forced ?? Script.language(of: text, fallback: self.language)
            return TypographyNormalizer(language: language).normalized(text)
        }
        var copy = self
        copy.headline = headline.map(normalize)
        copy.blocks = blocks.map { block in
            switch block {
            case .paragraph(var paragraph):
                paragraph.text = normalize(paragraph.text)
                return .paragraph(paragraph)
            case .directive(var directive):
                // A caption is read like the body: it gets the same custom (`2019-2024` → `2019–2024`).
                if let caption = directive.attributes["caption"] {
                    directive.attributes["caption"] = normalize(MappedText(caption)).string
                }
                return .directive(directive)
            }
        }
        copy.footnotes = footnotes.map { note in
            var copy = note
            copy.text = normalize(note.text)
            return copy
        }
        return copy
    }
}

/// Tells the language of a text by the script of its letters.
public enum Script {
    /// `ru` when Cyrillic letters outnumber Latin ones, `en` when they do not, and
    /// `fallback` when the text has neither (`1941–1945`, `***`).
    public static func language(of text: MappedText, fallback: String) -> String {
        var cyrillic = 0
        var latin = 0
        for scalar in text.scalars where ScalarClass.isLetter(scalar) {
            switch scalar.value {
            case 0x0400...0x052F: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        if cyrillic == 0 && latin == 0 { return fallback }
        return cyrillic > latin ? "ru" : "en"
    }
}
