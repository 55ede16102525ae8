// Hyphenation through libhyphen: Russian and English words, and words that must stay whole.

import Testing

@testable import GalleyTypography

/// The word with a hyphen at each break point.
private func hyphenated(_ word: String, _ hyphenator: Hyphenator) -> String {
    let points = Set(hyphenator.breakPoints(in: word))
    var out = ""
    for (i, scalar) in word.unicodeScalars.enumerated() {
        if points.contains(i) { out += "-" }
        out.unicodeScalars.append(scalar)
    }
    return out
}

@Suite("hyphenation")
struct HyphenatorTests {
    let ru = try! Hyphenator.load(language: "ru")
    let en = try! Hyphenator.load(language: "en")

    @Test("Russian words break between syllables, never leaving one letter")
    func russian() {
        for word in ["государственного", "информация", "правительство", "противодействии", "межсирийского"] {
            let result = hyphenated(word, ru)
            #expect(result.contains("-"), "\(word) gets break points")
            for part in result.split(separator: "-") { #expect(part.count >= 2, "\(result)") }
        }
        // Points found by Debian's and LibreOffice's patterns alike.
        #expect(ru.breakPoints(in: "телефонного").contains(4))  // теле-фон…
    }

    @Test("LibreOffice's patterns, prepared by setup with substrings.pl, give every break point")
    func densePatterns() {
        guard ru.path.hasPrefix("/usr/local/share/galley/") else {
            print("skipped: galley's set-up has not installed LibreOffice's Russian patterns (\(ru.path))")
            return
        }
        // libhyphen finds a pattern only through its substrings: unprepared, the file gives
        // единствен-ное and no break after един.
        #expect(hyphenated("единственное", ru) == "един-ствен-ное")
        #expect(hyphenated("оборачиваемость", ru) == "обо-ра-чи-ва-е-мость")
    }

    @Test("capitalised words are looked up in lower case; punctuation around words is ignored")
    func caseAndPunctuation() {
        #expect(ru.breakPoints(in: "Государственного") == ru.breakPoints(in: "государственного"))
        let quoted = ru.breakPoints(in: "«государственного»,")
        #expect(quoted == ru.breakPoints(in: "государственного").map { $0 + 1 })
    }

    @Test("English words take two letters before and three after a hyphen")
    func english() {
        let points = en.breakPoints(in: "typesetting")
        #expect(!points.isEmpty)
        #expect(points.allSatisfy { $0 >= 2 && "typesetting".count - $0 >= 3 })
        #expect(hyphenated("passengers", en).contains("-"))
    }

    @Test("acronyms, numbers, URLs, e-mail addresses and short words stay whole", arguments: [
        "ФСБ", "NATO", "МЧС", "2019-й", "Ту-154", "https://example.org/information", "editor@example.org", "окно", "кот",
    ])
    func whole(word: String) {
        #expect(ru.breakPoints(in: word).isEmpty)
        #expect(en.breakPoints(in: word).isEmpty)
    }

    @Test("compounds are hyphenated part by part; the existing hyphen is not reported")
    func compounds() {
        let word = "Воздушно-космических"
        let points = ru.breakPoints(in: word)
        let hyphenIndex = Array(word.unicodeScalars).firstIndex(of: "-")!
        #expect(!points.contains(hyphenIndex) && !points.contains(hyphenIndex + 1))
        #expect(points.contains { $0 < hyphenIndex } && points.contains { $0 > hyphenIndex })
    }

    @Test("a stress mark does not stop hyphenation and keeps its place")
    func stress() {
        let plain = ru.breakPoints(in: "информация")
        let stressed = ru.breakPoints(in: "информа\u{0301}ция")
        #expect(!stressed.isEmpty)
        #expect(stressed.count == plain.count)
    }
}
