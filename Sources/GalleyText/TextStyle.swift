// How a piece of text should look: font family list, size, weight, colour, language.

import GalleyCore

/// The look of a run of text, before fontconfig picks the faces.
public struct TextStyle: Hashable, Sendable {
    public enum Weight: String, Hashable, Sendable, Codable { case regular, bold }

    /// A fontconfig family list in priority order, e.g. `PT Serif, DejaVu Serif`.
    public var family: String
    /// Size in points.
    public var size: Double
    public var weight: Weight
    public var italic: Bool
    public var color: Color
    /// A BCP 47 language tag (`ru`, `en`) that shaping uses for language-specific forms.
    public var language: String?

    public init(
        family: String, size: Double, weight: Weight = .regular, italic: Bool = false,
        color: Color = .black, language: String? = nil
    ) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
        self.color = color
        self.language = language
    }

    public func with(size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }
    public func with(weight: Weight) -> TextStyle {
        var copy = self
        copy.weight = weight
        return copy
    }
    public func with(color: Color) -> TextStyle {
        var copy = self
        copy.color = color
        return copy
    }
    public func with(language: String?) -> TextStyle {
        var copy = self
        copy.language = language
        return copy
    }

    /// The families of a fontconfig family list (`PT Serif, DejaVu Serif`), as written.
    public static func families(of list: String) -> [String] {
        list.split(separator: ",").map { name in
            String(name.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        }.filter { !$0.isEmpty }
    }

    /// The Pango font description string, e.g. `PT Serif, DejaVu Serif Bold Italic`.
    var pangoDescription: String {
        var parts = [family.hasSuffix(",") ? family : family + ","]
        if weight == .bold { parts.append("Bold") }
        if italic { parts.append("Italic") }
        return parts.joined(separator: " ")
    }
}
