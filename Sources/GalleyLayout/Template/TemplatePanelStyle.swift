// A template's panel look: palette, labels and the label and caption type.

import GalleyPanels
import GalleyText

extension PanelStyle {
    /// The panel style a template asks for: its palette (when it has one), its labels, and its
    /// label and caption fonts; everything else as `PanelStyle()`.
    public init(template: Template) {
        self.init()
        if !template.palette.isEmpty { palette = template.palette }
        labels = template.labels
        labelFamily = template.label.family
        labelSize = template.label.size
        captionFamily = template.caption.family
        captionSize = template.caption.size
    }
}

extension Template {
    /// Every family the template's text is set in (its font lists and its panels'), in order,
    /// once each: the faces shaping searches first (`TextShaper(preferredFamilies:)`).
    public var fontFamilies: [String] {
        let panels = PanelStyle(template: self)
        let lists = [body, headline, footnote, folio, caption, label].map(\.family)
            + [panels.labelFamily, panels.textFamily, panels.captionFamily]
        var seen = Set<String>()
        var families: [String] = []
        for list in lists {
            for family in TextStyle.families(of: list) where seen.insert(family.lowercased()).inserted {
                families.append(family)
            }
        }
        return families
    }
}
