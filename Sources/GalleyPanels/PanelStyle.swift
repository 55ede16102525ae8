// The look of panels: palette, ink, fonts. Defaults in one place; templates override.

import GalleyCore
import GalleyText

/// Colours and type of panels.
public struct PanelStyle: Sendable, Hashable {
    /// Series colours, in order: a news-desk palette (deep blue, red, teal, ochre, plum, slate).
    public var palette: [Color] = [
        Color(hex: "#1f4e79")!, Color(hex: "#c0392b")!, Color(hex: "#2a9d8f")!, Color(hex: "#d4a017")!,
        Color(hex: "#7b4b94")!, Color(hex: "#5d6d7e")!,
    ]
    public var ink = Color(hex: "#1b1b1b")!
    public var muted = Color(hex: "#6b6b6b")!
    public var grid = Color(hex: "#dcdcdc")!
    public var paper = Color(hex: "#f6f4ef")!
    public var rule = Color(hex: "#1b1b1b")!
    public var labelFamily = "PT Sans, DejaVu Sans"
    public var textFamily = "PT Sans, DejaVu Sans"
    public var captionFamily = "PT Serif, DejaVu Serif"
    public var labelSize = 8.5
    public var titleSize = 11.0
    public var textSize = 7.5
    public var captionSize = 9.0
    /// Labels by kind name and language (`ru.infographic`), replacing the built-in ones.
    public var labels: [String: String] = [:]

    public init() {}

    /// Height of the rule and the label line above the drawing.
    public var labelLineHeight: Double { labelSize * 2.2 }
    /// Space between the drawing and the caption's top (a fixed 4 pt, so panel heights stay what
    /// layout has always measured).
    public var captionGap: Double { 4 }
    /// Distance between caption baselines.
    public var captionLeading: Double { captionSize * 1.3 }

    /// The label for a kind: the template's (`labels["ru.photo"]`, by the kind's canonical
    /// name) or the built-in one.
    public func label(for kind: DirectiveKind, language: String) -> String {
        labels["\(language).\(kind.name)"] ?? kind.label(language: language)
    }

    func style(_ size: Double, bold: Bool = false, color: Color? = nil, family: String? = nil, language: String) -> TextStyle {
        TextStyle(
            family: family ?? textFamily, size: size, weight: bold ? .bold : .regular, color: color ?? ink,
            language: language)
    }
}

/// What to draw: the directive's kind, id and caption, and the article's language.
public struct PanelRequest: Sendable, Hashable {
    public var kind: String
    public var id: String
    public var caption: String?
    public var language: String
    public var span: SourceSpan?
    public init(kind: String, id: String, caption: String? = nil, language: String, span: SourceSpan? = nil) {
        self.kind = kind
        self.id = id
        self.caption = caption
        self.language = language
        self.span = span
    }
}

/// A drawn panel and what was noticed drawing it.
public struct PanelResult: Sendable {
    public var frame: Frame
    public var diagnostics: [Diagnostic]
}
