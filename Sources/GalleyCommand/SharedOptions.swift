// The options every rendering command shares (conventions: one option group).

import ArgumentParser
import Foundation
import Galley
import GalleyLayout
import GalleyTemplates
import GalleyMarkup

/// Options shared by the commands that read articles.
struct SharedOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Template: a name (default, newspaper, broadsheet, screen, or templates/NAME.toml) or a path to a .toml file. See galley templates.", valueName: "name|path"))
    var template: String = "default"

    @Option(help: ArgumentHelp("Force the language instead of detecting it from the text.", valueName: "ru|en"))
    var lang: String?

    @Option(help: ArgumentHelp("Read the input in this encoding instead of detecting it: any name iconv knows (iconv -l lists them), such as utf-8, windows-1251, koi8-r, ibm866, iso-8859-5, x-mac-cyrillic, windows-1252 or latin1. A byte invalid in it is an error.", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("Folder with the real media: <id>.png, .jpg, .svg or .json (default: assets/ beside the input).", valueName: "folder"))
    var assets: String?

    @Flag(help: "Turn off microtypography (hanging punctuation and font expansion), for comparison.")
    var noMicrotype = false

    @Flag(help: "Leave quotes, dashes and spaces as written (no typographic normalization).")
    var noTypography = false

    @Flag(help: "Keep the archive's artefacts: lost paragraph breaks written as a stray `n` or two spaces, and sentences run together.")
    var keepArtefacts = false

    @Option(help: ArgumentHelp("Refuse inputs larger than this many bytes (default 16 MiB): checked while reading, standard input included, so no more is ever held; for a JSON Lines dump, each line.", valueName: "bytes"))
    var maxInput: Int = 16 * 1024 * 1024

    @Option(help: ArgumentHelp("Refuse layouts longer than this many pages.", valueName: "pages"))
    var maxPages: Int = 500

    @Option(help: ArgumentHelp("Also write data beside the pages, one or a comma list: layout (NAME.layout.json: every box), report (NAME.report.json: typography figures; convert prints them too), coco (the boxes of the PNG pages as COCO annotations: NAME.coco.json, or annotations.coco.json for a batch; needs --format with png).", valueName: "layout,report,coco"))
    var emit: String?

    @Option(help: ArgumentHelp("How to print warnings and errors.", valueName: "human|json"))
    var diagnostics: DiagnosticsStyle = .human

    @Option(help: ArgumentHelp("Write the PDF for a standard, one or a comma list: a-2b (PDF/A-2b: archival), a-2u (PDF/A-2u: also Unicode for every glyph), ua-1 (PDF/UA-1: accessible). Every PDF is tagged, with language and alt text; these add XMP identification and, for PDF/A, an sRGB output intent. See docs/pdf.md for what is checked.", valueName: "a-2b|a-2u|ua-1"))
    var pdfStandard: String?

    func validate() throws {
        if let lang, !["ru", "en"].contains(lang) {
            throw ValidationError("--lang takes ru or en, not '\(lang)'")
        }
        if let encoding, InputEncoding(name: encoding) == nil {
            throw ValidationError(
                "--encoding: iconv does not know the encoding '\(encoding)'; `iconv -l` lists the names it knows (such as utf-8, windows-1251, koi8-r, ibm866, iso-8859-5, x-mac-cyrillic, windows-1252)")
        }
        if let assets {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: assets, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--assets: '\(assets)' is not a folder")
            }
        }
        if emits == nil {
            throw ValidationError("--emit takes layout, report, coco or a comma list of them, not '\(emit ?? "")'")
        }
        if let pdfStandard, case .failure(let reason) = PDFStandard.list(pdfStandard) {
            throw ValidationError(reason.description)
        }
        if maxInput <= 0 { throw ValidationError("--max-input must be a positive number of bytes") }
        if maxPages <= 0 { throw ValidationError("--max-pages must be a positive number of pages") }
    }

    /// What `--emit` asks for; nil when it names something unknown.
    var emits: Set<String>? {
        guard let emit else { return [] }
        let parts = Set(emit.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return parts.isSubset(of: ["layout", "report", "coco"]) && !parts.isEmpty ? parts : nil
    }

    /// `--emit coco` annotates the PNG pages, so it needs them: a usage error without png in
    /// `--format` (rather than rendering PNGs nobody asked for, which costs most of a batch's time).
    func validateEmits(formats: [OutputFormat]?) throws {
        if emits?.contains("coco") == true, formats?.contains(.png) != true {
            throw ValidationError("--emit coco annotates the PNG pages: add png to --format (such as --format pdf,png)")
        }
    }

    /// The template named by --template; errors exit with status 2.
    func loadTemplate() throws -> Template {
        do {
            var found = try TemplateCatalog().find(template).template
            if noMicrotype { found.microtype = .off }
            return found
        } catch {
            throw CommandFailure(status: 2, error.description)
        }
    }

    /// A typesetter for the template, with its font warnings printed.
    func makeTypesetter() throws -> Typesetter {
        let typesetter: Typesetter
        do {
            typesetter = try Typesetter(template: try loadTemplate())
        } catch let error as GalleyError {
            throw CommandFailure(status: error.exitStatus, error.description)
        }
        for warning in typesetter.templateWarnings {
            FileHandle.standardError.write(Data("galley: warning: \(warning)\n".utf8))
        }
        return typesetter
    }

    var convertOptions: ConvertOptions {
        var options = ConvertOptions()
        options.language = lang
        options.encoding = encoding.flatMap(InputEncoding.init(name:))
        options.typography = !noTypography
        options.keepArtefacts = keepArtefacts
        options.maxInputBytes = maxInput
        options.maxPages = maxPages
        options.assetsFolder = assets
        if let pdfStandard, case .success(let standards) = PDFStandard.list(pdfStandard) { options.pdfStandards = standards }
        return options
    }
}

enum DiagnosticsStyle: String, ExpressibleByArgument, CaseIterable {
    case human, json
}
