// The narrow no-break space U+202F in layout: a fixed gap, not a glyph from another face.

import GalleyCore
import GalleyText
import Testing

@testable import GalleyLayout

/// U+202F, which PT Serif lacks, is drawn as a fixed narrow gap, never as a glyph of another face.
@Suite("layout: the narrow no-break space")
struct NarrowSpaceLayoutTests {
    @Test("№ 426 and 5 000 000: a gap of 0.2 em that never breaks, the character kept in the text")
    func narrowGap() throws {
        let shaper = TextShaper()
        let style = TextStyle(family: "PT Serif", size: 10)
        let text = MappedText("приказ №\u{202F}426 и 5\u{202F}000\u{202F}000 рублей")
        let items = InlineCollector.collect(
            text, settings: InlineSettings(style: style, measure: 300, firstLineIndent: 0, justify: true, hyphenator: nil, microtype: .off),
            shaper: shaper)
        let fixed = items.items.filter { if case .glue(let w, 0, 0) = $0, abs(w - 2) < 0.001 { true } else { false } }
        #expect(fixed.count == 3)
        // Each narrow gap stands behind an infinite penalty: no line may end there.
        for (k, item) in items.items.enumerated() {
            if case .glue(_, 0, 0) = item, k > 0 {
                guard case .penalty(_, let cost, _) = items.items[k - 1] else {
                    Issue.record("a narrow gap without its penalty")
                    continue
                }
                #expect(cost == .infinity)
            }
        }
        #expect(items.text.scalars.filter { $0 == "\u{202F}" }.count == 3)
    }
}
