// Document + template → pages of frames: the layout stage's entry point.

import GalleyCore
import GalleyMarkup
import GalleyPanels
import GalleyText
import GalleyTypography

/// What layout returns: the pages, and what it noticed.
public struct LayoutResult: Sendable {
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
    /// Panels that floated away from their directive's place (to a later page).
    public var floatedPanels: Int
    public init(pages: [Page], diagnostics: [Diagnostic], floatedPanels: Int = 0) {
        self.pages = pages
        self.diagnostics = diagnostics
        self.floatedPanels = floatedPanels
    }
}

/// Lays documents out on pages with one template.
///
/// Holds a `TextShaper` (one Pango font map), so an engine belongs to one thread; make one
/// per worker and reuse it for many documents.
public final class LayoutEngine {
    public let template: Template
    private let shaper: TextShaper
    private let hyphenators: [String: Hyphenator]
    private let setter: ParagraphSetter
    private let panelStyle: PanelStyle

    /// - Parameter hyphenators: by language (`ru`, `en`), loaded before threads start.
    /// - Parameter panelStyle: the look of panels; nil: the template's (`PanelStyle(template:)`).
    public init(template: Template, shaper: TextShaper, hyphenators: [String: Hyphenator], panelStyle: PanelStyle? = nil) {
        self.template = template
        self.shaper = shaper
        self.hyphenators = hyphenators
        self.setter = ParagraphSetter(shaper: shaper, breaker: LineBreaker(options: LineBreakOptions()))
        self.panelStyle = panelStyle ?? PanelStyle(template: template)
    }

