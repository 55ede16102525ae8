// The PDF as archives read it: five text readers and pikepdf (Tests/pdf/inspect_pdf.py).

import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// The virtual environment `make test` prepares with the readers (Makefile: `.venv`).
enum Readers {
    static let python = Paths.root.appendingPathComponent(".venv/bin/python").path
    static let script = Paths.root.appendingPathComponent("Tests/pdf/inspect_pdf.py").path
    static var available: Bool {
        let ok = FileManager.default.isExecutableFile(atPath: python)
            && (try? run(python, ["-c", "import pikepdf, pdfplumber, pypdf, pymupdf, pypdfium2"]).status) == 0
        if !ok { print("skipped: no .venv with pikepdf and the readers (run make test, which makes it)") }
        return ok
    }

    struct Facts: Decodable {
        var lang: String
        var marked: Bool
        var displayDocTitle: Bool
        var structure: [String: Int]
        var figureAlt: [String]
        /// Each structure element's own /Lang in tree order: [type, language].
        var elementLanguages: [[String]]
        var unembeddedFonts: [String]
        struct Intent: Decodable {
            var s: String
            var profileComponents: Int
            var profileBytes: Int
        }
        var outputIntents: [Intent]
        var artifacts: Int
        var untaggedOperators: Int
        var xmp: [String: String]
        var readers: [String: String]
    }

    static func inspect(_ pdf: URL) throws -> Facts {
        let out = try run(python, [script, pdf.path])
        #expect(out.status == 0, "inspect_pdf.py: \(out.stderr)")
        return try JSONDecoder().decode(Facts.self, from: out.stdout)
    }
}

/// Words as the readers' text gives them: letters and digits, lower case, PDFium's
/// soft-hyphen marks dropped. A word cut by a hyphen at a line's end is rejoined with the
/// next line's first word when the two make a word of `vocabulary` (as textlayer.py does: a
/// compound broken at its own hyphen, `премьер-` + `министр`, stays two words); without a
/// vocabulary, at every line-final U+002D.
func readerWords(_ text: String, vocabulary: Set<String>? = nil) -> [String] {
    let cleaned = text.replacingOccurrences(of: "\u{FFFE}", with: "").replacingOccurrences(of: "\u{02}", with: "")
        .replacingOccurrences(of: "\u{AD}", with: "")
    func words(_ line: Substring) -> [String] {
        line.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
    var result: [String] = []
    var carried: (word: String, hyphen: Character)?
    for line in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
        var lineWords = words(line)
        if let (word, hyphen) = carried, let first = lineWords.first {
            let joined = word + first
            if vocabulary.map({ $0.contains(joined) }) ?? (hyphen == "-") { lineWords[0] = joined } else { result.append(word) }
            carried = nil
        } else if let (word, _) = carried {
            result.append(word)
            carried = nil
        }
        let trimmed = line.reversed().drop(while: { $0 == " " })
        if let hyphen = trimmed.first, hyphen == "-" || hyphen == "\u{2010}", trimmed.dropFirst().first?.isLetter == true,
            let last = lineWords.popLast()
        {
            carried = (last, hyphen)
        }
        result += lineWords
    }
    if let (word, _) = carried { result.append(word) }
    return result
}

/// The words of the text galley sets (`galley normalize`, directives left out: they are
/// drawn as panels).
func galleySetWords(_ sample: URL) throws -> [String] {
    let normalized = try galley(["normalize", sample.path])
    return readerWords(normalized.text.replacingOccurrences(of: "#[{<][^}>]*[}>]", with: " ", options: .regularExpression))
}

/// The words of `expected` (a multiset) that `text` lacks.
func lostWords(_ expected: [String], in text: String) -> [String] {
    var have: [String: Int] = [:]
    for word in readerWords(text, vocabulary: Set(expected)) { have[word, default: 0] += 1 }
    var lost: [String] = []
    for word in expected {
        if let n = have[word], n > 0 { have[word] = n - 1 } else { lost.append(word) }
    }
    return lost
}

/// Whether `word` is in `text` hyphenated across a break the reader does not rejoin: its first
/// half ends a line with a hyphen and its second half is a word further on, with a folio, a
/// running header or a panel's caption between (a column or page end: layout's to avoid).
func isSplitAcrossBreak(_ word: String, in text: String) -> Bool {
    let lowered = text.lowercased().replacingOccurrences(of: "ё", with: "е")
    let words = Set(readerWords(text))
    return (1..<max(1, word.count)).contains { cut in
        let head = String(word.prefix(cut))
        let tail = String(word.dropFirst(cut))
        // PDFium marks the hyphen it takes for a hyphenation point with U+FFFE, and may run
        // the next line on with no line feed.
        return words.contains(tail) && ["-\n", "\u{2010}\n", "\u{FFFE}"].contains { lowered.contains(head + $0) }
    }
}

