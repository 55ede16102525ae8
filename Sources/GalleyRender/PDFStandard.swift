// The PDF standards galley can claim: PDF/A-2 (b, u) and PDF/UA-1, by Typst's names.

import Foundation

/// A standard a PDF is written for (`--pdf-standard`).
public enum PDFStandard: String, CaseIterable, Sendable, Hashable, Codable {
    /// PDF/A-2b: archival, visual appearance preserved.
    case a2b = "a-2b"
    /// PDF/A-2u: A-2b plus Unicode text for every glyph.
    case a2u = "a-2u"
    /// PDF/UA-1: universal accessibility (tags, title shown, alt text, language).
    case ua1 = "ua-1"

    /// The PDF/A conformance letter, or nil for PDF/UA.
    var pdfaConformance: String? {
        switch self {
        case .a2b: "B"
        case .a2u: "U"
        case .ua1: nil
        }
    }

    /// Parses `a-2b`, `ua-1`, `a-2u,ua-1`: standards that can be combined (one PDF/A level at
    /// most); a failure says why anything else is refused.
    public static func list(_ text: String) -> Result<[PDFStandard], PDFStandardError> {
        var standards: [PDFStandard] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let standard = PDFStandard(rawValue: name) else {
                return .failure(PDFStandardError("--pdf-standard takes a-2b, a-2u, ua-1 or a comma list of them, not '\(name)'"))
            }
            if !standards.contains(standard) { standards.append(standard) }
        }
        if standards.isEmpty { return .failure(PDFStandardError("--pdf-standard needs a value: a-2b, a-2u or ua-1")) }
        if standards.filter({ $0.pdfaConformance != nil }).count > 1 {
            return .failure(PDFStandardError("a PDF claims one PDF/A conformance: give a-2b or a-2u, not both"))
        }
        return .success(standards)
    }
}

/// Why a `--pdf-standard` value was refused.
public struct PDFStandardError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
