// Template → TOML with every value filled in: what `galley templates show` prints.

import GalleyCore
import GalleyLayout

/// Writes a template as a complete TOML file (every key, defaults included).
public enum TemplatePrinter {
    public static func print(_ t: Template) -> String {
        func pt(_ v: Double) -> String { "\"\(((v * 10000).rounded() / 10000))pt\"" }
        func num(_ v: Double) -> String { String((v * 100).rounded() / 100) }
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func font(_ name: String, _ spec: TextSpec) -> String {
            """

            [fonts.\(name)]
            family = \(quoted(spec.family))
            size = \(num(spec.size))
            leading = \(num(spec.leading))
            weight = "\(spec.weight.rawValue)"

            """
        }
        let m = t.page.margins
        var out = """
            name = \(quoted(t.name))
            description = \(quoted(t.description))

            [page]
            size = [\(pt(t.page.size.width)), \(pt(t.page.size.height))]
            margins = [\(pt(m.top)), \(pt(m.right)), \(pt(m.bottom)), \(pt(m.left))]
            columns = \(t.page.columns)
            gutter = \(pt(t.page.gutter))

            """
        out += font("body", t.body) + font("headline", t.headline) + font("footnote", t.footnote)
            + font("caption", t.caption) + font("label", t.label) + font("folio", t.folio)
        out += """

            [paragraph]
            indent = \(num(t.paragraphIndent))
            spacing = \(pt(t.paragraphSpacing))
            headline_space = \(pt(t.headlineSpaceAfter))
            panel_spacing = \(pt(t.panelSpacing))

            [typography]
            justify = \(t.justify)
            hyphenate = \(t.hyphenate)
            normalize = \(t.typography)
            minimum_lines = \(t.minimumLinesAtPageBreak)
            short_word_break_cost = \(t.lineBreaking.shortWordBreakCost.isFinite ? num(t.lineBreaking.shortWordBreakCost) : "inf")
            number_break_cost = \(t.lineBreaking.numberBreakCost.isFinite ? num(t.lineBreaking.numberBreakCost) : "inf")

            [microtype]
            protrusion = \(t.microtype.protrusion)
            tracking = \(num(t.microtype.tracking))
            tracking_shrink = \(num(t.microtype.trackingShrink))
            expansion = { stretch = \(t.microtype.expansionStretch), shrink = \(t.microtype.expansionShrink), step = \(t.microtype.expansionStep), jump = \(t.microtype.expansionJump) }

            [colors]
            text = "\(t.textColor.hex)"
            rule = "\(t.ruleColor.hex)"
            palette = [\(t.palette.map { "\"\($0.hex)\"" }.joined(separator: ", "))]

            [header]
            text = \(quoted(t.header))

            [footer]
            text = \(quoted(t.footer))

            """
        // Protrusion factors: one character per key, a fraction of its width.
        for (side, table) in [("left", t.microtype.leftProtrusion), ("right", t.microtype.rightProtrusion)] {
            out += "\n[microtype.\(side)]\n"
            for (character, factor) in table.sorted(by: { $0.key < $1.key }) {
                out += "\(quoted(String(character))) = \(factor)\n"
            }
        }
        for language in ["ru", "en"] {
            let labels = t.labels.filter { $0.key.hasPrefix(language + ".") }.sorted { $0.key < $1.key }
            guard !labels.isEmpty else { continue }
            out += "\n[labels.\(language)]\n"
            for (key, value) in labels { out += "\(key.dropFirst(3)) = \(quoted(value))\n" }
        }
        return out
    }
}
