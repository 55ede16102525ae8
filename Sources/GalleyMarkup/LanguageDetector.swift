// The document's language from its script: Cyrillic majority → `ru`, otherwise `en`.

import GalleyCore

/// Detects the language of an article from the letters it is written in.
///
/// The markup has no language syntax; the archive holds Russian and English articles, so
/// counting Cyrillic against other letters is enough (`--lang` overrides it).
enum LanguageDetector {
    static func language(of texts: [MappedText]) -> String {
        var cyrillic = 0
        var other = 0
        for text in texts {
            for scalar in text.scalars where ScalarClass.isLetter(scalar) {
                if scalar.isCyrillicLetter { cyrillic += 1 } else { other += 1 }
            }
        }
        return cyrillic > other ? "ru" : "en"
    }
}
