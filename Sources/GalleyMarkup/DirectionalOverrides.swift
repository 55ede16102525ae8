// Finds the bidi overrides that turn a paragraph's letters around, for a warning.

import GalleyCore

/// Reports U+202D LEFT-TO-RIGHT OVERRIDE and U+202E RIGHT-TO-LEFT OVERRIDE.
///
/// An override sets every letter after it, up to U+202C or the paragraph's end, in one
/// direction whatever its script: a stray U+202E in Russian text shows the rest of the
/// paragraph mirrored (`нирабаН` for `Набрин`), which is what the Unicode bidi algorithm
/// prescribes and what browsers show too. galley keeps the text as written (the archive's text
/// is evidence) and draws it as the algorithm says, but an archivist reading the report should
/// learn that a page may look reversed, and where. Marks and embeddings (U+200E, U+200F,
/// U+202A, U+202B, the isolates) only steer right-to-left text and are not reported.
enum DirectionalOverrides {
    static func diagnostics(in text: MappedText) -> [Diagnostic] {
        var found: [SourceSpan] = []
        for (i, scalar) in text.scalars.enumerated() where scalar == "\u{202D}" || scalar == "\u{202E}" {
            found.append(text.span(of: i..<(i + 1)))
        }
        guard let first = found.first else { return [] }
        let count = found.count == 1 ? "a directional override (U+202D/U+202E)" : "\(found.count) directional overrides (U+202D/U+202E)"
        return [
            .warning(
                "directional-override",
                "the text has \(count); the letters after it, up to U+202C or the paragraph's end, are set in one direction whatever their script and may read mirrored",
                at: first)
        ]
    }
}
