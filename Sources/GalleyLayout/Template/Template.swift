// The look of a page as data: size, margins, fonts, spacing, colours. Defaults in one place.

import GalleyCore
import GalleyText

/// Everything layout needs to know about the look of a page.
///
/// The built-in default is the reference setting galley is measured in: A4, 56 pt margins,
/// PT Serif 11 pt, justified, hyphenated. Template files (TOML) override fields by name.
public struct Template: Sendable, Hashable {
    public var name: String = "default"
    public var description: String = "A4, one column, PT Serif 11 pt, justified: a proof page"

    public var page = PageGeometry()
    public var body = TextSpec(family: "PT Serif, DejaVu Serif", size: 11, leading: 14)
    public var headline = TextSpec(family: "PT Serif, DejaVu Serif", size: 22, leading: 25.5, weight: .bold)
    public var footnote = TextSpec(family: "PT Serif, DejaVu Serif", size: 8.5, leading: 10.5)
    /// Header and footer lines.
    public var folio = TextSpec(family: "PT Sans, DejaVu Sans", size: 8.5, leading: 10)
    public var caption = TextSpec(family: "PT Serif, DejaVu Serif", size: 9, leading: 11.7)
    /// Panel labels and chart text.
    public var label = TextSpec(family: "PT Sans, DejaVu Sans", size: 8.5, leading: 10, weight: .bold)

    /// First-line indent of paragraphs, in ems of the body size. The first paragraph after
    /// the headline is not indented (the common custom of book and news setting).
    public var paragraphIndent: Double = 1.5
    /// Extra space between paragraphs, in points.
    public var paragraphSpacing: Double = 0
    /// Space below the headline, in points.
    public var headlineSpaceAfter: Double = 14
    /// Space above and below a panel, in points.
    public var panelSpacing: Double = 12
    /// Space between the body and the footnote rule, in points.
    public var footnoteSpaceBefore: Double = 10

    public var justify: Bool = true
    /// Microtypography for justified body text: protrusion and font expansion.
    public var microtype = Microtype()
    public var hyphenate: Bool = true
    /// How lines are broken where the measure is narrow.
    public var lineBreaking = LineBreaking()
    public var typography: Bool = true
    /// Lines kept together at the foot (orphans) and head (widows) of a page.
    public var minimumLinesAtPageBreak: Int = 2

    public var textColor = Color(red: 0.08, green: 0.08, blue: 0.08)
    public var ruleColor = Color(red: 0.55, green: 0.55, blue: 0.55)
    /// Running header, not on the first page; `{title}`, `{page}`, `{pages}`, `{date}` and
    /// `{source}` are replaced. Empty: no header.
    public var header: String = ""
    /// Footer text, with the same fields as the header.
    public var footer: String = "{page}"
    /// Panel colours (series order) as `#rrggbb`; empty keeps the panels' own palette.
    public var palette: [Color] = []
    /// Panel labels by `language.kind` (`ru.infographic = "Графика"`).
    public var labels: [String: String] = [:]

    public init() {}

    /// The width of the text block, in points (all columns and gutters).
    public var textWidth: Double { page.size.width - page.margins.left - page.margins.right }
    /// Where column `index` starts, from the left edge of the text block.
    public func columnX(_ index: Int) -> Double { Double(index) * (measure + page.gutter) }

    /// The width of one column: the measure running text is set to.
    public var measure: Double {
        let n = Double(max(1, page.columns))
        return (textWidth - page.gutter * (n - 1)) / n
    }
    /// The height of the text block, in points.
    public var textHeight: Double { page.size.height - page.margins.top - page.margins.bottom }
}

/// Page size and margins, in points.
public struct PageGeometry: Sendable, Hashable {
    public var size = Size(width: 595.276, height: 841.89)  // A4: 210 × 297 mm
    public var margins = Margins(top: 56, right: 56, bottom: 56, left: 56)
    public var columns = 1
    /// Space between columns, in points.
    public var gutter = 14.0
    public init() {}
}

/// Margins in points.
public struct Margins: Sendable, Hashable {
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double
    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }
}

/// A font family list with size, leading (baseline to baseline) and weight.
public struct TextSpec: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var leading: Double
    public var weight: TextStyle.Weight
    public init(family: String, size: Double, leading: Double, weight: TextStyle.Weight = .regular) {
        self.family = family
        self.size = size
        self.leading = leading
        self.weight = weight
    }

    public func style(color: Color, language: String?) -> TextStyle {
        TextStyle(family: family, size: size, weight: weight, color: color, language: language)
    }
}

/// Line-breaking choices a template makes for its measure.
///
/// On A4 (44 em) galley keeps every no-break space of Russian custom; in a newspaper column
/// of 20–25 em, a short word bound to the next (`во Франции`, `он не`) often leaves the line
/// before it with gaps of three spaces. Newspapers let such a word end a line rather than set
/// that line: here it may, at this cost (a Knuth–Plass penalty: 1000 is about a line set 1.6
/// times looser than it needs to be). In a column of 16 em a number bound to the word after
/// it (`27 января`, `1945 года`, `2018-го ирландец`) may also part from it, at its own cost,
/// rather than leave a line of gaps twice the natural space. Bonds before units and
/// abbreviations (`5 км`, `4 млн`, `1941 г.`), of initials, `№` and digit groups stay.
public struct LineBreaking: Sendable, Hashable {
    /// The penalty for ending a line after a short word bound by a no-break space; infinite
    /// (the default): never.
    public var shortWordBreakCost: Double = .infinity
    /// The penalty for ending a line after a number bound to a word of four letters or more;
    /// infinite (the default): never.
    public var numberBreakCost: Double = .infinity
    public init() {}
}
