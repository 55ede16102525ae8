// Typographic normalization: the custom of Russian and English print, rule by rule.

import GalleyCore
import GalleyMarkup

/// Rewrites text to typographic custom, keeping every character's input offset.
///
/// Rules run in this order (each in its own file): protected spans (URLs, e-mail addresses,
/// directives left in text) are found first and never touched; white space is collapsed and
/// stray no-break spaces become plain spaces; `...` becomes `…`; quotes; dashes; no-break
/// spaces. Only characters PT Serif has are written (U+00A0, – — « » „ “ ” ‘ ’ …).
public struct TypographyNormalizer: Sendable {
    public var language: String

    public init(language: String) {
        self.language = language
    }

    public func normalized(_ text: MappedText) -> MappedText {
        var t = text
        WhiteSpace.collapse(&t)
        Ellipsis.apply(&t)
        Quotes.apply(&t, russian: language == "ru")
        Dashes.apply(&t, russian: language == "ru")
        NoBreakSpaces.apply(&t, russian: language == "ru")
        return t.trimmingWhitespace()
    }
}

extension Document {
    /// A copy with the headline, paragraphs and footnotes normalized, each in its own language
    /// (detected from its letters) unless `language` forces one. Directives are untouched.
    public func normalized(language forced: String? = nil) -> Document {
        func normalize(_ text: MappedText) -> MappedText {
            let language = forced ?? Script.language(of: text, fallback: self.language)
            return TypographyNormalizer(language: language).normalized(text)
        }
        var copy = self
        copy.headline = headline.map(normalize)
        copy.blocks = blocks.map { block in
            guard case .paragraph(var paragraph) = block else { return block }
            paragraph.text = normalize(paragraph.text)
            return .paragraph(paragraph)
        }
        copy.footnotes = footnotes.map { Footnote(mark: $0.mark, text: normalize($0.text)) }
        return copy
    }
}

/// Tells the language of a text by its letters.
public enum Script {
    /// `ru` when Cyrillic letters are the majority, `en` when Latin ones are, else `fallback`.
    public static func language(of text: MappedText, fallback: String) -> String {
        var cyrillic = 0
        var latin = 0
        for s in text.scalars {
            switch s.value {
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: break
            }
        }
        if cyrillic == 0 && latin == 0 { return fallback }
        return cyrillic >= latin ? "ru" : "en"
    }
}
