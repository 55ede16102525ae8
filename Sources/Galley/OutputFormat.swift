// Output formats and the file names galley gives their pages.

import GalleyRender

/// The PDF standards (`--pdf-standard`), for the commands that import only `Galley`.
public typealias PDFStandard = GalleyRender.PDFStandard

/// A kind of output file.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, svg, png

    /// The files for an article called `name` with `pages` pages: `name.pdf`, or
    /// `name-1.svg`, `name-2.svg`, … (one file per page for SVG and PNG).
    public func fileNames(for name: String, pages: Int) -> [String] {
        switch self {
        case .pdf: ["\(name).pdf"]
        case .svg, .png: (1...max(1, pages)).map { "\(name)-\($0).\(rawValue)" }
        }
    }

    /// The files of the given pages (1-based numbers) of an article called `name`: `name.pdf`
    /// for all of them, or `name-3.svg`, … one per page, named by its number in the article.
    public func fileNames(for name: String, pageNumbers: [Int]) -> [String] {
        switch self {
        case .pdf: ["\(name).pdf"]
        case .svg, .png: pageNumbers.map { "\(name)-\($0).\(rawValue)" }
        }
    }

    /// The format a file name's extension names (`proof.svg` → svg), if any.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }

    /// Parses `pdf`, `svg,png`, … into formats, in the order given, without repeats.
    public static func list(_ text: String) -> [OutputFormat]? {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",") {
            guard let format = OutputFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased())
            else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats.isEmpty ? nil : formats
    }
}
