// The registry of directive kinds: the one place a kind's name is read, and what each kind is.

import GalleyCore

/// How a panel sits in the text block.
public enum PanelSpan: Sendable, Hashable {
    /// Across the whole text width (all columns).
    case fullWidth
    /// One column wide.
    case column
    /// Half a column wide.
    case halfColumn
}

/// A directive kind: its name, the names it is also written as, its size on the page, its
/// label, its COCO category and how its placeholder is drawn.
///
/// Each kind is one file in `Kinds/` (`Poll.swift`) that defines a static value, listed once in
/// `DirectiveKind.registry`; its picture in docs/directives.md comes from `make docs-pictures`.
public struct DirectiveKind: Sendable {
    /// The canonical name (lowercase): `photo` for both `image` and `photo`.
    public let name: String
    /// Other names the kind is written as (lowercase).
    public let aliases: [String]
    public let span: PanelSpan
    /// Height of the drawing area over its width.
    public let aspect: Double
    /// The kind's COCO category id: fixed by name forever (docs/data.md), never reused, so
    /// datasets made at different times agree whatever order the registry lists kinds in.
    public let categoryId: Int
    /// The label above the drawing, by language (`ru`, `en`; other languages read `en`).
    public let labels: [String: String]
    /// Whether galley knows the kind (an unknown kind is drawn as a generic panel, with a warning).
    public let isKnown: Bool
    /// Draws the placeholder that stands in for missing material (`Placeholders` carries the
    /// style and the article's language); the «макет» mark is added by the factory.
    let placeholder: @Sendable (_ draw: Placeholders, _ id: String, _ box: Rect, _ canvas: inout Canvas) -> Void

    init(
        name: String, aliases: [String] = [], span: PanelSpan = .column, aspect: Double, categoryId: Int,
        labels: [String: String], isKnown: Bool = true,
        placeholder: @escaping @Sendable (Placeholders, String, Rect, inout Canvas) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.span = span
        self.aspect = aspect
        self.categoryId = categoryId
        self.labels = labels
        self.isKnown = isKnown
        self.placeholder = placeholder
    }

    /// Every kind galley knows. A new kind: one file in `Kinds/` and one entry here.
    public static let registry: [DirectiveKind] = [
        .bigInfographic, .infographic, .smallInfographic, .photo, .bigPhoto, .video, .gallery, .smallGallery,
        .poll, .timeline,
    ]

    private static let byName: [String: DirectiveKind] = {
        var table: [String: DirectiveKind] = [:]
        for kind in registry {
            for name in [kind.name] + kind.aliases {
                precondition(table[name] == nil, "directive kind name '\(name)' registered twice")
                table[name] = kind
            }
        }
        precondition(Set(registry.map(\.categoryId)).count == registry.count, "two directive kinds share a COCO category")
        return table
    }()

    /// The kind a directive names (case does not matter); a kind galley does not know keeps
    /// its lowercased name and is drawn as a generic panel. The only reader of a kind's name.
    public static func named(_ written: String) -> DirectiveKind {
        let name = written.lowercased()
        return byName[name] ?? .unknown(name)
    }

    /// Every name a directive may use, sorted: what the unknown-kind warning lists.
    public static var knownNames: [String] { byName.keys.sorted() }

    /// The COCO category shared by every kind galley does not know.
    public static let unknownCategoryId = 15
    public static let unknownCategoryName = "other-panel"

    /// A kind galley does not know: a column wide, a generic box naming it.
    static func unknown(_ name: String) -> DirectiveKind {
        DirectiveKind(
            name: name, aspect: 0.4, categoryId: unknownCategoryId, labels: ["ru": "Материал", "en": "Media"], isKnown: false
        ) { draw, id, box, canvas in
            draw.generic(kind: name, id: id, in: box, on: &canvas)
        }
    }

    /// The built-in label in `language` (English for languages without one).
    public func label(language: String) -> String { labels[language] ?? labels["en"] ?? name }
}
