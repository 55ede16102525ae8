// Sets one paragraph: collect items, break lines (Knuth–Plass), assemble line frames.

import GalleyCore
import GalleyText
import GalleyTypography

/// Sets paragraphs of running text into lines.
struct ParagraphSetter {
    let shaper: TextShaper
    let breaker: LineBreaker

    func set(
        _ text: MappedText, settings: InlineSettings, leading: Double,
        notes: [(span: SourceSpan, note: Int)] = []
    ) -> [SetLine] {
        guard !text.isEmpty else { return [] }
        let content = InlineCollector.collect(text, settings: settings, shaper: shaper)
        let measure = settings.measure
        let breaks = breaker.breakLines(content.items, lineWidth: { _ in measure })
        let assembler = LineAssembler(
            content: content, settings: settings, leading: leading, notesBySourceOffset: notes, shaper: shaper)
        return assembler.assemble(breaks)
    }
}
