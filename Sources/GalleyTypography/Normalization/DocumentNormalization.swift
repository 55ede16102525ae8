// Normalizes a whole document: headline, paragraphs and footnotes, each in its own language.

import GalleyCore
import GalleyMarkup

extension Document {
    /// A copy with the headline, every paragraph, every footnote and every directive's
    /// caption normalized by `TypographyNormalizer`; directives are otherwise untouched.
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
            switch block {
            case .paragraph(var paragraph):
                paragraph.text = normalize(paragraph.text, paragraph.language)
                return .paragraph(paragraph)
            case .directive(var directive):
                // A caption is read like the body: it gets the same custom (`2019-2024` → `2019–2024`).
                if let caption = directive.attributes["caption"] {
                    let text = MappedText(caption)
                    directive.attributes["caption"] = normalize(text, LanguageDetector.language(of: [text], fallback: language)).string
                }
                return .directive(directive)
            }
        }
        copy.footnotes = footnotes.map { note in
            var copy = note
            copy.text = normalize(note.text, note.language)
            return copy
        }
        return copy
    }
}
