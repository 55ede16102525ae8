// Typographic normalization of one text: the rules of Russian and English print, in a fixed order.

import GalleyCore

/// Rewrites running text to typographic custom, keeping every character's input offset.
///
/// The rules run in this order, each in a file of its own (docs/typography.md has the
/// examples and the reasons; typograf's own test cases measure them, Tests/TypografCases):
///
/// 1. **Protected spans** (`ProtectedSpans.swift`): URLs, e-mail addresses and `#{…}`/`#<…>`
///    directives left in the text are found first; no later rule changes a character in them.
/// 2. **White space** (`Spaces.swift`): every U+00A0 and other white space becomes a plain
///    space, runs collapse to one, the ends are trimmed; invisible U+2060/U+FEFF are dropped.
/// 3. **Punctuation** (`Punctuation.swift`): `!!` → `!`, `!?` → `?!`, `,,` → `,`.
/// 4. **Ellipsis** (`Ellipsis.swift`): `...` → `…`, `?…` → `?..` in Russian.
/// 5. **Spacing** (`PunctuationSpacing.swift`): after `,;:!?`, none before them or in brackets.
/// 6. **Quotes** (`Quotes.swift`): «ёлочки» and „лапки“, or “ ” and ‘ ’; apostrophes ’.
/// 7. **Dashes** (`Dashes.swift`, `DashRanges.swift`): spaced dashes, ranges, dialogue.
/// 8. **Run-together parts** (`Abbreviations.swift`, `AbbreviationUnits.swift`): `т.д.`,
///    `А.С.`, `№5`, `1983г.`, `XXв.`, `г.Москва` get their spaces.
/// 9. **No-break spaces** (`NoBreakSpaces.swift`): short words, particles, initials,
///    numbers, abbreviations, a short last word.
///
/// White space goes first so that every later rule sees single plain spaces; quotes go
/// before dashes and no-break spaces because both look at words with their quotes already
/// settled; no-break spaces go last because they look at the dashes the dash rule set.
///
/// Output uses characters PT Serif has (U+00A0, `–`, `—`, `«»`, `„“`, `“”`, `‘’`, `…`, `№`)
/// and U+202F after `№`/`§` and between digit groups, which layout draws as a fixed narrow
/// gap. It never writes U+2009, U+2060 or U+2010.
///
/// Offsets: a character that a rule replaces one for one keeps its own input offset; one
/// that replaces several (`...` → `…`, a run of spaces → one) takes the first one's; an
/// inserted one takes the offset of the character after it. Characters no rule touches
/// keep their input offsets, so footnote marks and source spans stay valid.
public struct TypographyNormalizer: Sendable {
    /// `ru` (or any code starting with `ru`) for Russian custom; anything else gets English custom.
    public var language: String
    /// The rules that run (all of them, but for tests that measure one rule alone).
    public var rules: TypographyRules

    public init(language: String, rules: TypographyRules = .all) {
        self.language = language
        self.rules = rules
    }

    public func normalized(_ text: MappedText) -> MappedText {
        let custom = Normalization.Custom(language: language)
        var draft = Normalization.Draft(text)
        Normalization.Spaces.apply(to: &draft)
        if rules.contains(.punctuation) { Normalization.Punctuation.apply(to: &draft, custom: custom) }
        if rules.contains(.ellipsis) { Normalization.Ellipsis.apply(to: &draft, custom: custom) }
        if rules.contains(.punctuationSpacing) { Normalization.PunctuationSpacing.apply(to: &draft) }
        if rules.contains(.quotes) { Normalization.Quotes.apply(to: &draft, custom: custom) }
        if rules.contains(.dashes) { Normalization.Dashes.apply(to: &draft, custom: custom) }
        if !rules.isDisjoint(with: .noBreakSpaces) {
            Normalization.Abbreviations.apply(to: &draft, custom: custom, rules: rules)
            Normalization.NoBreakSpaces.apply(to: &draft, custom: custom, rules: rules)
        }
        return draft.text
    }
}

/// The normalization rules, by the custom each one sets. White space is always collapsed.
public struct TypographyRules: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Doubled and misordered marks: `!!` → `!`, `!?` → `?!`, `,,` → `,`, `…,` → `…`.
    public static let punctuation = TypographyRules(rawValue: 1 << 0)
    /// `...` → `…`; `?...`, `?…` → `?..` in Russian.
    public static let ellipsis = TypographyRules(rawValue: 1 << 1)
    /// Spaces after `,;:!?`, none before them or inside brackets, one before an opening bracket.
    public static let punctuationSpacing = TypographyRules(rawValue: 1 << 2)
    public static let quotes = TypographyRules(rawValue: 1 << 3)
    public static let dashes = TypographyRules(rawValue: 1 << 4)
    /// No-break spaces after short words (not after the particles ли, же, бы).
    public static let shortWords = TypographyRules(rawValue: 1 << 5)
    /// No-break spaces before the particles ли, ль, же, ж, бы, б.
    public static let particles = TypographyRules(rawValue: 1 << 6)
    /// Numbers glued to their word or unit, digit groups (U+202F in Russian), `№`, `§`, `¶`.
    public static let numbers = TypographyRules(rawValue: 1 << 7)
    /// Initials, and `P. S.`
    public static let initials = TypographyRules(rawValue: 1 << 8)
    /// Abbreviations: `т. д.`, `г. Москва`, `XX в.`, `2012–2015 гг.`
    public static let abbreviations = TypographyRules(rawValue: 1 << 9)
    /// A short last word (or number) of a sentence glued to the word before it.
    public static let lastWord = TypographyRules(rawValue: 1 << 10)

    public static let noBreakSpaces: TypographyRules = [.shortWords, .particles, .numbers, .initials, .abbreviations, .lastWord]
    public static let all: TypographyRules = [.punctuation, .ellipsis, .punctuationSpacing, .quotes, .dashes, .noBreakSpaces]
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
