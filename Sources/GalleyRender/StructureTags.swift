// Tagged PDF: the structure elements cairo writes for the frame tree's roles.

internal import CPangoCairo
import GalleyCore

/// Opens and closes cairo structure tags (`cairo_tag_begin`/`end`) as the painter walks a
/// page, from the frames' roles only: headline lines → one H1, body lines of one paragraph →
/// one P (a paragraph split by a page or a panel gives one P per piece), a footnote → Note
/// with its mark as Lbl, a panel → Figure followed by its Caption. Furniture (running header,
/// footer) and whatever is drawn outside those elements (the rule above footnotes) are
/// artifacts. cairo 1.16 writes the structure tree, the
/// marked content and /MarkInfo but no attributes: the alt text of each Figure is collected
/// here, in the order the Figures are opened, and the language of each element written in
/// another language than the article (`PartLanguages`), for `PDFFinisher` to add.
final class StructureTags {
    private let cr: OpaquePointer
    /// The element of running lines now open, if any.
    private var openGroup: LineGroup?
    /// Alt text of each Figure, in document order.
    private(set) var figureAlt: [String] = []
    private let language: String
    private let parts: PartLanguages
    /// Every element opened, in order, with its own language (nil: the article's):
    /// `ElementLanguageMarking` puts the languages on the elements cairo wrote.
    private(set) var elements: [(type: String, language: String?)] = []

    enum LineGroup: Equatable {
        case headline
        case paragraph(Int)
        var tag: String {
            switch self {
            case .headline: "H1"
            case .paragraph: "P"
            }
        }
    }

    init(cr: OpaquePointer, language: String, parts: PartLanguages = PartLanguages()) {
        self.cr = cr
        self.language = language
        self.parts = parts
    }

    /// How many elements are open (the Document counts).
    private var depth = 0

    /// Opens the structure element `tag`, written in `language` when that is not the article's.
    func begin(_ tag: String, language: String? = nil) {
        cairo_tag_begin(cr, tag, nil)
        elements.append((tag, language))
        depth += 1
    }

    /// Opens the Note of footnote `note`, with the note's own language.
    func beginNote(_ note: Int) {
        begin("Note", language: parts.notes[note])
    }

    func end(_ tag: String) {
        cairo_tag_end(cr, tag)
        depth -= 1
    }

    /// Whether nothing but the Document is open: what is drawn now belongs to no element.
    var isOutsideContent: Bool { depth <= 1 }

    /// The tag that marks page furniture. cairo 1.16 writes a damaged file for a tag named
    /// Artifact, so furniture is drawn inside this structure tag, which `PDFFinisher` then
    /// turns into /Artifact marked content and takes out of the structure tree (galley uses
    /// no Span of its own).
    static let artifactStandIn = "Span"

    /// Draws `paint` as page furniture (an artifact).
    func artifact<Failure: Error>(_ paint: () throws(Failure) -> Void) throws(Failure) {
        closeGroup()
        begin(Self.artifactStandIn)
        defer { end(Self.artifactStandIn) }
        try paint()
    }

    /// A running line of `group`: continues the open element or starts a new one.
    func line(_ group: LineGroup) {
        guard openGroup != group else { return }
        closeGroup()
        switch group {
        case .headline: begin(group.tag, language: parts.headline)
        case .paragraph(let index): begin(group.tag, language: parts.paragraphs[index])
        }
        openGroup = group
    }

    /// Ends the open H1 or P (before anything that is not one of its lines).
    func closeGroup() {
        guard let group = openGroup else { return }
        end(group.tag)
        openGroup = nil
    }

    /// Records the alt text of the Figure about to be opened.
    func addFigure(_ panel: PanelRole, caption: String, drawnText: String) {
        figureAlt.append(FigureAltText(language: language).text(panel, caption: caption, drawnText: drawnText))
    }
}
