// Helpers shared by the markup tests: parse with options, read diagnostics' line:column.

import GalleyCore

@testable import GalleyMarkup

/// One parse with what the tests look at.
struct Parsed {
    var text: String
    var document: Document
    var diagnostics: [Diagnostic]
    var file: SourceFile

    init(_ text: String, keepArtefacts: Bool = false, language: String? = nil) {
        let result = MarkupParser(options: ParseOptions(keepArtefacts: keepArtefacts, language: language)).parse(text)
        self.text = text
        document = result.document
        diagnostics = result.diagnostics
        file = SourceFile(path: "t.txt", text: text)
    }

    var headline: String? { document.headline?.string }
    var paragraphs: [String] { document.paragraphs.map(\.text.string) }
    var codes: [String] { diagnostics.map(\.code) }

    /// The first diagnostic with `code`.
    func diagnostic(_ code: String) -> Diagnostic? { diagnostics.first { $0.code == code } }

    /// Where the first diagnostic with `code` points, as line:column.
    func location(_ code: String) -> SourceLocation? {
        diagnostic(code)?.span.map { file.location(of: $0.start) }
    }

    /// The input bytes a span covers, as text.
    func source(_ span: SourceSpan) -> String {
        String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
    }

    /// Every non-space scalar that reached the document (headline, paragraphs, directives'
    /// source, footnotes with their marks), sorted, for comparing with the input's.
    func keptScalars(ignoring ignored: Set<Unicode.Scalar> = []) -> [UInt32] {
        var out: [Unicode.Scalar] = document.headline?.scalars ?? []
        for block in document.blocks {
            switch block {
            case .paragraph(let p): out += p.text.scalars
            case .directive(let d): out += source(d.span).unicodeScalars
            }
        }
        for note in document.footnotes { out += note.mark.unicodeScalars + note.text.scalars }
        return nonSpace(out, ignoring: ignored)
    }

    func inputScalars(ignoring ignored: Set<Unicode.Scalar> = []) -> [UInt32] {
        nonSpace(Array(text.unicodeScalars), ignoring: ignored)
    }

    private func nonSpace(_ scalars: [Unicode.Scalar], ignoring ignored: Set<Unicode.Scalar>) -> [UInt32] {
        scalars.filter { !$0.properties.isWhitespace && !ignored.contains($0) }.map(\.value).sorted()
    }
}

/// A small deterministic generator (SplitMix64), so generated inputs are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
