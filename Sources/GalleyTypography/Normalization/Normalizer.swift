// Typographic normalization of one text: the rules of Russian and English print, in a fixed order.

import GalleyCore

/// Rewrites running text to typographic custom, keeping every character's input offset.
///
/// The rules run in this order, each in a file of its own (docs/typography.md has the
/// examples and the reasons):
///
/// 1. **Protected spans** (`ProtectedSpans.swift`): URLs, e-mail addresses and `#{…}`/`#<…>`
///    directives left in the text are found first; no later rule changes a character in them.
/// 2. **White space** (`Spaces.swift`): every U+00A0 and other white space becomes a plain
///    space, runs collapse to one, the ends are trimmed; invisible U+2060/U+FEFF are dropped.
/// 3. **Ellipsis** (`Ellipsis.swift`): `...` → `…`.
/// 4. **Quotes** (`Quotes.swift`): «ёлочки» and „лапки“, or “ ” and ‘ ’; apostrophes ’.
/// 5. **Dashes** (`Dashes.swift`): spaced dashes, number ranges, dialogue.
/// 6. **No-break spaces** (`NoBreakSpaces.swift`): short words, particles, initials,
///    numbers, abbreviations, `№`.
///
/// White space goes first so that every later rule sees single plain spaces; quotes go
/// before dashes and no-break spaces because both look at words with their quotes already
/// settled; no-break spaces go last because they look at the dashes the dash rule set.
///
/// Output uses only characters PT Serif has: U+00A0, `–`, `—`, `«»`, `„“`, `“”`, `‘’`, `…`.
/// It never writes U+2009, U+202F, U+2060 or U+2010.
///
/// Offsets: a character that a rule replaces one for one keeps its own input offset; one
/// that replaces several (`...` → `…`, a run of spaces → one) takes the first one's; an
/// inserted one takes the offset of the character after it. Characters no rule touches
/// keep their input offsets, so footnote marks and source spans stay valid.
public struct TypographyNormalizer: Sendable {
    /// `ru` (or any code starting with `ru`) for Russian custom; anything else gets English custom.
    public var language: String

    public init(language: String) {
        self.language = language
    }

    public func normalized(_ text: MappedText) -> MappedText {
        let custom = Normalization.Custom(language: language)
        var draft = Normalization.Draft(text)
        Normalization.Spaces.apply(to: &draft)
        Normalization.Ellipsis.apply(to: &draft, custom: custom)
        Normalization.Quotes.apply(to: &draft, custom: custom)
        Normalization.Dashes.apply(to: &draft)
        Normalization.NoBreakSpaces.apply(to: &draft, custom: custom)
        return draft.text
    }
}

/// Namespace of the normalization rules and their working types (internal).
enum Normalization {
    /// Which typographic custom a text follows.
    enum Custom: Sendable {
        case russian
        case english

        init(language: String) {
            self = language.lowercased().hasPrefix("ru") ? .russian : .english
        }
    }
}
