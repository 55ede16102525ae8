// Encodings end to end: detected legacy files, forced encodings, damaged UTF-8, all words kept.

import Foundation
import Testing

/// `text` encoded by Python's codecs (an encoder independent of galley's iconv), after the
/// typographic characters the code page lacks are written the way such files write them.
func transcode(_ text: String, to codec: String) throws -> [UInt8] {
    let script = """
        import sys
        t = sys.stdin.read()
        t = t.translate({0xab: '"', 0xbb: '"', 0x2014: '-', 0x2013: '-', 0x2026: '...', 0x201e: '"', 0x201c: '"', 0x2019: "'", 0x2028: '\\n'})
        sys.stdout.buffer.write(t.encode(sys.argv[1]))
        """
    let result = try run("python3", ["-c", script, codec], input: Data(text.utf8))
    #expect(result.status == 0, "python3 could not encode in \(codec): \(result.stderr)")
    return [UInt8](result.stdout)
}

/// The words of an article's text, its directives (`#{image=7 caption="…"}`) left out: panels
/// may float away from where their directive stands.
func bodyWords(_ text: String) -> [String] {
    comparableWords(text.replacingOccurrences(of: #"#[{<][^}>\n]*[}>]"#, with: " ", options: .regularExpression))
}

/// The words of `expected` that `actual` lacks, counted (footnotes and panels move, so order
/// is not checked).
func missingWords(_ expected: [String], in actual: [String]) -> [String] {
    var available: [String: Int] = [:]
    for word in actual { available[word, default: 0] += 1 }
    var missing: [String] = []
    for word in expected {
        if available[word, default: 0] > 0 { available[word]! -= 1 } else { missing.append(word) }
    }
    return missing
}

@Suite("encodings end to end")
struct EncodingTests {
    /// Converts `bytes` to a PDF; the result and the PDF's text ("" when none was written).
    func convert(_ bytes: [UInt8], _ extra: [String] = []) throws -> (ProcessOutput, String) {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("article.txt")
        try Data(bytes).write(to: input)
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try galley(["convert", input.path, "-o", pdf.path] + extra)
        return (result, FileManager.default.fileExists(atPath: pdf.path) ? try pdfText(pdf) : "")
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOf: Paths.samples.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("a Latin-1 English article is detected (windows-1252) and every word read right")
    func latin1() throws {
        let text = try sample("en-harbour-ferries.txt")
            .replacingOccurrences(of: "the port authority", with: "the port authority of München and São Paulo")
            .replacingOccurrences(of: "the service", with: "the café-bar with its naïve façade")
        let (result, pdf) = try convert(try transcode(text, to: "latin-1"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("read it as windows-1252"), "\(result.stderr)")
        #expect(missingWords(bodyWords(text), in: comparableWords(pdf)) == [])
        #expect(pdf.contains("München") && pdf.contains("façade"))
    }

    @Test("Russian in cp866 and MacCyrillic is detected and every word read right", arguments: [
        ("cp866", "ibm866"), ("mac_cyrillic", "x-mac-cyrillic"), ("cp1251", "windows-1251"), ("koi8_r", "koi8-r"),
    ])
    func cyrillic(codec: String, name: String) throws {
        let text = try sample("ru-naberezhnaya.txt")
        let (result, pdf) = try convert(try transcode(text, to: codec))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("read it as \(name)"), "\(result.stderr)")
        #expect(missingWords(bodyWords(text), in: comparableWords(pdf)) == [])
    }

    @Test("--encoding iso-8859-5 reads an ISO-8859-5 file; an unknown name is a usage error")
    func forced() throws {
        let text = try sample("ru-naberezhnaya.txt")
        let bytes = try transcode(text, to: "iso8859_5")
        let (result, pdf) = try convert(bytes, ["--encoding", "iso-8859-5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("assumed-encoding") && !result.stderr.contains("read it as"))
        #expect(missingWords(bodyWords(text), in: comparableWords(pdf)) == [])
        let (unknown, _) = try convert(bytes, ["--encoding", "klingon-8"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("iconv -l"), "\(unknown.stderr)")
        let (invalid, _) = try convert(bytes, ["--encoding", "utf-8"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("not valid utf-8 at byte offset"), "\(invalid.stderr)")
    }

    @Test("one bad byte in the seed: every word in the PDF, U+FFFD at the spot, a warning with its offset")
    func seedWithBadByte() throws {
        guard Paths.hasShared else {
            print("skipped the seed with a bad byte: ../shared is not beside the repository")
            return
        }
        let original = [UInt8](try Data(contentsOf: Paths.seed))
        // Just before a space in the middle: the U+FFFD then stands beside a word, not inside one.
        var at = original.count / 2
        while original[at] != 0x20 { at += 1 }
        let bytes = Array(original[..<at]) + [0x80] + Array(original[at...])
        let (result, pdf) = try convert(bytes)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("byte 0x80 at byte offset \(at) is not valid utf-8"), "\(result.stderr)")
        #expect(!result.stderr.contains("assumed-encoding") && !result.stderr.contains("read it as"))
        let text = String(decoding: original, as: UTF8.self)
        #expect(missingWords(bodyWords(text), in: comparableWords(pdf)) == [])
        #expect(pdf.contains("\u{FFFD}"))
    }
}
