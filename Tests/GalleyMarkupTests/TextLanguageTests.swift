// The one language detector: the article's language and each text's, recorded once; --lang wins.

import GalleyCore
import GalleyMarkup
import Testing

@Suite("markup: each text's language")
struct TextLanguageTests {
    static let article = """
        Совет утвердил бюджет

        Депутаты одобрили смету реконструкции набережной*.

        "We will finish by spring," the contractor said.

        1941–1945

        * Организация, признанная в России.
        """

    @Test("each paragraph, the headline and each note carry their own language; a text with no letters takes the article's")
    func detected() {
        let document = Parsed(Self.article).document
        #expect(document.language == "ru")
        #expect(document.headlineLanguage == "ru")
        #expect(document.paragraphs.map(\.language) == ["ru", "en", "ru"])
        #expect(document.footnotes.map(\.language) == ["ru"])
    }

    @Test("--lang wins everywhere: the article, the headline, every paragraph and note")
    func forced() {
        let document = Parsed(Self.article, language: "en").document
        #expect(document.language == "en")
        #expect(document.headlineLanguage == "en")
        #expect(document.paragraphs.map(\.language) == ["en", "en", "en"])
        #expect(document.footnotes.map(\.language) == ["en"])
    }

    @Test("the detector: Cyrillic against Latin letters, a fallback when there are neither")
    func detector() {
        #expect(LanguageDetector.language(of: [MappedText("Сказал, he")]) == "ru")
        #expect(LanguageDetector.language(of: [MappedText("Он said that")]) == "en")
        #expect(LanguageDetector.language(of: [MappedText("1941–1945")], fallback: "ru") == "ru")
        #expect(LanguageDetector.language(of: [MappedText("***")]) == "en")
    }
}
