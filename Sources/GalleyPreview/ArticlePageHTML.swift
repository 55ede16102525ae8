// The HTML page of one article: its pages as <img>, a toolbar, and the diagnostics panel.

/// Builds `index.html` for one article.
///
/// Pages are `<img>` elements, not inline SVG: cairo names its glyph symbols `glyph0-1`, … in
/// every file, so two inlined pages would draw each other's glyphs.
struct ArticlePageHTML {
    var article: PreviewArticle
    /// The render's generation (live reload compares it with the server's).
    var generation: Int
    /// The way back to the folder index (`../index.html`), nil for a single article.
    var indexLink: String?

    func render() -> String {
        let title = article.title.isEmpty ? article.name : article.title
        var html = PreviewStyle.documentHead(title: title, generation: generation)
        if let indexLink {
            html += "<a href=\"\(HTMLText.url(indexLink))\">← All articles</a>\n"
        }
        html += "<span class=\"title\" title=\"\(HTMLText.escape(article.sourcePath))\">\(HTMLText.escape(title))</span>\n"
        html += "<span>\(article.pages.count) \(article.pages.count == 1 ? "page" : "pages")</span>\n"
        html += "<span>\(counts)</span>\n"
        html += """
            <span role="group" aria-label="Zoom">
            <button type="button" data-set-zoom="fit" aria-pressed="true">Fit width</button>
            <button type="button" data-set-zoom="100" aria-pressed="false">100%</button>
            <button type="button" data-set-zoom="150" aria-pressed="false">150%</button>
            </span>
            <span class="live" id="live"></span>
            </header>
            <div class="layout">
            <main class="pages">

            """
        for page in article.pages { html += pageHTML(page) }
        if article.pages.isEmpty {
            html += "<p class=\"none\">No pages: the input could not be rendered (see the diagnostics).</p>\n"
        }
        html += "</main>\n"
        html += diagnosticsHTML()
        html += "</div>\n<script>\(PreviewStyle.script)</script>\n</body>\n</html>\n"
        return html
    }

    private var counts: String {
        let warnings = article.warningCount
        let errors = article.errorCount
        var parts = ["\(warnings) \(warnings == 1 ? "warning" : "warnings")"]
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        return parts.joined(separator: ", ")
    }

    private func pageHTML(_ page: PreviewPage) -> String {
        let w = HTMLText.number(page.width)
        let h = HTMLText.number(page.height)
        var html = "<figure class=\"page\" id=\"page-\(page.number)\" style=\"--w: \(w)\">\n"
        html += "<div class=\"sheet\">\n"
        html += "<img src=\"\(HTMLText.url(page.fileName))\" alt=\"Page \(page.number)\" width=\"\(w)\" height=\"\(h)\" style=\"aspect-ratio: \(w) / \(h)\">\n"
        for (index, diagnostic) in article.diagnostics.enumerated() where diagnostic.page == page.number {
            for (boxIndex, box) in diagnostic.boxes.enumerated() {
                let id = boxIndex == 0 ? " id=\"mark-\(index + 1)\"" : ""
                let style = [
                    "left: \(percent(box.x - 1, of: page.width))",
                    "top: \(percent(box.y - 1, of: page.height))",
                    "width: \(percent(box.width + 2, of: page.width))",
                    "height: \(percent(box.height + 2, of: page.height))",
                ].joined(separator: "; ")
                html += "<a class=\"mark \(diagnostic.severity.rawValue)\"\(id) href=\"#diagnostic-\(index + 1)\" style=\"\(style)\" title=\"\(HTMLText.escape(label(diagnostic)))\"></a>\n"
            }
        }
        html += "</div>\n<figcaption>Page \(page.number) of \(article.pages.count)</figcaption>\n</figure>\n"
        return html
    }

    private func percent(_ value: Double, of total: Double) -> String {
        guard total > 0 else { return "0%" }
        return HTMLText.number(value / total * 100) + "%"
    }

    private func label(_ diagnostic: PreviewDiagnostic) -> String {
        guard let line = diagnostic.line, let column = diagnostic.column else { return diagnostic.message }
        return "\(line):\(column): \(diagnostic.message)"
    }

    private func diagnosticsHTML() -> String {
        var html = "<aside class=\"diagnostics\" id=\"diagnostics\">\n<h2>Diagnostics (\(article.diagnostics.count))</h2>\n"
        if article.stale {
            html += "<p class=\"stale\">The input does not render now; the pages shown are from the last render that worked.</p>\n"
        }
        if article.diagnostics.isEmpty {
            html += "<p class=\"none\">No warnings.</p>\n"
        } else {
            html += "<ol>\n"
            for (index, diagnostic) in article.diagnostics.enumerated() {
                let severity = diagnostic.severity.rawValue
                html += "<li class=\"\(severity)\" id=\"diagnostic-\(index + 1)\" data-code=\"\(HTMLText.escape(diagnostic.code))\">"
                if let line = diagnostic.line, let column = diagnostic.column {
                    let location = "\(line):\(column)"
                    if !diagnostic.boxes.isEmpty {
                        html += "<a class=\"loc\" href=\"#mark-\(index + 1)\">\(location)</a>"
                    } else {
                        html += "<span class=\"loc\">\(location)</span>"
                    }
                    html += ": "
                }
                html += HTMLText.escape(diagnostic.message)
                html += "<span class=\"sev\">\(severity)</span></li>\n"
            }
            html += "</ol>\n"
        }
        html += "</aside>\n"
        return html
    }
}
