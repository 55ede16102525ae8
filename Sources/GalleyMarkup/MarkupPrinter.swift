// Document → canonical markup: what `galley normalize` prints.

/// Writes a document back as markup: the headline, a blank line, paragraphs separated by
/// blank lines, each directive on a line of its own, the footnotes at the end. Parsing the
/// result gives the same paragraphs, directives and footnotes.
///
/// The blank line after the headline matters: it marks the body as written in blank-line
/// paragraphs, so that a lone paragraph's double spaces are not taken for lost breaks when
/// the printed text is read again. A document without a headline starts with an empty line,
/// the one way markup v1 says "no headline".
public struct MarkupPrinter: Sendable {
    public init() {}

    public func print(_ document: Document) -> String {
        var parts: [String] = []
        if let headline = document.headline {
            parts.append(headline.string)
        } else if !document.blocks.isEmpty || !document.footnotes.isEmpty {
            parts.append("")
        }
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): parts.append(paragraph.text.string)
            case .directive(let directive): parts.append(Self.markup(for: directive))
            }
        }
        for note in document.footnotes { parts.append("\(note.mark) \(note.text.string)") }
        guard !parts.isEmpty else { return "" }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `#{kind=id name="value" …}`, attributes in name order, each value in the first pair
    /// of quotes that does not occur in it.
    public static func markup(for directive: Directive) -> String {
        var text = "#{\(directive.kind)=\(directive.id)"
        for name in directive.attributes.keys.sorted() {
            let value = directive.attributes[name] ?? ""
            let quotes = quotePairs.first { !value.unicodeScalars.contains($0.close) } ?? quotePairs[0]
            text += " \(name)=\(quotes.open)\(value)\(quotes.close)"
        }
        return text + "}"
    }

    private static let quotePairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [
        ("\"", "\""), ("«", "»"), ("“", "”"), ("'", "'"),
    ]
}
