// The categories of galley's COCO annotations, with ids that do not change between runs.

import GalleyPanels

/// A COCO category: what kind of box an annotation is.
///
/// Ids are fixed by this list's order (documented in docs/data.md), and every file carries the
/// whole list, so that datasets made at different times, from different articles, agree on
/// what `category_id` 7 means. New categories go at the end.
public struct CocoCategory: Codable, Sendable, Hashable {
    public var id: Int
    public var name: String
    public var supercategory: String

    /// The name of the category for panels of kinds galley does not know.
    public static let otherPanel = "other-panel"

    /// Every category in id order: the article's text blocks, the page's running lines, set
    /// lines, one per panel kind of the registry (`PanelKind.known`), and unknown panels.
    public static let all: [CocoCategory] = {
        let named: [(String, String)] =
            [("headline", "text"), ("paragraph", "text"), ("footnote", "text"), ("header", "page"), ("footer", "page"), ("line", "line")]
            + PanelKind.known.map { ($0.name, "panel") } + [(otherPanel, "panel")]
        return named.enumerated().map { CocoCategory(id: $0.offset + 1, name: $0.element.0, supercategory: $0.element.1) }
    }()

    private static let ids = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.id) })

    /// The category of a layout box: lines of the headline and footnotes are lines too; a
    /// panel's is its kind's (`image` and `photo` are both `photo`). Nil for a kind of box
    /// that has none.
    public static func id(for box: LayoutJSON.Box) -> Int? {
        switch box.kind {
        case "headline-line", "footnote-line": return ids["line"]
        case "panel": return ids[box.registryKind ?? otherPanel] ?? ids[otherPanel]
        default: return ids[box.kind]
        }
    }
}
