// Normalizes a whole document: headline, paragraphs and footnotes, each in its own language.

import GalleyCore
import GalleyMarkup

extension Document {
    /// A copy with the headline, every paragraph and every footnote normalized by
    /// `TypographyNormalizer`; directives are untouched.
    ///
    /// Each text's custom follows its own language, as the parser recorded it
    /// (`LanguageDetector`; the document's when none), so an English quotation set as a
    /// paragraph of a Russian article gets English quotes. A non-nil `language` forces one
    /// custom on every text. Footnote references stay valid: they are input offsets, and no
    /// rule moves or changes a `*`.
    public func normalized(language forced: String? = nil) -> Document {
        func normalize(_ text: MappedText, _ own: String?) -> MappedText {
            TypographyNormalizer(language: forced ?? own ?? self.language).normalized(text)
        }
        var copy = self
        copy.headline = headline.map { normalize($0, headlineLanguage) }
        copy.blocks = blocks.map { block in
            guard case .paragraph(var paragraph) = block else { return block }
            paragraph.text = normalize(paragraph.text, paragraph.language)
            return .paragraph(paragraph)
        }
        copy.footnotes = footnotes.map { note in
            var copy = note
            copy.text = normalize(note.text, note.language)
            return copy
        }
        return copy
    }
}
