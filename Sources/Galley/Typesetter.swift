// The pipeline: bytes → decoded text → document → normalized document → pages → files.

import Foundation
import GalleyCore
import GalleyLayout
import GalleyMarkup
import GalleyPanels
import GalleyRender
import GalleyText
import GalleyTypography

/// Runs galley's stages for one article at a time, reusing fonts and dictionaries.
///
/// Holds Pango font maps (in the shaper and the renderer), so a typesetter belongs to one
/// thread: make one per worker and give it many articles.
public final class Typesetter {
    public let template: Template
    /// Problems with the template that do not stop it: fonts that are not installed.
    public let templateWarnings: [String]
    private let engine: LayoutEngine
    private let renderer: Renderer

    /// Loads the hyphenation dictionaries and fonts for `template`.
    public init(template: Template = Template()) throws(GalleyError) {
        self.template = template
        let shaper = TextShaper(preferredFamilies: template.fontFamilies)
        var hyphenators: [String: Hyphenator] = [:]
        if template.hyphenate {
            for language in ["ru", "en"] {
                do {
                    hyphenators[language] = try Hyphenator.load(language: language)
                } catch {
                    throw GalleyError(
                        .usage,
                        "cannot load the \(language) hyphenation patterns (\(error)); install hyphen-ru and hyphen-en-us, or run scripts/setup.sh")
                }
            }
        }
        engine = LayoutEngine(template: template, shaper: shaper, hyphenators: hyphenators)
        // Render draws with the fonts the shaper measured (same thread, same typesetter).
        renderer = Renderer(knownFonts: { [unowned shaper] ref in shaper.loadedFont(for: ref) })
        templateWarnings = Self.missingFonts(template, shaper: shaper)
    }

    /// A warning for each font list whose first family fontconfig does not have.
    private static func missingFonts(_ template: Template, shaper: TextShaper) -> [String] {
        var warnings: [String] = []
        var seen = Set<String>()
        let specs = [
            ("body", template.body), ("headline", template.headline), ("footnote", template.footnote),
            ("caption", template.caption), ("label", template.label), ("folio", template.folio),
        ]
        for (name, spec) in specs {
            let wanted = spec.family.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !wanted.isEmpty, !seen.contains(wanted) else { continue }
            seen.insert(wanted)
            if shaper.hasFamily(wanted) { continue }
            let used = shaper.resolvedFamily(of: spec.style(color: .black, language: nil))
            if used.lowercased() != wanted.lowercased() {
                warnings.append("template '\(template.name)': font family '\(wanted)' (fonts.\(name)) is not installed; using '\(used)'")
            }
        }
        return warnings
    }

    /// Decodes, parses, normalizes and lays out one input.
    public func typeset(_ bytes: [UInt8], path: String, options: ConvertOptions = ConvertOptions()) throws(GalleyError) -> Article {
        guard bytes.count <= options.maxInputBytes else {
            throw GalleyError(
                .input,
                "input is \(bytes.count) bytes, over the limit of \(options.maxInputBytes); raise it with --max-input",
                path: path)
        }
        var clock = StageClock()
        let decoded: DecodedInput
        do {
            decoded = try InputDecoder.decode(bytes, encoding: options.encoding)
        } catch {
            throw GalleyError(.input, "\(error)", path: path)
        }
        clock.lap("decode")
        let source = SourceFile(path: path, text: decoded.text)
        var parseOptions = ParseOptions()
        parseOptions.keepArtefacts = options.keepArtefacts
        parseOptions.language = options.language
        let parsed = MarkupParser(options: parseOptions).parse(decoded.text)
        clock.lap("parse")
        var document = parsed.document
        if options.typography && template.typography {
            document = document.normalized(language: options.language)
        }
        clock.lap("normalize")
        // The source's name, never its folders: outputs must not depend on the working
        // directory, nor publish a machine's paths.
        let sourceName = options.sourceName ?? (path as NSString).lastPathComponent
        var metadata = ["source": sourceName]
        metadata["date"] = options.date
        let laidOut = engine.layout(
            document, assets: assets(for: path, options: options), metadata: metadata,
            typography: options.typography && template.typography)
        // galley's first promise: no text lost without an error (TextLedger says why here).
        let shortfall = TextLedger.shortfall(of: document, on: laidOut.pages)
        guard shortfall.isEmpty else { throw GalleyError(.input, shortfall.message(in: source), path: path) }
        var layoutDiagnostics = laidOut.diagnostics
        if let missing = MissingGlyphs.diagnostic(for: laidOut.pages) { layoutDiagnostics.append(missing) }
        clock.lap("layout")
        guard laidOut.pages.count <= options.maxPages else {
            throw GalleyError(
                .input,
                "the layout needs \(laidOut.pages.count) pages, over the limit of \(options.maxPages); raise it with --max-pages",
                path: path)
        }
        return Article(
            source: source, document: document, pages: laidOut.pages,
            diagnostics: decoded.diagnostics + parsed.diagnostics + layoutDiagnostics, encoding: decoded.encoding,
            floatedPanels: laidOut.floatedPanels, timings: clock.laps, templateName: template.name, sourceName: sourceName)
    }

    /// The assets folder for an input: `--assets`, else `assets/` beside the input file.
    private func assets(for path: String, options: ConvertOptions) -> AssetLibrary? {
        AssetLibrary(folder: options.assetsFolder(forInput: path))
    }

    /// The article as one tagged PDF file's bytes, meeting `standards` (`--pdf-standard`).
    public func pdf(_ article: Article, standards: [PDFStandard] = []) throws(GalleyError) -> [UInt8] {
        do {
            let facts = PDFFacts(
                language: article.document.language, source: article.sourceName, standards: standards,
                parts: Self.partLanguages(article.document))
            return try renderer.pdf(
                article.pages, metadata: DocumentMetadata(title: article.title, subject: article.sourceName), facts: facts)
        } catch {
            throw GalleyError(.output, "\(error)", path: article.source.path)
        }
    }

    /// The languages the parser recorded for the headline, each paragraph and each footnote
    /// (by the indices the frames' roles carry), where they differ from the article's.
    static func partLanguages(_ document: Document) -> PartLanguages {
        var paragraphs: [Int: String] = [:]
        for (index, block) in document.blocks.enumerated() {
            if case .paragraph(let paragraph) = block, let language = paragraph.language { paragraphs[index] = language }
        }
        var notes: [Int: String] = [:]
        for (index, note) in document.footnotes.enumerated() {
            if let language = note.language { notes[index] = language }
        }
        return PartLanguages(article: document.language, headline: document.headlineLanguage, paragraphs: paragraphs, notes: notes)
    }

    /// Each page as an SVG file's bytes.
    public func svg(_ article: Article) throws(GalleyError) -> [[UInt8]] {
        do {
            return try article.pages.map { try renderer.svg($0, title: article.title) }
        } catch {
            throw GalleyError(.output, "\(error)", path: article.source.path)
        }
    }

    /// Each page as a PNG file's bytes at `dpi`.
    public func png(_ article: Article, dpi: Double) throws(GalleyError) -> [[UInt8]] {
        do {
            return try article.pages.map { try renderer.png($0, dpi: dpi) }
        } catch {
            throw GalleyError(.output, "\(error)", path: article.source.path)
        }
    }
}

/// Milliseconds between laps, by stage name: the per-stage timings of the batch report.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [String: Double] = [:]

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps[stage, default: 0] += Double(now - last) / 1e6
        last = now
    }
}
