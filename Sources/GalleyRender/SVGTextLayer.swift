// An invisible text layer for SVG pages: cairo draws glyphs as paths, with no <text>.

import Foundation
import GalleyCore

/// The page's glyph runs again as transparent text over the drawing, in reading order (one
/// `<text>` per line, a `<tspan>` per run and per word space): what lets a browser select and find the words of an
/// SVG page and an XML reader extract them. cairo 1.16 writes glyphs as `<symbol>` paths
/// placed by `<use>` (stack-facts), so without this layer an SVG page has no text at all.
/// Each element is stretched to the run's drawn width (`textLength`), so a selection covers
/// the word it shows.
enum SVGTextLayer {
    static func markup(for page: Page) -> String {
        var out = "<g fill-opacity=\"0\" stroke=\"none\" xml:space=\"preserve\">\n"
        /// One `<tspan>` per run (and one for its word space), stretched to the run's width.
        func spans(_ run: GlyphRun, at: Point) -> String {
            guard !run.text.isEmpty, run.width > 0 else { return "" }
            let direction = run.isBackward ? " direction=\"rtl\" unicode-bidi=\"embed\"" : ""
            var span = "<tspan x=\"\(number(at.x))\" y=\"\(number(at.y))\" font-size=\"\(number(run.font.size))\""
            span += " textLength=\"\(number(run.width))\" lengthAdjust=\"spacingAndGlyphs\"\(direction)>"
            span += SVGPostProcessor.escapeXML(run.text) + "</tspan>"
            if let space = run.wordSpace?.text {
                span += "<tspan x=\"\(number(at.x + run.width))\" y=\"\(number(at.y))\">\(SVGPostProcessor.escapeXML(space))</tspan>"
            }
            return span
        }
        func walk(_ frame: Frame, at origin: Point) {
            // A line of text is one <text>, so a reader gets its words in one piece and a
            // line-end hyphen before the next line.
            if frame.role?.isLine == true {
                var line = ""
                for positioned in frame.items {
                    if case .text(let run) = positioned.item { line += spans(run, at: origin.offset(by: positioned.position)) }
                }
                if !line.isEmpty { out += "<text>" + line + "</text>\n" }
                return
            }
            for positioned in frame.items {
                let at = origin.offset(by: positioned.position)
                switch positioned.item {
                case .group(let child): walk(child, at: at)
                case .text(let run):
                    let span = spans(run, at: at)
                    if !span.isEmpty { out += "<text>" + span + "</text>\n" }
                default: continue
                }
            }
        }
        walk(page.frame, at: .zero)
        return out + "</g>\n"
    }

    /// Two decimals, C locale, no trailing zeros: stable bytes.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
