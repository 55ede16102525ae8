// The settings of one conversion, shared by every command that renders.

import Foundation
import GalleyLayout
import GalleyMarkup
import GalleyRender

/// How an article is turned into pages.
public struct ConvertOptions: Sendable {
    public var template = Template()
    /// Force the language (`ru`, `en`) instead of detecting it from the text.
    public var language: String?
    /// Typographic normalization (quotes, dashes, no-break spaces); `--no-typography` turns it off.
    public var typography = true
    /// Keep the archive's artefacts (lost breaks as `n`, run-together sentences) as they are.
    public var keepArtefacts = false
    /// Force an input encoding instead of detecting it.
    public var encoding: InputEncoding?
    /// Inputs larger than this are refused (`--max-input`).
    public var maxInputBytes = 16 * 1024 * 1024
    /// The folder of real media (`--assets`); nil: `assets/` beside the input, when it exists.
    public var assetsFolder: String?
    /// Layouts longer than this are refused (`--max-pages`).
    public var maxPages = 500
    /// `{source}` in headers and footers (default: the input's file name).
    public var sourceName: String?
    /// `{date}` in headers and footers (default: the reproducible date, YYYY-MM-DD).
    public var date: String?

    /// Standards the PDF is written for (`--pdf-standard a-2b|a-2u|ua-1`).
    public var pdfStandards: [PDFStandard] = []

    public init() {}

    /// The assets folder for the input at `path`: `--assets`, else `assets/` beside the input
    /// (`assets/` in the current folder for standard input). The one rule the typesetter and
    /// the batch cache key both follow.
    public func assetsFolder(forInput path: String) -> String {
        if let assetsFolder { return assetsFolder }
        guard path != "<stdin>" else { return "assets" }
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/assets"
    }
}
