// Document → canonical markup: what `galley normalize` prints.

/// Writes a document back as markup: the headline, a blank line, paragraphs separated by
/// blank lines, each directive on a line of its own, the footnotes at the end. Parsing the
/// result gives the same paragraphs, directives and footnotes.
public struct MarkupPrinter: Sendable {
    public init() {}

    public func print(_ document: Document) -> String {
        var parts: [String] = []
        if let headline = document.headline { parts.append(headline.string) }
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): parts.append(paragraph.text.string)
            case .directive(let directive): parts.append(Self.markup(for: directive))
            }
        }
        for note in document.footnotes { parts.append("\(note.mark) \(note.text.string)") }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `#{kind=id name="value" …}` with attributes in name order.
    public static func markup(for directive: Directive) -> String {
        var text = "#{\(directive.kind)=\(directive.id)"
        for name in directive.attributes.keys.sorted() {
            let value = directive.attributes[name] ?? ""
            text += value.contains("\"") ? " \(name)=«\(value)»" : " \(name)=\"\(value)\""
        }
        return text + "}"
    }
}
