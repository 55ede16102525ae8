// Finds where on the pages a diagnostic applies, from the layout's line boxes and source ranges.

import Galley
import GalleyCore

/// Turns an article's diagnostics into preview diagnostics with highlight boxes.
///
/// cairo's SVG draws glyphs as paths, so the page has no text to search: the link from a
/// diagnostic to the page comes from the layout JSON, where every line carries its box and
/// the byte range of the input it shows.
enum DiagnosticPlacement {
    /// At most this many boxes for one diagnostic (a long span would paint a whole page).
    static let maxBoxes = 6

    static func place(_ article: Article) -> [PreviewDiagnostic] {
        let layout = LayoutJSON(article: article)
        let drawn: [(page: Int, box: LayoutJSON.Box)] = layout.pages.flatMap { page in
            page.boxes.filter { ["line", "headline-line", "footnote-line", "panel"].contains($0.kind) && $0.source != nil }
                .map { (page.number, $0) }
        }
        return article.diagnostics.map { diagnostic in
            var out = PreviewDiagnostic(
                severity: PreviewDiagnostic.Severity(rawValue: diagnostic.severity.rawValue) ?? .warning,
                code: diagnostic.code, message: diagnostic.message,
                formatted: diagnostic.formatted(in: article.source))
            guard let span = diagnostic.span else { return out }
            let location = article.source.location(of: span.start)
            out.line = location.line
            out.column = location.column
            let hits = boxes(for: span, in: drawn)
            if let first = hits.first {
                out.page = first.page
                out.boxes = hits.filter { $0.page == first.page }.prefix(maxBoxes).map { pageBox($0.box) }
            }
            return out
        }
    }

    /// The boxes whose source range overlaps the span (a point span: contains its offset);
    /// panels only when no line does. When nothing overlaps, the first line starting within
    /// a few bytes after the span (a diagnostic about the spaces between two lines).
    private static func boxes(
        for span: SourceSpan, in drawn: [(page: Int, box: LayoutJSON.Box)]
    ) -> [(page: Int, box: LayoutJSON.Box)] {
        let end = max(span.end, span.start + 1)
        let overlapping = drawn.filter { entry in
            guard let source = entry.box.source, source.count == 2 else { return false }
            return source[0] < end && span.start < max(source[1], source[0] + 1)
        }
        let lines = overlapping.filter { $0.box.kind != "panel" }
        if !lines.isEmpty { return lines }
        if !overlapping.isEmpty { return Array(overlapping.prefix(1)) }
        let following = drawn.filter { entry in
            guard let source = entry.box.source, source.count == 2 else { return false }
            return source[0] >= span.start && source[0] - span.start <= 16
        }
        return following.min { ($0.box.source?[0] ?? 0) < ($1.box.source?[0] ?? 0) }.map { [$0] } ?? []
    }

    private static func pageBox(_ box: LayoutJSON.Box) -> PageBox {
        let b = box.box.count == 4 ? box.box : [0, 0, 0, 0]
        return PageBox(x: b[0], y: b[1], width: b[2], height: b[3])
    }
}