/// Tokens of `text` that are no word of the article but two of them run together (digits
/// alone are a chart's labels: 2020 is no «20» glued to «20»).
func gluedWords(_ text: String, vocabulary: Set<String>) -> [String] {
    readerWords(text, vocabulary: vocabulary).filter { word in
        !vocabulary.contains(word) && word.count > 3 && !word.allSatisfy(\.isNumber)
            && (2..<(word.count - 1)).contains { cut in
                vocabulary.contains(String(word.prefix(cut))) && vocabulary.contains(String(word.dropFirst(cut)))
            }
    }
}

/// The character data of an SVG's `<text>` elements, in document order, each element's
/// text separated from the next as the file separates them.
final class SVGTextCollector: NSObject, XMLParserDelegate {
    var text = ""
    private var depth = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "text" { depth += 1 }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" {
            depth -= 1
            text += "\n"
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depth > 0 { text += string }
    }
}

@Suite("PDF text layer, tags and standards", .serialized)
struct PDFOutputTests {
    /// Every word galley set, read back by each of the five readers, none glued to its
    /// neighbour: the samples in all four templates. What falls short is left out, as
    /// docs/pdf.md says: in the multi-column templates poppler and pdfminer read the columns
    /// across (not checked there; CorpusTextLayerTests measures them), and a word hyphenated
    /// across a column end with a panel's caption between its halves is not rejoined.
    @Test(arguments: ["default", "screen", "newspaper", "broadsheet"])
    func everyReaderFindsEveryWord(template: String) throws {
        guard Readers.available else { return }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for sample in Paths.sampleFiles() {
            let pdf = folder.appendingPathComponent("\(template)-\(sample.deletingPathExtension().lastPathComponent).pdf")
            let result = try galley(["convert", sample.path, "--template", template, "-o", pdf.path])
            #expect(result.status == 0, "\(result.stderr)")
            let expected = try galleySetWords(sample)
            let vocabulary = Set(expected)
            let facts = try Readers.inspect(pdf)
            // Words drawn inside panels (a chart's labels) are no words of the article.
            let panelWords = Set(facts.figureAlt.flatMap { readerWords($0) })
            #expect(facts.readers.count == 5)
            for (reader, text) in facts.readers {
                let columnsReadAcross = (template == "newspaper" || template == "broadsheet") && (reader == "poppler" || reader == "pdfminer")
                guard !columnsReadAcross else { continue }
                let lost = lostWords(expected, in: text).filter { !isSplitAcrossBreak($0, in: text) }
                #expect(lost.isEmpty, "\(template) \(sample.lastPathComponent) \(reader) lost \(lost.prefix(10))")
                let glued = gluedWords(text, vocabulary: vocabulary).filter { !panelWords.contains($0) }
                #expect(glued.isEmpty, "\(template) \(sample.lastPathComponent) \(reader) glued \(glued.prefix(10))")
            }
        }
    }

