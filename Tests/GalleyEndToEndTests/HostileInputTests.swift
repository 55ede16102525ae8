// Hostile inputs: each renders with every word present, or is refused with a clear error.

import Foundation
import Testing

@Suite("hostile inputs")
struct HostileInputTests {
    /// Converts `bytes`; returns the result and the PDF's text (empty when refused).
    func convert(_ bytes: [UInt8], _ extra: [String] = []) throws -> (ProcessOutput, String) {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.txt")
        try Data(bytes).write(to: input)
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try galley(["convert", input.path, "-o", pdf.path] + extra)
        let text = FileManager.default.fileExists(atPath: pdf.path) ? try pdfText(pdf) : ""
        if result.status == 0 { #expect(try run("qpdf", ["--check", pdf.path]).status == 0) }
        return (result, text)
    }

    @Test("inputs that render, with every word", arguments: [
        ("an empty file", ""),
        ("a headline with no body", "Только заголовок"),
        ("a directive with no text around it", "Заголовок\n#{image=5}"),
        ("#{image=}", "Заголовок\nТекст #{image=} дальше"),
        ("#{image={1}}", "Заголовок\nТекст #{image={1}} дальше"),
        ("an unterminated directive", "Заголовок\nТекст #{biginfographic=77 и конец"),
        ("a 600-character headline", String(repeating: "Очень длинный заголовок статьи ", count: 20) + "\nТекст."),
        ("CRLF line ends and a BOM", "\u{FEFF}Заголовок\r\nПервый абзац.\r\n\r\nВторой абзац."),
        ("Arabic, Chinese, Hebrew and emoji in Russian", "Заголовок\nСлова مرحبا بالعالم и 你好世界 и שלום и 😀 здесь."),
    ])
    func renders(name: String, text: String) throws {
        let (result, pdf) = try convert(Array(text.utf8))
        #expect(result.status == 0, "\(name): \(result.stderr)")
        let missing = firstMissingWord(comparableWords(text.replacingOccurrences(of: #"#[{<][^}>\s]*[}>]?"#, with: " ", options: .regularExpression)), in: comparableWords(pdf))
        #expect(missing == nil, "\(name): '\(missing?.word ?? "")' missing")
    }

    @Test("a 30,000-letter word is broken across lines, every letter kept")
    func longWord() throws {
        let (result, pdf) = try convert(Array(("Заголовок\nНачало " + String(repeating: "ы", count: 30_000) + " конец.").utf8))
        #expect(result.status == 0)
        #expect(pdf.filter { $0 == "ы" }.count == 30_000)
        #expect(pdf.contains("Начало") && pdf.contains("конец"))
    }

    @Test("a 2 MB article in one paragraph renders, every word present")
    func twoMegabytes() throws {
        let words = ["Городской", "совет", "в", "среду", "одобрил", "смету", "реконструкции", "набережной,", "сообщили", "в", "мэрии."]
        var body = ""
        var k = 0
        while body.utf8.count < 2_000_000 {
            body += words[k % words.count] + " "
            k += 1
        }
        let text = "Очень длинная статья\n" + body
        let (result, pdf) = try convert(Array(text.utf8), ["--max-pages", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = comparableWords(text)
        let actual = comparableWords(pdf)
        #expect(firstMissingWord(expected, in: actual) == nil)
    }

    @Test("windows-1251, KOI8-R and UTF-16 files render, with a warning for the guessed code page")
    func encodings() throws {
        let text = "Заголовок статьи\nГлава МИД России обсудил с госсекретарем шаги по налаживанию процесса."
        for (encoding, name) in [(String.Encoding.windowsCP1251, "windows-1251"), (String.Encoding(rawValue: 0x8000_0A02), "koi8-r")] {
            let (result, pdf) = try convert([UInt8](text.data(using: encoding)!))
            #expect(result.status == 0)
            #expect(result.stderr.contains(name))
            #expect(firstMissingWord(comparableWords(text), in: comparableWords(pdf)) == nil)
        }
        let (utf16, pdf) = try convert([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(utf16.status == 0)
        #expect(firstMissingWord(comparableWords(text), in: comparableWords(pdf)) == nil)
    }

    @Test("refused with a clear error: binary files, inputs over --max-input, layouts over --max-pages")
    func refused() throws {
        let (binary, _) = try convert([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02])
        #expect(binary.status == 1)
        #expect(binary.stderr.contains("error: this is not a text file"))
        let (large, _) = try convert(Array(String(repeating: "Слово ", count: 400).utf8), ["--max-input", "1000"])
        #expect(large.status == 1)
        #expect(large.stderr.contains("--max-input"))
        let (long, _) = try convert(Array(("Заголовок\n" + String(repeating: "Слово текста статьи. ", count: 3000)).utf8), ["--max-pages", "2"])
        #expect(long.status == 1)
        #expect(long.stderr.contains("--max-pages"))
    }

    @Test("--diagnostics json: one object per diagnostic, with line, column and byte range")
    func jsonDiagnostics() throws {
        let (result, _) = try convert(Array("Заголовок\nТекст #{image=} дальше".utf8), ["--diagnostics", "json"])
        let line = try #require(result.stderr.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["code"] as? String == "malformed-directive")
        #expect(object?["line"] as? Int == 2)
        #expect(object?["column"] as? Int == 7)
        #expect(object?["start"] as? Int != nil)
    }

    @Test("random articles: every word of the input comes out, in order", arguments: 0..<6)
    func randomArticles(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let words = [
            "город", "совет", "решение", "набережная", "ремонт", "government", "harbour", "ferry", "Москва",
            "ИГ", "2015", "Ту-154", "из-за", "шалом", "привет", "mañana", "Zürich", "доклад", "строительство",
        ]
        let extras = ["#{image=\(next(1000))}", "#{biginfographic=\(next(99999))}", "«кавычки»", "\"quotes\"", " - ", "…"]
        var body = ""
        for k in 0..<(150 + next(300)) {
            body += (k > 0 ? " " : "") + words[next(words.count)]
            if next(12) == 0 { body += " " + extras[next(extras.count)] }
            if next(15) == 0 { body += "." }
        }
        let text = "Случайная статья \(seed)\n" + body + "."
        let (result, pdf) = try convert(Array(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let expected = comparableWords(text.replacingOccurrences(of: #"#[{<][^}>]*[}>]"#, with: " ", options: .regularExpression))
        let missing = firstMissingWord(expected, in: comparableWords(pdf))
        #expect(missing == nil, "seed \(seed): word #\(missing?.index ?? 0) '\(missing?.word ?? "")' missing")
    }
}
