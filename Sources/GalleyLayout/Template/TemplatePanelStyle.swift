// A template's panel look: palette, labels and the label and caption type.

import GalleyPanels

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
