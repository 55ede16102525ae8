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
            when it ends in / or is one; -o - writes a PDF (or a one-page SVG or PNG) to \
            standard output. The file name's extension picks the format when --format is not \
            given (-o proof.svg writes SVG); --format names the formats otherwise, and must \
            include the one -o's extension names. The other formats' files go beside it: \
            -o proof.pdf --format pdf,png writes proof.pdf, proof-1.png, proof-2.png. An SVG or \
            PNG of one page is written under -o's exact name. --pages 1,3-5 writes only those \
            pages (SVG and PNG files keep their page numbers).

            Every PDF is tagged (headline, paragraphs, footnotes, figures with alt text), \
            carries the article's language and has a text layer with real word spaces; \
            --pdf-standard a-2b, a-2u or ua-1 adds what those standards ask (docs/pdf.md).

            Warnings (repaired paragraph breaks, malformed directives, unknown media kinds) go \
            to standard error as path:line:column: warning: message; they do not stop the page.
            """)

    @Argument(help: ArgumentHelp("The article file, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file or folder (default: output/).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Output formats, one or a comma list: pdf, svg, png (default: -o's extension, else pdf).", valueName: "formats"))
    var format: String?

    @Option(help: ArgumentHelp("Write only these pages, as Typst takes them: 1,3-5 (also 2- and -3).", valueName: "pages"))
    var pages: String?

    @Option(help: ArgumentHelp("Resolution of PNG pages, dots per inch.", valueName: "dpi"))
    var dpi: Double = 150

    @OptionGroup var shared: SharedOptions

    /// The format `-o`'s file name asks for (`proof.svg`), if it names a file with one.
    private var outputFileFormat: OutputFormat? {
        guard let output, output != "-", !output.hasSuffix("/") else { return nil }
        return OutputFormat(fileName: (output as NSString).lastPathComponent)
    }

    /// `--format`, else the format of `-o`'s extension, else PDF.
    private var formats: [OutputFormat] {
        if let format, let list = OutputFormat.list(format) { return list }
        return [outputFileFormat ?? .pdf]
    }

    func validate() throws {
        if let format {
            guard let list = OutputFormat.list(format) else {
                throw ValidationError("--format takes pdf, svg, png or a comma list of them, not '\(format)'")
            }
            if let named = outputFileFormat, !list.contains(named) {
                throw ValidationError(
                    "-o \(output ?? "") names a .\(named.rawValue) file but --format asks for \(format); make them agree")
            }
        }
        if let pages, PageSelection(pages) == nil {
            throw ValidationError("--pages takes page numbers and ranges such as 1,3-5, not '\(pages)'")
        }
        guard dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi must be between 10 and 1200") }
        try shared.validateEmits(formats: formats)
        if output == "-", shared.emits?.contains("coco") == true {
            throw ValidationError("--emit coco names the PNG files it annotates: give -o a folder, not -")
        }
    }

    func run() throws {
        let formats = self.formats
        do {
            let bytes = try InputReader.read(input, limit: shared.maxInput)
            let typesetter = try shared.makeTypesetter()
            let path = input == "-" ? "<stdin>" : input
            let whole = try typesetter.typeset(bytes, path: path, options: shared.convertOptions)
            DiagnosticPrinter(style: shared.diagnostics).print(whole.diagnostics, in: whole.source)
            let numbers = try selectedPages(of: whole.pages.count)
            var article = whole
            article.pages = numbers.map { whole.pages[$0 - 1] }
            var plan = try OutputPlan(output: output, formats: formats, name: InputReader.articleName(for: input))
            plan.pageNumbers = numbers
            var pngPages: [[UInt8]] = []
            for format in formats {
                let files: [[UInt8]]
                switch format {
                case .pdf: files = [try typesetter.pdf(article, standards: shared.convertOptions.pdfStandards)]
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
                let names = plan.fileNames(.png, count: pngPages.count)
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

extension Convert {
    /// The page numbers `--pages` selects (all without it); asking for a page the article
    /// does not have is a usage error.
    func selectedPages(of count: Int) throws -> [Int] {
        guard let pages, let selection = PageSelection(pages) else { return Array(1...max(1, count)).filter { $0 <= count } }
        if let missing = selection.missingPages(of: count).first {
            throw CommandFailure(status: 2, "galley: error: --pages \(pages): the article has \(count) page\(count == 1 ? "" : "s"), no page \(missing)")
        }
        return selection.pageNumbers(of: count)
    }
}

/// Where `convert` writes each format's files.
struct OutputPlan {
    /// nil: standard output.
    var folder: String?
    var name: String
    /// The file `-o` names, when its extension names a format: a one-page SVG or PNG of that
    /// format is written under exactly this name.
    var exactFile: (name: String, format: OutputFormat)?
    /// The article's page numbers being written (`--pages`), for SVG and PNG file names.
    var pageNumbers: [Int] = []

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
            if path.hasSuffix("/")
                || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
            {
                folder = path
                self.name = name
            } else {
                let url = URL(fileURLWithPath: path)
                let parent = (path as NSString).deletingLastPathComponent
                folder = parent.isEmpty ? "." : parent
                self.name = url.deletingPathExtension().lastPathComponent
                if let format = OutputFormat(fileName: url.lastPathComponent) {
                    exactFile = (url.lastPathComponent, format)
                }
            }
        }
    }

    /// The names of `count` files of `format`: `-o`'s exact name for a single SVG or PNG page
    /// of the format it names, else `NAME.pdf` or `NAME-N.svg` by page number.
    func fileNames(_ format: OutputFormat, count: Int) -> [String] {
        if let exactFile, exactFile.format == format, format == .pdf || count == 1 { return [exactFile.name] }
        let numbers = pageNumbers.count == count ? pageNumbers : Array(1...max(1, count))
        return format.fileNames(for: name, pageNumbers: numbers)
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
        for (bytes, fileName) in zip(files, fileNames(format, count: files.count)) {
            try AtomicFile.write(bytes, to: (folder as NSString).appendingPathComponent(fileName))
        }
    }
}