    /// Lays `document` out; directives find their real material in `assets` when given.
    /// - Parameters:
    ///   - metadata: values for header and footer fields (`source`, `date`; without a date,
    ///     `{date}` is the reproducible day of `ReproducibleDate`).
    ///   - typography: whether the text of chart data from the assets (titles, labels, source)
    ///     gets the same typographic custom as the body (the document itself, captions
    ///     included, comes already normalized or not).
    public func layout(
        _ document: Document, assets: AssetLibrary? = nil, metadata: [String: String] = [:], typography: Bool = true
    ) -> LayoutResult {
        var panels = PanelFactory(style: panelStyle, shaper: shaper, assets: assets)
        if typography {
            panels.textNormalizer = { text, language in
                let mapped = MappedText(text)
                let detected = LanguageDetector.language(of: [mapped], fallback: language)
                return TypographyNormalizer(language: detected).normalized(mapped).string
            }
        }
        var diagnostics: [Diagnostic] = []
        let color = template.textColor
        let measure = template.measure
        var flow: [FlowElement] = []
        var indentNext = false

        if let headline = document.headline, !headline.isEmpty {
            let fitted = HeadlineSetter(setter: setter, template: template).set(
                headline, language: document.language, width: template.textWidth, color: color,
                textHeight: template.textHeight - headerSpace)
            flow.append(.headline(fitted.lines, spaceAfter: template.headlineSpaceAfter))
            if let diagnostic = fitted.diagnostic { diagnostics.append(diagnostic) }
            if let lead = fitted.lead {
                // The headline's words that did not fit open the body, in the body's type.
                let settings = InlineSettings(
                    style: template.body.style(color: color, language: document.language), measure: measure,
                    firstLineIndent: 0, justify: template.justify,
                    hyphenator: template.hyphenate ? hyphenators[document.language] : nil, microtype: template.microtype)
                let lines = setter.set(lead, settings: settings, leading: template.body.leading, role: .leadLine)
                if !lines.isEmpty {
                    flow.append(.paragraph(lines, spaceBefore: template.paragraphSpacing))
                    indentNext = true
                }
            }
        }

        var footnotes = document.footnotes.enumerated().map { index, note in
            setFootnote(note, index: index, language: note.language ?? document.language)
        }
        let endnotes = Set(footnotes.indices.filter { footnotes[$0].height > (template.textHeight - headerSpace) * Self.footnoteShare })
        for note in endnotes.sorted() {
            diagnostics.append(
                .warning(
                    "long-footnote",
                    "footnote '\(document.footnotes[note].mark)' needs \(footnotes[note].lines.count) lines, more than the foot of a page holds; it is set after the article as an endnote",
                    at: document.footnotes[note].text.span))
        }

        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                let language = paragraph.language ?? document.language
                let settings = InlineSettings(
                    style: template.body.style(color: color, language: language), measure: measure,
                    firstLineIndent: indentNext ? template.paragraphIndent * template.body.size : 0,
                    justify: template.justify,
                    hyphenator: template.hyphenate ? hyphenators[language] : nil, microtype: template.microtype,
                    otherScriptHyphenator: template.hyphenate ? hyphenators[language == "ru" ? "en" : "ru"] : nil,
                    shortWordBreakCost: template.lineBreaking.shortWordBreakCost,
                    numberBreakCost: template.lineBreaking.numberBreakCost)
                let notes = paragraph.footnoteRefs.filter { !endnotes.contains($0.note) }.map { (span: $0.span, note: $0.note) }
                let lines = setter.set(
                    paragraph.text, settings: settings, leading: template.body.leading, notes: notes, role: .bodyLine(paragraph: index))
                guard !lines.isEmpty else { continue }
                flow.append(.paragraph(lines, spaceBefore: template.paragraphSpacing))
                indentNext = true
            case .directive(let directive):
                let request = PanelRequest(
                    kind: directive.kind, id: directive.id, caption: directive.attributes["caption"],
                    language: document.language, span: directive.span)
                let result = panels.makePanel(request, widths: panelWidth)
                diagnostics += result.diagnostics
                // The next paragraph keeps its indent: the panel may float away from here,
                // and the indent is what still marks the paragraph break then.
                flow.append(.panel(result.frame, spaceAround: template.panelSpacing, spans: result.frame.size.width > measure + 0.01))
            }
        }

        // Notes too long for the foot of a page close the article instead, as endnotes.
        for note in endnotes {
            flow.append(.paragraph(footnotes[note].lines, spaceBefore: template.footnoteSpaceBefore))
            footnotes[note].lines = []
        }
        let geometry = template.page
        let filler = PageFiller(
            textHeight: template.textHeight - headerSpace, columns: max(1, geometry.columns), columnWidth: measure,
            textWidth: template.textWidth, columnX: template.columnX, minimumLines: template.minimumLinesAtPageBreak, footnotes: footnotes,
            footnoteSpaceBefore: template.footnoteSpaceBefore)
        let (contents, floated) = filler.fill(flow)
        let finalizer = PageFinalizer(
            template: template, footnotes: footnotes, shaper: shaper, language: document.language,
            fields: fields(document, metadata), headerSpace: headerSpace)
        return LayoutResult(pages: finalizer.finalize(contents), diagnostics: diagnostics, floatedPanels: floated)
    }

    /// The most of a column's height one footnote may take at its foot; a longer note is set
    /// after the article (a note taller than the page could stand on no page at all).
    static let footnoteShare = 0.5

    /// Room kept at the top of the text block for the running header (pages after the first
    /// keep it too, so columns line up from page to page).
    private var headerSpace: Double { template.header.isEmpty ? 0 : template.folio.leading * 2 }

    /// Values for the header and footer fields.
    private func fields(_ document: Document, _ metadata: [String: String]) -> [String: String] {
        [
            "title": document.headline?.string ?? "", "source": metadata["source"] ?? "",
            "date": metadata["date"] ?? ReproducibleDate.day(),
        ]
    }

    /// The width of a panel that spans `span`.
    private func panelWidth(_ span: PanelSpan) -> Double {
        switch span {
        case .fullWidth: template.textWidth
        case .column: template.measure
        case .halfColumn: template.measure / 2
        }
    }

    /// A note set in the footnote size, starting with its mark and a no-break space.
    private func setFootnote(_ note: Footnote, index: Int, language: String) -> SetFootnote {
        var text = MappedText()
        let at = note.text.offsets.first ?? note.text.endOffset
        for scalar in note.mark.unicodeScalars { text.append(scalar, offset: at) }
        text.append("\u{00A0}", offset: at)
        text.append(contentsOf: note.text)
        let settings = InlineSettings(
            style: template.footnote.style(color: template.textColor, language: language), measure: template.measure,
            firstLineIndent: 0, justify: template.justify,
            hyphenator: template.hyphenate ? hyphenators[language] : nil, microtype: template.microtype)
        let lines = setter.set(text, settings: settings, leading: template.footnote.leading, role: .footnoteLine(note: index))
        return SetFootnote(note: index, mark: note.mark, lines: lines)
    }
}
