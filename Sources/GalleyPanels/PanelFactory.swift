// Directive → panel frame: label line, drawing (real asset, chart or placeholder), caption.

import GalleyCore
import GalleyText

/// Makes the panel frame for a directive.
///
/// Every panel has a rule and a label line on top (the kind in the article's language and
/// the id), a drawing area of the kind's proportions, and an optional caption below. The
/// drawing is the real picture or chart when the assets folder has one for the id, and a
/// deterministic placeholder otherwise, marked «макет» / "placeholder" so nobody takes it
/// for real data.
public struct PanelFactory {
    public let style: PanelStyle
    public let assets: AssetLibrary?
    private let shaper: TextShaper
    /// Sets the typographic custom of the text a chart's data file brings (title, unit,
    /// labels, source): text and the article's language in, normalized text out. Layout sets
    /// it (panels do not depend on typography); nil leaves the text as written.
    public var textNormalizer: ((String, String) -> String)?

    public init(style: PanelStyle = PanelStyle(), shaper: TextShaper, assets: AssetLibrary? = nil) {
        self.style = style
        self.shaper = shaper
        self.assets = assets
    }

    /// Panel text is shaped by Pango as a whole line, so the narrow U+202F and thin U+2009
    /// spaces, which PT Serif and PT Sans lack, would come from another face: they are drawn
    /// as U+00A0 and a space here (body text draws them as fixed narrow gaps).
    static func drawable(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: "\u{00A0}").replacingOccurrences(of: "\u{2009}", with: " ")
    }

    /// The panel for a directive, as wide as its kind spans: `widths` gives the width of a
    /// span (the text width, a column, half a column).
    public func makePanel(_ request: PanelRequest, widths: (PanelSpan) -> Double) -> PanelResult {
        let kind = DirectiveKind.named(request.kind)
        return makePanel(request, kind: kind, width: widths(kind.span))
    }

    /// The panel for a directive, `width` wide.
    public func makePanel(_ request: PanelRequest, width: Double) -> PanelResult {
        makePanel(request, kind: DirectiveKind.named(request.kind), width: width)
    }

    private func makePanel(_ request: PanelRequest, kind: DirectiveKind, width: Double) -> PanelResult {
        let language = request.language
        var diagnostics: [Diagnostic] = []
        if !kind.isKnown {
            diagnostics.append(
                .warning(
                    "unknown-directive-kind",
                    "unknown directive kind '\(request.kind)'; drawn as a generic panel (known: \(DirectiveKind.knownNames.joined(separator: ", ")))",
                    at: request.span))
        }
        let labelHeight = style.labelLineHeight
        let drawingHeight = (width * kind.aspect).rounded()
        let captionStyle = style.style(style.captionSize, family: style.captionFamily, language: language)
        let probe = Canvas(size: .zero, shaper: shaper)
        let captionLines = request.caption.map { probe.wrap(Self.drawable($0), style: captionStyle, width: width) } ?? []
        let captionLeading = style.captionLeading
        let captionHeight = captionLines.isEmpty ? 0 : style.captionGap + captionLeading * Double(captionLines.count)
        let height = labelHeight + drawingHeight + captionHeight

        var canvas = Canvas(size: Size(width: width, height: height), shaper: shaper)
        canvas.frame.span = request.span

        // Rule and label line.
        canvas.rect(Rect(x: 0, y: 0, width: width, height: 1.2), fill: style.rule)
        let label = style.label(for: kind, language: language)
        let labelStyle = style.style(style.labelSize, bold: true, family: style.labelFamily, language: language)
        let labelWidth = canvas.text(label, style: labelStyle, at: Point(x: 0, y: style.labelSize * 1.6))
        canvas.text(
            (language == "ru" ? "№\u{00A0}" : "No.\u{00A0}") + request.id,
            style: style.style(style.labelSize, color: style.muted, family: style.labelFamily, language: language),
            at: Point(x: labelWidth + 6, y: style.labelSize * 1.6))

        let box = Rect(x: 0, y: labelHeight, width: width, height: drawingHeight)
        var generated = true
        switch assets?.match(id: request.id, decoding: true) ?? AssetMatch.none {
        case .picture(let path, let format, let size):
            drawPicture(path: path, format: format, natural: size, in: box, on: &canvas)
            generated = false
        case .chartData(let path):
            do {
                var chart = try ChartData.load(path: path)
                if let textNormalizer { chart = chart.mappingText { Self.drawable(textNormalizer($0, language)) } }
                canvas.rect(box, fill: style.paper)
                ChartDrawer(style: style, language: language).draw(
                    chart, in: box, on: &canvas, sourceLine: chart.source.map { (language == "ru" ? "Источник: " : "Source: ") + $0 } ?? "")
                generated = false
            } catch {
                diagnostics.append(.warning("bad-chart-data", "\(error); a placeholder is drawn instead", at: request.span))
                drawPlaceholder(kind, request, in: box, on: &canvas)
            }
        case .rejected(let reason):
            diagnostics.append(.warning("unsafe-asset-id", "\(reason); a placeholder is drawn instead", at: request.span))
            drawPlaceholder(kind, request, in: box, on: &canvas)
        case .unusable(let reason):
            diagnostics.append(.warning("unusable-asset", "\(reason); a placeholder is drawn instead", at: request.span))
            drawPlaceholder(kind, request, in: box, on: &canvas)
        case .none:
            drawPlaceholder(kind, request, in: box, on: &canvas)
        }

        if !captionLines.isEmpty {
            var y = style.captionGap + style.captionSize
            var caption = Canvas(size: Size(width: width, height: captionHeight), role: .caption, shaper: shaper)
            for line in captionLines {
                caption.text(line, style: captionStyle, at: Point(x: 0, y: y))
                y += captionLeading
            }
            canvas.frame.place(caption.frame, at: Point(x: 0, y: labelHeight + drawingHeight))
        }
        canvas.frame.role = .panel(
            PanelRole(kind: kind.name, directive: request.kind, isKnownKind: kind.isKnown, id: request.id, isGenerated: generated))
        return PanelResult(frame: canvas.frame, diagnostics: diagnostics)
    }

    /// A real picture, scaled to the box's width and centred, its aspect kept.
    private func drawPicture(path: String, format: ImageItem.Format, natural: Size, in box: Rect, on canvas: inout Canvas) {
        canvas.rect(box, fill: style.paper)
        let scale = min(box.width / natural.width, box.height / natural.height)
        let size = Size(width: natural.width * scale, height: natural.height * scale)
        let origin = Point(x: box.minX + (box.width - size.width) / 2, y: box.minY + (box.height - size.height) / 2)
        canvas.frame.place(.image(ImageItem(path: path, format: format, size: size)), at: origin)
    }

    private func drawPlaceholder(_ kind: DirectiveKind, _ request: PanelRequest, in box: Rect, on canvas: inout Canvas) {
        let placeholders = Placeholders(style: style, language: request.language)
        kind.placeholder(placeholders, request.id, box, &canvas)
        placeholders.mark(in: box, on: &canvas)
    }
}
