// The real seed and corpus from ../shared, when present: the parser's behaviour on archive text.

import Foundation
import GalleyCore
import Testing

@testable import GalleyMarkup

/// `../shared` beside the repository, found from this file's path; nil in a fresh clone.
let sharedFolder: URL? = {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path) ? shared : nil
}()

func load(_ relative: String) throws -> (Parsed, DecodedInput)? {
    guard let sharedFolder else {
        print("skipped \(relative): ../shared is not beside the repository (a fresh clone has no seed or corpus)")
        return nil
    }
    let bytes = [UInt8](try Data(contentsOf: sharedFolder.appendingPathComponent(relative)))
    let decoded = try InputDecoder.decode(bytes)
    return (Parsed(decoded.text), decoded)
}

@Suite(
    "markup: the archive's own files",
    .enabled(if: sharedFolder != nil, "../shared is not beside the repository (a fresh clone has no seed or corpus)"))
struct ArchiveSampleTests {
    @Test("the seed: headline, two paragraphs split at the double space, the panel, one paired footnote")
    func seed() throws {
        guard let (parsed, decoded) = try load("seeds/000_7b5fd0e551e9cfee.txt") else { return }
        #expect(decoded.encoding == .utf8)
        #expect(decoded.diagnostics.isEmpty)
        #expect(parsed.headline?.hasPrefix("Лавров и Керри") == true)
        let blocks = parsed.document.blocks
        let directiveIndex = try #require(blocks.firstIndex { if case .directive = $0 { true } else { false } })
        #expect(directiveIndex == 2, "two paragraphs before the directive")
        #expect(parsed.document.paragraphs.first?.text.string.hasSuffix("дипведомстве.") == true)
        #expect(parsed.document.paragraphs.dropFirst().first?.text.string.hasPrefix("«Состоялся") == true)
        let directive = try #require(parsed.document.directives.first)
        #expect(directive.kind == "biginfographic")
        #expect(directive.id == "771531")
        #expect(parsed.document.footnotes.count == 1)
        #expect(parsed.document.footnotes.first?.text.string.hasPrefix("Организация") == true)
        #expect(parsed.document.paragraphs.flatMap(\.footnoteRefs).map(\.note) == [0])
        #expect(parsed.codes == ["lost-paragraph-breaks"])
        #expect(parsed.document.language == "ru")
    }

    /// Directives the corpus README lists per file.
    static let corpusDirectives = [3, 2, 1, 0, 4, 2, 1, 1, 1, 2]

    @Test("the corpus: headlines, the listed directives, the n artefacts repaired, nothing lost", arguments: 1...10)
    func corpus(number: Int) throws {
        let name = "corpus/ru_" + String(repeating: "0", count: 3 - String(number).count) + "\(number).txt"
        guard let (parsed, _) = try load(name) else { return }
        #expect(parsed.headline.map { !$0.isEmpty && $0.count < 200 } == true, "\(name)")
        #expect(parsed.document.directives.count == Self.corpusDirectives[number - 1], "\(name)")
        #expect(parsed.codes == ["escaped-line-breaks"], "\(name)")
        #expect(parsed.document.paragraphs.count > 5, "\(name)")
        #expect(parsed.keptScalars(ignoring: ["n"]) == parsed.inputScalars(ignoring: ["n"]), "\(name)")
        // What the repairs leave: only n's glued to Latin letters or digits, never between two
        // Cyrillic letters.
        for paragraph in parsed.paragraphs {
            let s = Array(paragraph.unicodeScalars)
            for i in s.indices.dropFirst().dropLast() where s[i] == "n" {
                #expect(!(s[i - 1].isCyrillicLetter && s[i + 1].isCyrillicLetter), "\(name): \(String(String.UnicodeScalarView(s[max(0, i - 10)..<min(s.count, i + 10)])))")
            }
        }
    }
}
