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
        notes: [(span: SourceSpan, note: Int)] = [], role: Role
    ) -> [SetLine] {
        guard !text.isEmpty else { return [] }
        let content = InlineCollector.collect(text, settings: settings, shaper: shaper)
        let measure = settings.measure
        // Emergency stretch (TeX's \emergencystretch) for paragraphs the first pass cannot set:
        // 1.5 em spread over the lines keeps the second pass from making one very loose line.
        var breaker = breaker
        breaker.options.emergencyStretch = settings.style.size * 1.5
        let breaks = breaker.breakLines(content.items, lineWidth: { _ in measure }, leftHang: content.leftHang)
        let assembler = LineAssembler(
            content: content, settings: settings, leading: leading, notesBySourceOffset: notes, shaper: shaper,
            role: role)
        return assembler.assemble(breaks)
    }
}
