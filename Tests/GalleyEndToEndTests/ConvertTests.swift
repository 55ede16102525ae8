// End to end: the built binary converts articles; real readers check what it wrote.

import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The words of an article file in reading order, split into body and footnote notes, with
/// directives left out (their captions are checked separately).
func expectedWords(of file: URL) throws -> (body: [String], notes: [String]) {
    var text = try String(contentsOf: file, encoding: .utf8)
    // Directives: #{…} and #<…>.
    text = text.replacingOccurrences(of: #"#[{<][^}>]*[}>]"#, with: " ", options: .regularExpression)
    // The trailing note: from the last mark at a word boundary followed by a space.
    var notes = ""
    if let range = text.range(of: #"(^|\s)\*{1,3} [^*]*$"#, options: .regularExpression) {
        notes = String(text[range])
        text.removeSubrange(range)
    }
    return (comparableWords(text), comparableWords(notes))
}

@Suite("convert, end to end")
struct ConvertTests {
    static let samples = Paths.sampleFiles()

    @Test("samples exist in the repository, in Russian and English")
    func samplesExist() {
        #expect(Self.samples.count >= 2)
    }

    @Test("each sample becomes a valid PDF with every word in order", arguments: samples)
    func pdfKeepsEveryWord(sample: URL) throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try galley(["convert", sample.path, "-o", pdf.path])
        #expect(result.status == 0, "galley failed: \(result.stderr)")
        #expect(!result.stderr.contains("error:"), "unexpected errors: \(result.stderr)")

        let check = try run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "qpdf --check: \(check.text)")

        let words = comparableWords(try pdfText(pdf))
        let expected = try expectedWords(of: sample)
        let missingBody = firstMissingWord(expected.body, in: words)
        #expect(missingBody == nil, "body word \(missingBody.map { "#\($0.index) '\($0.word)'" } ?? "") missing or out of order")
        let missingNote = firstMissingWord(expected.notes, in: words)
        #expect(missingNote == nil, "footnote word \(missingNote.map { "'\($0.word)'" } ?? "") missing")
    }

    /// galley's deflateInit_ (Sources/CDeflateLevel) must be the one cairo's calls bind to: a
    /// zlib stream's second byte says the level it was written at (0x01 fastest, 0x9C zlib's
    /// default, which cairo would use alone). Every stream must still inflate.
    @Test("PDF streams are deflated at zlib's fastest level, and stay valid")
    func pdfStreamsUseTheFastLevel() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("out.pdf")
        let russian = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
        #expect(try galley(["convert", russian.path, "-o", pdf.path]).status == 0)
        let bytes = [UInt8](try Data(contentsOf: pdf))
        var headers: [UInt8] = []
        let marker = Array("stream\n".utf8)
        var i = 0
        while i + marker.count + 2 <= bytes.count {
            if bytes[i..<(i + marker.count)].elementsEqual(marker), i == 0 || bytes[i - 1] != UInt8(ascii: "d") {
                if bytes[i + marker.count] == 0x78 { headers.append(bytes[i + marker.count + 1]) }
                i += marker.count
            } else {
                i += 1
            }
        }
        #expect(headers.count >= 3, "deflated streams found: \(headers.count)")
        #expect(headers.allSatisfy { $0 == 0x01 }, "zlib levels: \(Set(headers).map { String($0, radix: 16) })")
        let check = try run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "qpdf --check: \(check.text)")
    }

    @Test("the directives' panels are on the page with their labels and ids")
    func panelsAreDrawn() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let russian = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
        let pdf = folder.appendingPathComponent("ru.pdf")
        #expect(try galley(["convert", russian.path, "-o", pdf.path]).status == 0)
        let text = try pdfText(pdf)
        // The drawing is outlines; its Figure's alt text says what is written in it.
        let alt = try figureAltTexts(pdf).joined(separator: "\n")
        #expect(alt.contains("Инфографика"))
        #expect(alt.contains("204817"))
        #expect(text.contains("Северная набережная в мае"), "the caption attribute is drawn")
    }

    @Test("SVG output: one well-formed file per page, A4 in points, titled with the headline")
    func svgPages() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
        let result = try galley(["convert", sample.path, "--format", "svg,pdf", "-o", folder.path + "/"])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try pdfPageCount(folder.appendingPathComponent("ru-naberezhnaya.pdf"))
        #expect(pages >= 1)
        let svgs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(svgs.count == pages, "one SVG per PDF page")
        for name in svgs {
            let url = folder.appendingPathComponent(name)
            let document = try XMLDocument(contentsOf: url, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "svg")
            // attribute(forName:) misses attributes of a namespaced root on Linux: read the list.
            func attribute(_ name: String) -> String {
                root.attributes?.first { $0.name == name }?.stringValue ?? ""
            }
            let width = attribute("width")
            let height = attribute("height")
            #expect(width.hasSuffix("pt") && abs((Double(width.dropLast(2)) ?? 0) - 595.276) < 0.01, "width \(width)")
            #expect(height.hasSuffix("pt") && abs((Double(height.dropLast(2)) ?? 0) - 841.89) < 0.01, "height \(height)")
            let title = try document.nodes(forXPath: "//*[local-name()='title']").first?.stringValue
            // The headline as set: typography glues short words with no-break spaces.
            #expect(title?.replacingOccurrences(of: "\u{00A0}", with: " ") == "Городской совет утвердил бюджет на ремонт набережной")
        }
    }

    @Test("PNG output: one image per page at the asked resolution")
    func pngPages() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Paths.samples.appendingPathComponent("en-harbour-ferries.txt")
        let result = try galley(["convert", sample.path, "--format", "png", "--dpi", "72", "-o", folder.path + "/"])
        #expect(result.status == 0, "\(result.stderr)")
        let png = try Data(contentsOf: folder.appendingPathComponent("en-harbour-ferries-1.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16..<24.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 595 && height == 842, "\(width)×\(height)")
    }

    @Test("the same input gives byte-identical PDF, SVG and PNG in two runs")
    func reproducible() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
        for run in ["a", "b"] {
            let out = folder.appendingPathComponent(run).path + "/"
            #expect(try galley(["convert", sample.path, "--format", "pdf,svg,png", "--dpi", "50", "-o", out]).status == 0)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path)
        #expect(names.count >= 3)
        for name in names {
            let a = try Data(contentsOf: folder.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test("standard input to standard output")
    func pipes() throws {
        let sample = try Data(contentsOf: Paths.samples.appendingPathComponent("en-harbour-ferries.txt"))
        let result = try galley(["convert", "-", "-o", "-"], input: sample)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.prefix(5) == Data("%PDF-".utf8))
    }

    @Test("a missing input is an error with exit status 1; a bad flag is a usage error, 2")
    func errors() throws {
        let missing = try galley(["convert", "/nonexistent/article.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/article.txt: error: no such file"))
        let badFormat = try galley(["convert", "x.txt", "--format", "docx"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("--format"))
        let unknown = try galley(["convert", "x.txt", "--frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test(
        "the real seed article: every word, the infographic panel, the footnote",
        .enabled(if: Paths.hasShared, "../shared is absent (a user's clone has no seed); skipping the seed test"))
    func seed() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("seed.pdf")
        let result = try galley(["convert", Paths.seed.path, "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try run("qpdf", ["--check", pdf.path]).status == 0)
        let text = try pdfText(pdf)
        let words = comparableWords(text)
        let expected = try expectedWords(of: Paths.seed)
        let missing = firstMissingWord(expected.body, in: words)
        #expect(missing == nil, "seed word \(missing.map { "#\($0.index) '\($0.word)'" } ?? "") missing or out of order")
        #expect(firstMissingWord(expected.notes, in: words) == nil, "the footnote's words")
        let alt = try figureAltTexts(pdf).joined(separator: "\n")
        #expect(alt.contains("771531"), "the biginfographic panel names its id")
        #expect(alt.contains("Инфографика"))
    }
}
