// The HTML index of a folder preview: one card per article with its first page and warnings.

import Foundation

/// Builds the root `index.html` when the input is a folder.
struct FolderIndexHTML {
    var title: String
    var articles: [PreviewArticle]
    var generation: Int

    func render() -> String {
        var html = PreviewStyle.documentHead(title: title, generation: generation) + """
            <span class="title">\(HTMLText.escape(title))</span>
            <span>\(articles.count) \(articles.count == 1 ? "article" : "articles")</span>
            <span class="live" id="live"></span>
            </header>
            <main class="index">
            <ul class="cards">

            """
        for article in articles {
            let folder = article.folder.isEmpty ? "" : article.folder + "/"
            let headline = article.title.isEmpty ? article.name : article.title
            html += "<li class=\"card\"><a href=\"\(HTMLText.url(folder + "index.html"))\">\n"
            if let first = article.pages.first {
                html += "<img src=\"\(HTMLText.url(folder + first.fileName))\" alt=\"First page of \(HTMLText.escape(headline))\" loading=\"lazy\" style=\"aspect-ratio: \(HTMLText.number(first.width)) / \(HTMLText.number(first.height))\">\n"
            }
            html += "<span class=\"headline\">\(HTMLText.escape(headline))</span>\n"
            let ext = (article.sourcePath as NSString).pathExtension
            let shownPath = article.folder.isEmpty ? article.sourcePath : article.folder + "." + ext
            html += "<span class=\"path\">\(HTMLText.escape(shownPath)) · \(article.pages.count) \(article.pages.count == 1 ? "page" : "pages")</span>\n"
            let warnings = article.warningCount
            html += "<span class=\"count warning\" data-warnings=\"\(warnings)\">\(warnings) \(warnings == 1 ? "warning" : "warnings")</span>\n"
            if article.errorCount > 0 {
                html += "<span class=\"count error\">\(article.errorCount) \(article.errorCount == 1 ? "error" : "errors")</span>\n"
            }
            html += "</a></li>\n"
        }
        html += "</ul>\n</main>\n<script>\(PreviewStyle.script)</script>\n</body>\n</html>\n"
        return html
    }
}
