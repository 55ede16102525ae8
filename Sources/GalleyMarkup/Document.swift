// The document tree the markup parser produces and later stages consume.

import GalleyCore

/// An article: headline, blocks of body text and media directives, and footnotes.
public struct Document: Sendable, Hashable {
    public var headline: MappedText?
    public var blocks: [Block]
    public var footnotes: [Footnote]
    /// `ru` or `en`: detected from the script of the text (`LanguageDetector`), or forced.
    public var language: String
    /// The headline's own language (nil: the document's).
    public var headlineLanguage: String?

    public init(headline: MappedText?, blocks: [Block], footnotes: [Footnote], language: String) {
        self.headline = headline
        self.blocks = blocks
        self.footnotes = footnotes
        self.language = language
    }

    /// All paragraphs, in order.
    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    /// All directives, in order.
    public var directives: [Directive] {
        blocks.compactMap { if case .directive(let d) = $0 { d } else { nil } }
    }
}

/// A block of the body: running text or a media directive standing on its own.
public enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case directive(Directive)
}

/// A paragraph of running text.
public struct Paragraph: Sendable, Hashable {
    /// The text, white space runs kept as they are; typography normalizes it later.
    public var text: MappedText
    /// Footnote marks in this paragraph, by input offset (stable through normalization).
    public var footnoteRefs: [FootnoteRef]
    /// The paragraph's own language, recorded by the parser (`LanguageDetector`); nil: the document's.
    public var language: String?
    public init(text: MappedText, footnoteRefs: [FootnoteRef] = [], language: String? = nil) {
        self.text = text
        self.footnoteRefs = footnoteRefs
        self.language = language
    }
}

/// A media directive: `#{biginfographic=771531}` or `#<image=12 caption="…">`.
public struct Directive: Sendable, Hashable {
    /// The kind, lowercased: `biginfographic`, `image`, `movie`, …
    public var kind: String
    /// The value after `=`: usually a numeric id.
    public var id: String
    /// `name="value"` attributes in the order written (`caption`, …).
    public var attributes: [String: String]
    /// The whole directive in the input, from `#` to the closing bracket.
    public var span: SourceSpan
    public init(kind: String, id: String, attributes: [String: String] = [:], span: SourceSpan) {
        self.kind = kind
        self.id = id
        self.attributes = attributes
        self.span = span
    }
}

/// A footnote mark in running text (`государства*»`), paired with the note it calls.
public struct FootnoteRef: Sendable, Hashable {
    /// The mark as written: `*`, `**` or `***`.
    public var mark: String
    /// Where the mark stands in the input.
    public var span: SourceSpan
    /// Index into `Document.footnotes`.
    public var note: Int
    public init(mark: String, span: SourceSpan, note: Int) {
        self.mark = mark
        self.span = span
        self.note = note
    }
}

/// A footnote's text, taken from the end of the body (`* Организация, …`).
public struct Footnote: Sendable, Hashable {
    public var mark: String
    /// The note's text without its leading mark.
    public var text: MappedText
    /// The note's own language, recorded by the parser (`LanguageDetector`); nil: the document's.
    public var language: String?
    public init(mark: String, text: MappedText, language: String? = nil) {
        self.mark = mark
        self.text = text
        self.language = language
    }
}

/// What the parser returns: always a document, and what it noticed on the way.
public struct ParseResult: Sendable {
    public var document: Document
    public var diagnostics: [Diagnostic]
    public init(document: Document, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }
}
