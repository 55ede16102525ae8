// The alt text of a panel: what a screen reader says in place of the drawing.

import Foundation
import GalleyCore

/// Builds a Figure's /Alt from the panel's role (kind, id, generated or not), its caption and
/// the text drawn inside it (a chart's title, axis labels and values: its data as drawn), in
/// the article's language. A generated drawing says that it is a placeholder, not the
/// article's picture or data.
struct FigureAltText {
    let language: String

    func text(_ panel: PanelRole, caption: String, drawnText: String) -> String {
        let russian = language == "ru"
        var parts: [String] = []
        let kind = panel.kind.isEmpty ? panel.directive : panel.kind
        if russian {
            parts.append("Иллюстрация «\(kind)», \(panel.id)")
            if panel.isGenerated { parts.append("макет: рисунок создан galley, это не материал статьи") }
        } else {
            parts.append("Figure '\(kind)', \(panel.id)")
            if panel.isGenerated { parts.append("placeholder drawn by galley, not the article's own picture or data") }
        }
        var text = parts.joined(separator: "; ") + "."
        let caption = caption.trimmingCharacters(in: .whitespaces)
        if !caption.isEmpty { text += " " + caption }
        let drawn = drawnText.trimmingCharacters(in: .whitespaces)
        if !drawn.isEmpty { text += (russian ? " Текст на рисунке: " : " Text in the drawing: ") + drawn }
        return text
    }
}
