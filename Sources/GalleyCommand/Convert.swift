// `galley convert`: one article to PDF, SVG and/or PNG.

import ArgumentParser
import Foundation
import Galley

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Typeset one article into PDF, SVG or PNG pages.",
        discussion: """
            Output goes to output/NAME.pdf (SVG and PNG: one file per page, output/NAME-1.svg, …) \
            under the current folder unless -o says otherwise. -o is a file name, or a folder \
            when it ends in / or is one, or when several formats are asked; -o - writes a PDF \
            (or a one-page SVG or PNG) to standard output.

            Warnings (repaired paragraph breaks, malformed directives, unknown media kinds) go \
            to standard error as path:line:column: warning: message; they do not stop the page.
            """)

    @Argument(help: ArgumentHelp("The article file, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file or folder (default: output/).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Output formats, one or a comma list: pdf, svg, png.", valueName: "formats"))
    var format: String = "pdf"

    @Option(help: ArgumentHelp("Resolution of PNG pages, dots per inch.", valueName: "dpi"))
    var dpi: Double = 150

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        guard OutputFormat.list(format) != nil else {
            throw ValidationError("--format takes pdf, svg, png or a comma list of them, not '\(format)'")
        }
        guard dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        try shared.validateEmits(formats: OutputFormat.list(format))
        if output == "-", shared.emits?.contains("coco") == true {
            throw ValidationError("--emit coco names the PNG files it annotates: give -o a folder, not -")
        }
    }

    func run() throws {
        let formats = OutputFormat.list(format) ?? [.pdf]
        do {
            let bytes = try InputReader.read(input, limit: shared.maxInput)
            let typesetter = try shared.makeTypesetter()
            let path = input == "-" ? "<stdin>" : input
            let article = try typesetter.typeset(bytes, path: path, options: shared.convertOptions)
            DiagnosticPrinter(style: shared.diagnostics).print(article.diagnostics, in: article.source)
            let plan = try OutputPlan(output: output, formats: formats, name: InputReader.articleName(for: input))
            var pngPages: [[UInt8]] = []
            for format in formats {
                let files: [[UInt8]]
                switch format {
                case .pdf: files = [try typesetter.pdf(article)]
                case .svg: files = try typesetter.svg(article)
                case .png:
                    files = try typesetter.png(article, dpi: dpi)
                    pngPages = files
                }
                try plan.write(files, format: format)
            }
            let emits = shared.emits ?? []
            lazy var layout = LayoutJSON(article: article, dpi: formats.contains(.png) ? dpi : nil)
            if emits.contains("layout") {
                try plan.writeData(try layout.encoded(), suffix: "layout.json")
            }
            if emits.contains("coco") {
                let names = OutputFormat.png.fileNames(for: plan.name, pages: pngPages.count)
                let images = zip(names, pngPages).compactMap { name, bytes in
                    PNGSize(bytes).map { CocoDataset.PageImage(fileName: name, size: $0) }
                }
                let dataset = CocoDataset(
                    articles: [CocoDataset.ArticlePages(layout: layout, images: images)], dpi: dpi, version: GalleyVersion.current)
                try plan.writeData(try dataset.encoded(), suffix: "coco.json")
            }
            if emits.contains("report") {
                let report = article.report
                FileHandle.standardError.write(Data("\(article.source.path): \(report.summary)\n".utf8))
                try plan.writeData(try DataFile.encode(report), suffix: "report.json")
            }
            if article.hasErrors { throw ExitCode(1) }
        } catch let error as GalleyError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            throw ExitCode(failure.status)
        }
    }
}

/// Where `convert` writes each format's files.
struct OutputPlan {
    /// nil: standard output.
    var folder: String?
    var name: String

    init(output: String?, formats: [OutputFormat], name: String) throws {
        var isFolder: ObjCBool = false
        switch output {
        case nil:
            folder = "output"
            self.name = name
        case "-":
            folder = nil
            self.name = name
            if formats.count > 1 {
                throw CommandFailure(status: 2, "galley: error: -o - writes one file; ask for one format")
            }
        case let path?:
            if path.hasSuffix("/") || formats.count > 1
                || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
            {
                folder = path
                self.name = name
            } else {
                let url = URL(fileURLWithPath: path)
                let parent = (path as NSString).deletingLastPathComponent
                folder = parent.isEmpty ? "." : parent
                self.name = url.deletingPathExtension().lastPathComponent
            }
        }
    }

    /// Writes `NAME.suffix` beside the pages (in the current folder when pages go to stdout).
    func writeData(_ bytes: [UInt8], suffix: String) throws {
        try AtomicFile.write(bytes, to: ((folder ?? ".") as NSString).appendingPathComponent("\(name).\(suffix)"))
    }

    func write(_ files: [[UInt8]], format: OutputFormat) throws {
        guard let folder else {
            guard files.count == 1 else {
                throw CommandFailure(
                    status: 2, "galley: error: -o - writes one file, but the article has \(files.count) \(format.rawValue) pages; give a folder")
            }
            FileHandle.standardOutput.write(Data(files[0]))
            return
        }
        let names = format.fileNames(for: name, pages: files.count)
        for (bytes, fileName) in zip(files, names) {
            try AtomicFile.write(bytes, to: (folder as NSString).appendingPathComponent(fileName))
        }
    }
}
