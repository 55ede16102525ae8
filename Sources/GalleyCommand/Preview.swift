// `galley preview`: the article's pages as SVG in an HTML page, once or served live.

import ArgumentParser
import Foundation
import Galley
import GalleyLayout
import GalleyPreview
import GalleyTemplates

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview articles in a browser: SVG pages, zoom, and the diagnostics beside them.",
        discussion: """
            Writes output/preview/index.html (-o sets the folder) with the article's pages as \
            SVG files (NAME-1.svg, …) and its warnings, each linked to its place on the page. \
            For a folder, index.html lists every *.txt article inside with its first page and \
            its warnings count. The files open from the file system, no server needed.

            With --serve, galley renders into the same folder and serves it on \
            http://127.0.0.1:8700/ (--host, --port; --port 0 picks a free port). It watches the \
            input, its assets folder and the template file, renders again when one changes, \
            and the open page reloads itself, keeping its scroll position. A rendering error \
            shows in the page; the server keeps running. docs/preview.md has the details.
            """)

    @Argument(help: ArgumentHelp("An article file, or a folder of *.txt articles.", valueName: "input"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (default: output/preview/).", valueName: "folder"))
    var output: String?

    @Flag(help: "Serve the preview over HTTP and re-render when the input, its assets or the template change.")
    var serve = false

    @Option(help: ArgumentHelp("Port for --serve (0: any free port, printed at start).", valueName: "port"))
    var port: Int = 8700

    @Option(help: ArgumentHelp("Address for --serve to listen on. Other than loopback exposes your files to the network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        guard input != "-" else { throw ValidationError("preview reads a file or a folder, not standard input") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard LivePreview.isValidHost(host) else {
            throw ValidationError("--host takes an IPv4 or IPv6 address (or localhost), not '\(host)'")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: input) else {
            FileHandle.standardError.write(Data("\(input): error: no such file or folder\n".utf8))
            throw ExitCode(1)
        }
        let configuration = try makeConfiguration()
        if serve {
            do {
                try LivePreview.serve(configuration, host: host, port: port)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        let site: PreviewSite
        do {
            let built = try StaticPreview.build(configuration)
            site = built.site
            for notice in built.notices { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        var lines = ""
        for article in site.articles {
            for diagnostic in article.diagnostics { lines += diagnostic.formatted + "\n" }
        }
        let index = (configuration.outputFolder as NSString).appendingPathComponent("index.html")
        lines += "galley preview: \(site.articles.count) article(s) → \(index)\n"
        FileHandle.standardError.write(Data(lines.utf8))
        if site.articles.contains(where: \.failed) { throw ExitCode(1) }
    }

    private func makeConfiguration() throws -> PreviewConfiguration {
        let template: Template
        do {
            template = try shared.loadTemplate()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            throw ExitCode(failure.status)
        }
        // The file to watch for changes: none for a template built into galley.
        let templateFile: String?
        switch (try? TemplateCatalog().find(shared.template))?.origin {
        case .file(let path)?, .folder(let path)?: templateFile = path
        default: templateFile = nil
        }
        let name = shared.template
        let noMicrotype = shared.noMicrotype
        return PreviewConfiguration(
            input: input, outputFolder: output ?? "output/preview", options: shared.convertOptions, template: template,
            templateFile: templateFile,
            reloadTemplate: {
                var reloaded = try TemplateCatalog().find(name).template
                if noMicrotype { reloaded.microtype = .off }
                return reloaded
            })
    }
}
