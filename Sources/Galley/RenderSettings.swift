// Every option that decides an input's output files, resolved into one value: the batch's cache key.

import Foundation
import GalleyLayout
import GalleyTemplates

/// The resolved settings of a run: what, besides an input's own bytes and the assets it uses,
/// decides the files written for it. `galley batch` fingerprints this value to tell whether
/// an input rendered earlier is still up to date, so an option that changes the output and is
/// not here would make a rerun keep stale files.
///
/// To add an option (such as a PDF standard), add a stored property: it is part of the
/// `Codable` encoding, so it enters `fingerprint` by itself. `ConvertOptionsCoverageTests`
/// fails when `ConvertOptions` gains a field this value does not account for.
public struct RenderSettings: Codable, Sendable, Hashable {
    public var galleyVersion: String
    /// The template's name and its complete TOML (every value, defaults included), so an edited
    /// template file or a changed built-in one counts, and so does `--no-microtype`.
    public var templateName: String
    public var templateText: String
    public var formats: [String]
    public var dpi: Double
    /// What each input writes beside its pages (`layout`, `report`), sorted.
    public var emit: [String]
    public var language: String?
    public var encoding: String?
    public var maxInputBytes: Int
    public var maxPages: Int
    public var typography: Bool
    public var keepArtefacts: Bool
    /// `--assets`, or nil for `assets/` beside each input. Not part of `fingerprint`: what an
    /// article takes from the folder is, as the content hash of each file it uses (see
    /// `AssetUse`), so a new folder renders again only the articles whose pictures change.
    public var assetsFolder: String?
    /// `--pdf-standard` (`a-2b`, `ua-1`…), in the order given.
    public var pdfStandards: [String] = []

    public init(
        template: Template, options: ConvertOptions, formats: [String], dpi: Double, emit: [String],
        galleyVersion: String
    ) {
        self.galleyVersion = galleyVersion
        templateName = template.name
        templateText = TemplatePrinter.print(template)
        self.formats = formats
        // PNG resolution matters only when PNG pages are written (and the layout JSON's pixel
        // boxes, which follow the PNG pages).
        self.dpi = formats.contains("png") ? dpi : 0
        self.emit = emit.sorted()
        language = options.language
        encoding = options.encoding?.name
        maxInputBytes = options.maxInputBytes
        maxPages = options.maxPages
        typography = options.typography
        keepArtefacts = options.keepArtefacts
        assetsFolder = options.assetsFolder
        // The standards change only the PDF; an empty list encodes as before (older
        // manifests' PDF-free fingerprints stay valid).
        pdfStandards = formats.contains("pdf") ? options.pdfStandards.map(\.rawValue) : []
    }

    /// The SHA-256 of the settings that decide the pages (everything but the assets folder's
    /// path), as stable JSON with sorted keys.
    public var fingerprint: String {
        var decisive = self
        decisive.assetsFolder = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(decisive)).map { [UInt8]($0) } ?? Array(templateText.utf8)
        return ContentHash.sha256(bytes)
    }
}
