// Finds where on the pages a diagnostic applies, from the frame tree's lines, panels and source ranges.

import Galley
import GalleyCore

/// Turns an article's diagnostics into preview diagnostics with highlight boxes.
///
/// cairo's SVG draws glyphs as paths, so the page has no text to search: the link from a
/// diagnostic to the page comes from the frame tree, where every line and panel carries its
/// role, its place and the byte range of the input it shows.
enum DiagnosticPlacement {
    /// At most this many boxes for one diagnostic (a long span would paint a whole page).
    static let maxBoxes = 6

    static func place(_ article: Article) -> [PreviewDiagnostic] {
        let drawn: [Drawn] = article.pages.flatMap { page in
            page.frame.frames(where: { $0.isLine || $0.panel != nil }).compactMap { placed in
                placed.frame.span.map { Drawn(page: page.number, placed: placed, span: $0) }
            }
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
                out.boxes = hits.filter { $0.page == first.page }.prefix(maxBoxes).map(pageBox)
            }
            return out
        }
    }

    /// The boxes whose source range overlaps the span (a point span: contains its offset);
    /// panels only when no line does. When nothing overlaps, the first line starting within
    /// a few bytes after the span (a diagnostic about the spaces between two lines).
    /// A line or panel on a page, with the input bytes it shows.
    private struct Drawn {
        var page: Int
        var placed: PlacedFrame
        var span: SourceSpan
        var isLine: Bool { placed.frame.role?.isLine ?? false }
    }

    private static func boxes(for span: SourceSpan, in drawn: [Drawn]) -> [Drawn] {
        let end = max(span.end, span.start + 1)
        let overlapping = drawn.filter { $0.span.start < end && span.start < max($0.span.end, $0.span.start + 1) }
        let lines = overlapping.filter(\.isLine)
        if !lines.isEmpty { return lines }
        if !overlapping.isEmpty { return Array(overlapping.prefix(1)) }
        let following = drawn.filter { $0.span.start >= span.start && $0.span.start - span.start <= 16 }
        return following.min { $0.span.start < $1.span.start }.map { [$0] } ?? []
    }

    /// The frame's box on the page, in points to hundredths.
    private static func pageBox(_ drawn: Drawn) -> PageBox {
        let r = drawn.placed.rect
        func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        return PageBox(x: round(r.minX), y: round(r.minY), width: round(r.width), height: round(r.height))
    }
}
