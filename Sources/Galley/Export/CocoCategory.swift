// The categories of galley's COCO annotations, with ids that do not change between runs.

import GalleyPanels

/// A COCO category: what kind of box an annotation is.
///
/// Ids are fixed by name (documented in docs/data.md): the text and page categories here, each
/// directive kind's in its own file (`DirectiveKind.categoryId`). Every file carries the whole
/// list, so that datasets made at different times, from different articles, agree on what
/// `category_id` 7 means. A new kind takes the next free id; no id is ever reused.
public struct CocoCategory: Codable, Sendable, Hashable {
    public var id: Int
    public var name: String
    public var supercategory: String

    /// The name of the category for panels of kinds galley does not know.
    public static let otherPanel = DirectiveKind.unknownCategoryName

    /// Every category in id order: the article's text blocks, the page's running lines, set
    /// lines (1–6), and one per directive kind of the registry, each with the id its kind fixes
    /// (`DirectiveKind.categoryId`: 15 for kinds galley does not know).
    public static let all: [CocoCategory] = {
        let fixed: [(Int, String, String)] = [
            (1, "headline", "text"), (2, "paragraph", "text"), (3, "footnote", "text"), (4, "header", "page"),
            (5, "footer", "page"), (6, "line", "line"), (DirectiveKind.unknownCategoryId, otherPanel, "panel"),
        ]
        let panels = DirectiveKind.registry.map { ($0.categoryId, $0.name, "panel") }
        let all = (fixed + panels).map { CocoCategory(id: $0.0, name: $0.1, supercategory: $0.2) }.sorted { $0.id < $1.id }
        precondition(Set(all.map(\.id)).count == all.count, "two COCO categories share an id")
        return all
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
