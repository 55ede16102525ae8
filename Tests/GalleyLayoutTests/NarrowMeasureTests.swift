// Narrow columns: which no-break bonds a template lets part, and lines tightened between letters.

import GalleyCore
import GalleyText
import GalleyTypography
import Testing

@testable import GalleyLayout

@Suite("layout: narrow measures")
struct NarrowMeasureTests {
    static let style = TextStyle(family: "PT Serif", size: 10)

    /// The penalty before each no-break space's glue, in text order.
    static func bondCosts(_ text: String, numberBreakCost: Double) -> [Double] {
        var settings = InlineSettings(style: style, measure: 300, firstLineIndent: 0, justify: true, hyphenator: nil)
        settings.numberBreakCost = numberBreakCost
        let items = InlineCollector.collect(MappedText(text), settings: settings, shaper: TextShaper()).items
        return items.indices.compactMap { k in
            guard k + 1 < items.count, case .penalty(_, let cost, _) = items[k], case .glue(_, let y, _) = items[k + 1], y > 0
            else { return nil }
            return cost
        }
    }

    @Test("a number may part from the word after it at the template's cost, never from a unit")
    func numberBonds() {
        let text = "27\u{00A0}января 1945\u{00A0}года, 2018-го\u{00A0}ирландец, 5\u{00A0}км, 4\u{00A0}млрд, 10\u{00A0}кг"
        #expect(Self.bondCosts(text, numberBreakCost: 150) == [150, 150, 150, .infinity, .infinity, .infinity])
        #expect(Self.bondCosts(text, numberBreakCost: .infinity).allSatisfy { $0 == .infinity })
    }

    /// The lines of `text` set in `measure` points with `microtype`.
    static func lines(_ text: String, measure: Double, microtype: Microtype) -> [SetLine] {
        let setter = ParagraphSetter(shaper: TextShaper(), breaker: LineBreaker())
        let settings = InlineSettings(
            style: style, measure: measure, firstLineIndent: 0, justify: true, hyphenator: nil, microtype: microtype)
        return setter.set(MappedText(text), settings: settings, leading: 12, role: .bodyLine(paragraph: 0))
    }

    @Test("a line a little too full for its word spaces is tightened between its letters, and ends at the measure")
    func tightening() throws {
        let text = "Международному дню памяти жертв холокоста посвящена выставка в Совете Федерации"
        let loose = Microtype.off
        var tight = loose
        tight.trackingShrink = 0.03
        // A measure that holds the first four words only with word spaces of 0.55 natural:
        // too tight for word spaces alone (0.67 at the least), not once the letters tighten.
        let shaper = TextShaper()
        let width = shaper.shape("Международному дню памяти жертв", style: Self.style).width
        let space = shaper.shape(" ", style: Self.style).width
        let measure = width - 3 * space * 0.45
        let without = Self.lines(text, measure: measure, microtype: loose)
        let with = Self.lines(text, measure: measure, microtype: tight)
        #expect(without.first.map { $0.frame.line?.gapRatio ?? 0 } ?? 0 > 1, "without tightening the first line goes loose")
        // Word spaces go down to 0.8 natural, the letters take the rest: the gap a reader
        // measures (gapRatio) is the word space and the tightening after the word's last
        // letter, so a little under 0.8, and never under the 0.67 word spaces alone needed.
        let first = try #require(with.first?.frame.line)
        #expect(first.gapRatio < 0.8 && first.gapRatio > 0.67 && !first.isOverfull, "\(first.gapRatio)")
    }
}
