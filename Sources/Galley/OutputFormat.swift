// Output formats and the file names galley gives their pages.

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
