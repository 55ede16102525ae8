// Sets the headline within its share of the page: smaller if it must, the rest as a lead.

import GalleyCore
import GalleyTypography

/// A headline set to fit: its lines, and what did not fit, to be set as a lead paragraph.
struct FittedHeadline {
    var lines: [SetLine]
    /// The headline's words that did not fit in its share of the page, in order.
    var lead: MappedText?
    /// Says what was done when the headline did not fit as the template sets it.
    var diagnostic: Diagnostic?
}

/// Sets headlines that never push the body off the page.
///
/// Archive dumps put whole leads, or a whole article, where the headline belongs (a
/// 1,724-character first line is real). At the template's size such a headline once ran off
/// the page and took the body with it. Now the headline may take at most `maximumShare` of
/// the text block's height: when it needs more, it is set smaller, in steps, down to
/// `smallestScale` of its size (and never below the body size); when it still needs more, the
/// lines that fit stay the headline and the rest of its words open the body as a lead
/// paragraph. Either way a warning says so. No word is dropped.
struct HeadlineSetter {
    let setter: ParagraphSetter
    let template: Template

    /// The most of the text block's height a headline may take.
    static let maximumShare = 1.0 / 3
    /// The smallest a headline is set, as a share of its template size.
    static let smallestScale = 0.6
    /// Sizes tried between the template's and the smallest, each this much smaller.
    static let scaleStep = 0.1

    func set(_ headline: MappedText, language: String, width: Double, color: Color, textHeight: Double) -> FittedHeadline {
        let room = textHeight * Self.maximumShare
        let spec = template.headline
        let smallest = max(Self.smallestScale, min(1, template.body.size / spec.size))
        var scale = 1.0
        var lines = set(headline, spec: spec, scale: scale, language: language, width: width, color: color)
        while height(lines) > room, scale - Self.scaleStep >= smallest - 1e-9 {
            scale -= Self.scaleStep
            lines = set(headline, spec: spec, scale: scale, language: language, width: width, color: color)
        }
        if height(lines) <= room {
            guard scale < 1 else { return FittedHeadline(lines: lines) }
            let note = Diagnostic.warning(
                "long-headline",
                "the headline (\(headline.count) characters) is set at \(Int((scale * 100).rounded())) % of the template's size to fit its third of the page",
                at: headline.span)
            return FittedHeadline(lines: lines, diagnostic: note)
        }
        // Keep the lines that fit; the rest of the headline's words open the body.
        var kept = 0
        var used = 0.0
        while kept < lines.count, used + lines[kept].height <= room {
            used += lines[kept].height
            kept += 1
        }
        kept = max(1, kept)
        guard let end = lines[kept - 1].frame.span?.end, let cut = headline.offsets.firstIndex(where: { $0 >= end }) else {
            return FittedHeadline(lines: lines)
        }
        var start = cut
        while start < headline.count, headline.scalars[start].properties.isWhitespace { start += 1 }
        let rest = headline[start..<headline.count]
        // Set again without the rest, so the last kept line is set as a last line (ragged).
        let head = headline[0..<cut]
        let headLines = set(head, spec: spec, scale: scale, language: language, width: width, color: color)
        let note = Diagnostic.warning(
            "long-headline",
            "the headline (\(headline.count) characters) does not fit its third of the page even at \(Int((scale * 100).rounded())) % of its size; its first \(headLines.count) lines are the headline and the rest (\(rest.count) characters) opens the body as a lead paragraph",
            at: rest.span)
        return FittedHeadline(lines: headLines, lead: rest.isEmpty ? nil : rest, diagnostic: note)
    }

    private func set(_ text: MappedText, spec: TextSpec, scale: Double, language: String, width: Double, color: Color) -> [SetLine] {
        var spec = spec
        spec.size *= scale
        spec.leading *= scale
        let settings = InlineSettings(
            style: spec.style(color: color, language: language), measure: width, firstLineIndent: 0, justify: false,
            hyphenator: nil)
        let lines = setter.set(text, settings: settings, leading: spec.leading, role: .headlineLine)
        return lines
    }

    private func height(_ lines: [SetLine]) -> Double { lines.reduce(0) { $0 + $1.height } }
}
