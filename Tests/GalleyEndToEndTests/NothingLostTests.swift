// galley's first promise, end to end: no text lost with exit status 0.

import Foundation
import Testing

@Suite("nothing lost")
struct NothingLostTests {
    /// Invisible format and bidi characters, right-to-left words wrapped in marks, and other
    /// characters an archive's text carries: what the property test inserts.
    static let hostile: [String] = [
        "\u{200F}", "\u{200E}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
        "\u{2068}", "\u{2069}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{061C}",
        "\u{0301}", "(\u{200F}محمد جواد ظريف\u{200F})", "שלום\u{202C}", "\u{202B}עברית\u{202C}", "\u{2067}مرحبا\u{2069}",
    ]

    /// The articles the property runs over: the samples, and the seed and corpus when present.
    static var articles: [URL] {
        var urls = Paths.sampleFiles()
        if Paths.hasShared {
            urls.append(Paths.seed)
            let corpus = Paths.shared.appendingPathComponent("corpus")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
            urls += names.filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0) }
        } else {
            print("nothing lost: ../shared is absent; the property runs over samples/ only")
        }
        return urls
    }

    /// Letters and digits of `text`, counted: what must survive whatever invisible characters
    /// are added (words split by a mark, reordered by bidi or mirrored by an override keep
    /// their letters).
    static func letters(_ text: String) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            counts[scalar, default: 0] += 1
        }
        return counts
    }

    /// Where the directive that `index` falls inside starts (its `#`), or nil.
    static func directive(around index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var i = min(index, scalars.count - 1)
        while i >= 0, index - i < 210 {
            if scalars[i] == "}" || scalars[i] == ">" { return nil }
            if scalars[i] == "#", i + 1 < scalars.count, scalars[i + 1] == "{" || scalars[i + 1] == "<", i < index { return i }
            i -= 1
        }
        return nil
    }

    /// Converts `text` to a PDF; returns the exit status, standard error and the PDF's text.
    func render(_ text: String, in folder: URL, name: String) throws -> (status: Int32, stderr: String, text: String) {
        let input = folder.appendingPathComponent("\(name).txt")
        try Data(text.utf8).write(to: input)
        let pdf = folder.appendingPathComponent("\(name).pdf")
        let result = try galley(["convert", input.path, "-o", pdf.path])
        let extracted = result.status == 0 ? try pdfText(pdf) : ""
        return (result.status, result.stderr, extracted)
    }

    @Test("hostile characters inserted into real articles: every letter is on the page, or the input fails")
    func hostileCharactersLoseNothing() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix64(seed: 0x6761_6C6C_6579)
        for (n, article) in Self.articles.enumerated() {
            let original = try String(contentsOf: article, encoding: .utf8)
            let baseline = try render(original, in: folder, name: "a\(n)")
            try #require(baseline.status == 0, "\(article.lastPathComponent): \(baseline.stderr)")
            for variant in 0..<3 {
                // Insert 1–4 hostile pieces in the body (after the first line: the headline
                // separator is part of the markup), each at a random scalar position.
                // Never inside a directive: a character there makes it malformed, and it then
                // stays text on purpose (its panel is gone, with a warning).
                var scalars = Array(original.unicodeScalars)
                let bodyStart = (scalars.firstIndex(where: { $0 == "\n" || $0 == "\u{2028}" }) ?? 0) + 1
                var inserted = ""
                for _ in 0..<(1 + Int(random.next() % 4)) {
                    let piece = Self.hostile[Int(random.next() % UInt64(Self.hostile.count))]
                    var at = bodyStart + Int(random.next() % UInt64(max(1, scalars.count - bodyStart)))
                    while let open = Self.directive(around: at, in: scalars) { at = open }
                    scalars.insert(contentsOf: piece.unicodeScalars, at: min(at, scalars.count))
                    inserted += piece
                }
                let text = String(String.UnicodeScalarView(scalars))
                let result = try render(text, in: folder, name: "a\(n)v\(variant)")
                let label = "\(article.lastPathComponent) variant \(variant) with \(inserted.unicodeScalars.map { String($0.value, radix: 16) })"
                #expect(result.status == 0, "\(label): \(result.stderr)")
                guard result.status == 0 else { continue }
                var expected = Self.letters(baseline.text)
                for (scalar, count) in Self.letters(inserted) { expected[scalar, default: 0] += count }
                let actual = Self.letters(result.text)
                let missing = expected.filter { actual[$0.key, default: 0] < $0.value }
                #expect(missing.isEmpty, "\(label): letters missing from the PDF: \(missing.map { "\($0.key)×\($0.value - actual[$0.key, default: 0])" }.sorted())")
            }
        }
    }

    @Test("the seed with an Arabic name in right-to-left marks keeps every word")
    func seedWithRightToLeftMarks() throws {
        guard Paths.hasShared else {
            print("skipped: ../shared is absent (the seed article)")
            return
        }
        let seed = try String(contentsOf: Paths.seed, encoding: .utf8)
        let marked = seed.replacingOccurrences(of: "Зарифом", with: "Зарифом (\u{200F}محمد جواد ظريف\u{200F})")
        try #require(marked != seed)
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try render(marked, in: folder, name: "seed")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = comparableWords(seed.replacingOccurrences(of: #"#[{<][^}>\s]*[}>]?"#, with: " ", options: .regularExpression))
        #expect(firstMissingWord(expected, in: comparableWords(result.text)) == nil)
        // Readers keep the invisible marks inside the words they stand by; compare without them.
        let visible = String(String.UnicodeScalarView(result.text.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        for word in ["محمد", "جواد", "ظريف"] { #expect(visible.contains(word), "\(word) is not in the PDF's text") }
    }

    @Test("a 5,000-character headline: smaller, then the rest opens the body, every word kept, with a warning")
    func longHeadline() throws {
        let headline = String(repeating: "Городской совет одобрил смету реконструкции набережной и парка ", count: 80)
        let body = "Первый абзац статьи о набережной. Второй абзац статьи заканчивается здесь."
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try render(headline + "\n" + body, in: folder, name: "long")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("headline"), "no warning about the headline: \(result.stderr)")
        #expect(firstMissingWord(comparableWords(headline + " " + body), in: comparableWords(result.text)) == nil)
    }

    @Test("a footnote longer than a page is set after the article as an endnote, with a warning")
    func longFootnote() throws {
        let note = String(repeating: "Пояснение к расходам городского бюджета на ремонт дорог и мостов. ", count: 150)
        let text = "Заголовок\nТекст статьи со сноской* и продолжением.\n* " + note + "Конец."
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try render(text, in: folder, name: "note")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("endnote"), "no warning about the note: \(result.stderr)")
        #expect(firstMissingWord(comparableWords(note + " Конец"), in: comparableWords(result.text)) == nil)
    }

    @Test("a repeated attribute is a warning naming the value not drawn")
    func repeatedAttribute() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try render("Заголовок\nТекст. #<image=5 caption=\"первая\" caption=\"вторая\"> Текст.", in: folder, name: "dup")
        #expect(result.status == 0)
        #expect(result.stderr.contains("caption twice") || result.stderr.contains("'caption' twice"), "\(result.stderr)")
        #expect(result.stderr.contains("вторая"))
        #expect(result.text.contains("первая"))
    }

    @Test("the same article converted from two working directories gives identical bytes, with no folder in the PDF")
    func sameBytesFromAnyFolder() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sub = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let input = sub.appendingPathComponent("article.txt")
        try FileManager.default.copyItem(at: Paths.sampleFiles()[0], to: input)
        let a = folder.appendingPathComponent("a.pdf")
        let b = folder.appendingPathComponent("b.pdf")
        #expect(try run(Paths.galley, ["convert", input.path, "-o", a.path]).status == 0)
        #expect(try run("/bin/sh", ["-c", "cd '\(sub.path)' && '\(Paths.galley)' convert article.txt -o '\(b.path)'"]).status == 0)
        let bytesA = try Data(contentsOf: a)
        #expect(bytesA == (try Data(contentsOf: b)))
        #expect(!String(decoding: bytesA, as: UTF8.self).contains(sub.path), "the input's folder is in the PDF")
    }
}

/// A small seeded generator (SplitMix64), so a failing variant can be made again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
