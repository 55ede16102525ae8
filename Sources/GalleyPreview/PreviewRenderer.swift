// Renders the preview's articles into a PreviewSite: SVG pages, article pages, folder index.

import Foundation
import Galley
import GalleyCore
import GalleyLayout

/// Turns the inputs into the preview's files.
///
/// Owns a `Typesetter` (Pango font maps), so it belongs to the thread that made it: the
/// command's main thread for a one-off preview, the render thread when serving.
public final class PreviewRenderer {
    public let configuration: PreviewConfiguration
    private var typesetter: Typesetter?
    private var template: Template
    /// Why the template cannot be used now (a broken edit of its file), if it cannot.
    private var templateProblem: String?
    /// The last article that rendered, by input path: shown (marked stale) while its input fails.
    private var lastGood: [String: PreviewArticle] = [:]
    /// Messages for the user (template warnings), printed by the caller.
    public private(set) var notices: [String] = []

    public init(configuration: PreviewConfiguration) {
        self.configuration = configuration
        template = configuration.template
    }

    /// Reads the template file again (after it changed). A broken template is reported in
    /// every article's diagnostics until it is fixed.
    public func reloadTemplate() {
        do {
            template = try configuration.reloadTemplate()
            templateProblem = nil
            typesetter = nil
        } catch {
            templateProblem = "\(error)"
        }
    }

    /// Renders every input. `generation` numbers the render for live reload.
    public func render(generation: Int = 0) -> PreviewSite {
        let inputs = PreviewInputs.list(configuration.input, excluding: configuration.outputFolder)
        let isFolder = PreviewInputs.isFolder(configuration.input)
        var site = PreviewSite()
        for input in inputs {
            let article = renderArticle(input)
            site.articles.append(article)
            let prefix = article.folder.isEmpty ? "" : article.folder + "/"
            for (page, bytes) in zip(article.pages, article.svgFiles) {
                site.add(prefix + page.fileName, bytes)
            }
            let depth = article.folder.split(separator: "/").count
            let back = isFolder ? String(repeating: "../", count: depth) + "index.html" : nil
            let html = ArticlePageHTML(article: article, generation: generation, indexLink: back).render()
            site.add(prefix + "index.html", Array(html.utf8))
        }
        if isFolder {
            let title = (configuration.input as NSString).lastPathComponent
            let html = FolderIndexHTML(title: title.isEmpty ? configuration.input : title, articles: site.articles, generation: generation).render()
            site.add("index.html", Array(html.utf8))
        }
        return site
    }

    private func renderArticle(_ input: PreviewInput) -> PreviewArticle {
        if let templateProblem { return failed(input, "template: \(templateProblem)") }
        let typesetter: Typesetter
        do {
            typesetter = try currentTypesetter()
        } catch {
            return failed(input, error.message)
        }
        guard !PreviewInputs.isFolder(input.path) else { return failed(input, "cannot read the file") }
        let data: [UInt8]
        do {
            data = try BoundedReader.read(input.path, limit: configuration.options.maxInputBytes)
        } catch {
            return failed(input, BoundedReader.message(error))
        }
        do {
            let article = try typesetter.typeset(data, path: input.path, options: configuration.options)
            let svgs = try typesetter.svg(article)
            let names = OutputFormat.svg.fileNames(for: input.name, pages: article.pages.count)
            let pages = zip(article.pages, names).map { page, name in
                PreviewPage(number: page.number, fileName: name, width: page.size.width, height: page.size.height)
            }
            let result = PreviewArticle(
                sourcePath: input.path, name: input.name, folder: input.folder, title: article.title, pages: pages,
                diagnostics: DiagnosticPlacement.place(article), svgFiles: svgs, failed: article.hasErrors)
            lastGood[input.path] = result
            return result
        } catch {
            return failed(input, error.message)
        }
    }

    /// An article that did not render this time: the last good pages (stale) and the error.
    private func failed(_ input: PreviewInput, _ message: String) -> PreviewArticle {
        let diagnostic = PreviewDiagnostic(
            severity: .error, code: "render-failed", message: message, formatted: "\(input.path): error: \(message)")
        guard var last = lastGood[input.path] else {
            return PreviewArticle(
                sourcePath: input.path, name: input.name, folder: input.folder, title: "", pages: [], diagnostics: [diagnostic],
                svgFiles: [], failed: true)
        }
        last.diagnostics = [diagnostic]
        last.failed = true
        last.stale = true
        return last
    }

    private func currentTypesetter() throws(GalleyError) -> Typesetter {
        if let typesetter { return typesetter }
        let made = try Typesetter(template: template)
        notices += made.templateWarnings.map { "galley: warning: \($0)" }
        typesetter = made
        return made
    }
}