    /// SVG pages carry the words too (an invisible text layer), in order, with spaces.
    @Test func svgPagesHaveText() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for sample in Paths.sampleFiles() {
            let name = sample.deletingPathExtension().lastPathComponent
            #expect(try galley(["convert", sample.path, "--format", "svg", "-o", folder.path + "/"]).status == 0)
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasPrefix(name + "-") && $0.hasSuffix(".svg") }
                .sorted { Int($0.dropFirst(name.count + 1).dropLast(4))! < Int($1.dropFirst(name.count + 1).dropLast(4))! }
            var text = ""
            for page in pages {
                let collector = SVGTextCollector()
                let parser = XMLParser(data: try Data(contentsOf: folder.appendingPathComponent(page)))
                parser.delegate = collector
                #expect(parser.parse(), "\(page) is not well-formed XML")
                text += collector.text + "\n"
            }
            let expected = try galleySetWords(sample)
            let lost = lostWords(expected, in: text)
            #expect(lost.isEmpty, "\(name) SVG lost \(lost.prefix(10))")
            #expect(gluedWords(text, vocabulary: Set(expected)).filter { $0.count > 8 }.isEmpty)
        }
    }

    @Test func seedIsTaggedInRussian() throws {
        guard Paths.hasShared else {
            print("skipped: ../shared is absent (seed)")
            return
        }
        guard Readers.available else { return }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("seed.pdf")
        #expect(try galley(["convert", Paths.seed.path, "-o", pdf.path]).status == 0)
        let facts = try Readers.inspect(pdf)
        #expect(facts.lang == "ru")
        #expect(facts.marked)
        #expect(facts.displayDocTitle)
        for element in ["H1", "P", "Note", "Lbl", "Figure"] {
            #expect((facts.structure[element] ?? 0) > 0, "no \(element) in \(facts.structure)")
        }
        #expect(facts.figureAlt.count == facts.structure["Figure"])
        // Furniture is artifact, everything else tagged: nothing drawn outside both.
        #expect(facts.artifacts > 0)
        #expect(facts.untaggedOperators == 0)
        #expect(facts.structure["Span"] == nil, "the artifacts' stand-in elements are gone")
        #expect(facts.figureAlt.allSatisfy { $0.contains("макет") }, "a generated panel says so: \(facts.figureAlt)")
        let check = try run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.text)")
    }

    @Test func englishArticleSaysEnglish() throws {
        guard Readers.available else { return }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("en.pdf")
        #expect(try galley(["convert", Paths.samples.appendingPathComponent("en-harbour-ferries.txt").path, "-o", pdf.path]).status == 0)
        let facts = try Readers.inspect(pdf)
        #expect(facts.lang == "en")
        #expect(facts.elementLanguages.isEmpty, "an article in one language needs no /Lang below the catalog's")
        #expect(facts.xmp["dc:language"]?.contains("en") == true)
        #expect((facts.structure["P"] ?? 0) > 1)
    }

    /// A paragraph and a footnote in English inside a Russian article: their P and Note say
    /// `en` (the parser's per-paragraph language), the Russian elements inherit the catalog's
    /// `ru` and carry no /Lang of their own.
    @Test func partsInAnotherLanguageSayTheirs() throws {
        guard Readers.available else { return }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("mixed.txt")
        try Data(
            """
            Городской совет утвердил бюджет на ремонт набережной   Депутаты городского совета в среду \
            одобрили смету реконструкции северной набережной, сообщили в пресс-службе мэрии.  The council \
            said on Wednesday that the works would start in spring and take two seasons.  Подрядчика \
            выберут на открытом конкурсе в феврале; заявки подали пять компаний из движения «Живой берег*».  \
            * The movement was registered in 2015; its board includes architects and residents.
            """.utf8
        ).write(to: article)
        let pdf = folder.appendingPathComponent("mixed.pdf")
        let result = try galley(["convert", article.path, "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let facts = try Readers.inspect(pdf)
        #expect(facts.lang == "ru")
        #expect(facts.elementLanguages == [["P", "en"], ["Note", "en"]], "\(facts.elementLanguages)")
        let check = try run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.text)")
    }

    @Test(arguments: [("a-2b", "B", false), ("a-2u", "U", false), ("a-2b,ua-1", "B", true), ("ua-1", "", true)])
    func standards(flag: String, conformance: String, accessible: Bool) throws {
        guard Readers.available else { return }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt").path
        let first = folder.appendingPathComponent("one.pdf")
        let second = folder.appendingPathComponent("two.pdf")
        let environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1700000000"]) { $1 }
        #expect(try galley(["convert", sample, "-o", first.path, "--pdf-standard", flag], environment: environment).status == 0)
        #expect(try galley(["convert", sample, "-o", second.path, "--pdf-standard", flag], environment: environment).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second), "not byte-reproducible under SOURCE_DATE_EPOCH")
        let check = try run("qpdf", ["--check", first.path])
        #expect(check.status == 0, "\(check.text)")
        let facts = try Readers.inspect(first)
        #expect(facts.unembeddedFonts.isEmpty)
        #expect(facts.xmp["xmp:CreateDate"] == "2023-11-14T22:13:20Z")
        #expect(facts.xmp["dc:title"]?.isEmpty == false)
        if conformance.isEmpty {
            #expect(facts.xmp["pdfaid:part"] == "")
            #expect(facts.outputIntents.isEmpty)
        } else {
            #expect(facts.xmp["pdfaid:part"] == "2")
            #expect(facts.xmp["pdfaid:conformance"] == conformance)
            #expect(facts.outputIntents.count == 1)
            #expect(facts.outputIntents.first?.s == "/GTS_PDFA1")
            #expect(facts.outputIntents.first?.profileComponents == 3)
            #expect((facts.outputIntents.first?.profileBytes ?? 0) > 1000)
        }
        #expect(facts.xmp["pdfuaid:part"] == (accessible ? "1" : ""))
    }

    @Test func refusesUnknownStandard() throws {
        let result = try galley(["convert", Paths.sampleFiles()[0].path, "-o", "/dev/null", "--pdf-standard", "a-1b"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a-2b"))
    }
}
