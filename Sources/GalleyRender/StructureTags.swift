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
/// here, in the order the Figures are opened, for `PDFFinisher` to add.
final class StructureTags {
    private let cr: OpaquePointer
    /// The element of running lines now open, if any.
    private var openGroup: LineGroup?
    /// Alt text of each Figure, in document order.
    private(set) var figureAlt: [String] = []
    private let language: String

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

    init(cr: OpaquePointer, language: String) {
        self.cr = cr
        self.language = language
    }

    /// How many elements are open (the Document counts).
    private var depth = 0

    func begin(_ tag: String) {
        cairo_tag_begin(cr, tag, nil)
        depth += 1
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
        begin(group.tag)
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
