// Collect: a paragraph's text, shaped once, cut into Knuth–Plass boxes, glue and penalties.

import GalleyCore
import GalleyText
import GalleyTypography

/// A paragraph prepared for line breaking: one shaping of its text, and the item list whose
/// boxes point back into that shaping by UTF-8 ranges.
struct InlineItems {
    let shaped: ShapedText
    let text: MappedText
    /// UTF-8 offset in `shaped.text` of each scalar of `text`, plus the end.
    let scalarStarts: [Int]
    var items: [BreakItem] = []
    /// For each item: the UTF-8 range of a box's glyphs, or of the space character a glue
    /// stands for (empty for penalties, indents and the paragraph's closing glue).
    var ranges: [Range<Int>] = []
    /// The width of the hyphen drawn at a hyphenated line end.
    var hyphenWidth: Double
    /// For each item: how far it hangs into the left margin when it starts a line
    /// (protrusion of a box's first character; 0 for everything else). Empty when no
    /// character of the paragraph protrudes.
    var leftHang: [Double] = []
    /// For each item: the letters (clusters) of a box, which tracking widens; empty when the
    /// paragraph is set without tracking. Counted once here, read per line by the assembler.
    var letters: [Int] = []

    /// The source span of the scalars whose UTF-8 starts lie in `bytes`.
    func span(ofBytes bytes: Range<Int>) -> SourceSpan {
        let lo = scalarIndex(atByte: bytes.lowerBound)
        let hi = scalarIndex(atByte: bytes.upperBound)
        return text.span(of: lo..<max(lo, hi))
    }

    /// The index of the scalar that starts at or after UTF-8 offset `byte`.
    func scalarIndex(atByte byte: Int) -> Int {
        var low = 0
        var high = scalarStarts.count - 1
        while low < high {
            let mid = (low + high) / 2
            if scalarStarts[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// How a paragraph is to be set.
struct InlineSettings {
    var style: TextStyle
    var measure: Double
    var firstLineIndent: Double
    var justify: Bool
    var hyphenator: Hyphenator?
    /// Protrusion and expansion; `Microtype.off` for ragged text, headlines and captions.
    var microtype: Microtype = .off
    /// Patterns for the other script's words (`Greenpeace` in Russian text, `Москва` in
    /// English): a word whose first letter is of the other script is hyphenated with these.
    var otherScriptHyphenator: Hyphenator?
    /// What ending a line after a short word bound to the next by a no-break space costs
    /// (`во Франции`, `и не`), as a Knuth–Plass penalty; infinite: never. Narrow columns allow
    /// it at a cost, as newspapers do: a hanging preposition is a smaller fault than a line
    /// with gaps of three spaces (LineBreaking.shortWordBreakCost).
    var shortWordBreakCost: Double = .infinity
    /// What ending a line after a number bound to the word after it costs (`27 января`,
    /// `1945 года`); infinite: never (LineBreaking.numberBreakCost).
    var numberBreakCost: Double = .infinity
}

/// Builds `InlineItems` for one paragraph.
///
/// Spaces become glue (width: the shaped space; stretch and shrink 1/3 of it). TeX's fonts
/// stretch a space by 1/2; galley takes 1/3, the 133% that InDesign's default word spacing
/// allows at most, so that the breaker prices a loose line as a typographer does and prefers
/// a slightly tight one (on the seed and the corpus, from the layout report: p95 of the word
/// gaps 1.33 with 1/2, 1.24 with 1/3; docs/typography.md). A no-break space is glue behind an infinite penalty,
/// so it stretches but never breaks. Inside words, hyphenation points become flagged
/// penalties with the hyphen's width, and an existing hyphen (`из-за`) a flagged penalty of
/// width 0. A word wider than the measure (a URL) also gets unflagged costly penalties at
/// every cluster, so it is broken rather than sticking out.
enum InlineCollector {
    static let hyphenPenalty = 50.0
    static let explicitHyphenPenalty = 50.0
    static let overlongBreakPenalty = 800.0
    static let infinitePenalty = Double.infinity
    /// The width of a narrow (U+202F) or thin (U+2009) space, in ems.
    static let narrowSpaceEm = 0.2

    /// Scalars that end a word: spaces of every width.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\t" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }

    static func collect(_ text: MappedText, settings: InlineSettings, shaper: TextShaper) -> InlineItems {
        let shaped = shaper.shape(text.string, style: settings.style)
        var starts: [Int] = []
        starts.reserveCapacity(text.count + 1)
        var offset = 0
        for scalar in text.scalars {
            starts.append(offset)
            offset += UTF8.width(scalar)
        }
        starts.append(offset)
        let hyphen = shaper.shape("-", style: settings.style).width
        var result = InlineItems(shaped: shaped, text: text, scalarStarts: starts, hyphenWidth: hyphen)
        let microtype = settings.justify ? settings.microtype : .off

        func add(_ item: BreakItem, _ range: Range<Int> = 0..<0) {
            result.items.append(item)
            result.ranges.append(range)
        }

        if settings.firstLineIndent > 0 {
            add(.box(width: settings.firstLineIndent))
        }
        let spaceWidth = shaper.shape(" ", style: settings.style).width
        let scalars = text.scalars
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            // U+202F NARROW NO-BREAK SPACE (after `№`, between digit groups) and U+2009 THIN SPACE:
            // PT Serif has no glyph for them, and fontconfig would take one from another face
            // mid-line. So they are drawn as what they are, a fixed narrow gap (a fifth of an
            // em) that never stretches; the narrow one also never breaks. The character stays
            // in the text and in every span.
            if scalar == "\u{202F}" || scalar == "\u{2009}" {
                if scalar == "\u{202F}" { add(.penalty(width: 0, cost: infinitePenalty, flagged: false)) }
                add(.glue(width: settings.style.size * narrowSpaceEm, stretch: 0, shrink: 0))
                i += 1
                continue
            }
            if scalar == " " || scalar == "\u{00A0}" || scalar == "\t" {
                let natural = shaped.width(of: starts[i]..<starts[i + 1])
                let width = natural > 0 ? natural : spaceWidth
                // Ragged lines get a wide stretch so that breaking still balances line lengths,
                // but they are drawn with natural spaces (LineAssembler ignores the ratio).
                let stretch = settings.justify ? width / 3 : settings.style.size * 3
                let glue = BreakItem.glue(width: width, stretch: stretch, shrink: width / 3)
                if scalar == "\u{00A0}" {
                    add(.penalty(width: 0, cost: bondCost(i, in: scalars, settings: settings), flagged: false))
                } else if i > 0, case let factor = microtype.right(scalars[i - 1]), factor > 0 {
                    // A break here lets the character before the space hang into the margin:
                    // the line may be that much fuller. (The glue after a penalty is no break.)
                    let hang = factor * shaped.width(of: starts[i - 1]..<starts[i])
                    add(.penalty(width: -hang, cost: 0, flagged: false))
                }
                add(glue, starts[i]..<starts[i + 1])
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, !isSeparator(scalars[end]) {
                end += 1
            }
            addWordItems(i..<end, to: &result, settings: settings, microtype: microtype)
            i = end
        }
        add(.glue(width: 0, stretch: 100_000, shrink: 0))
        add(.penalty(width: 0, cost: -infinitePenalty, flagged: false))
        if microtype.protrusion { result.leftHang = leftHangs(result, microtype: microtype) }
        if microtype.tracking > 0 || microtype.trackingShrink > 0 {
            result.letters = result.ranges.map { $0.isEmpty ? 0 : shaped.clusterCount(in: $0) }
        }
        return result
    }

    /// What breaking at the no-break space at `i` costs: `shortWordBreakCost` after a short
    /// word, `numberBreakCost` between a number and a word, never elsewhere.
    static func bondCost(_ i: Int, in scalars: [Unicode.Scalar], settings: InlineSettings) -> Double {
        if settings.shortWordBreakCost < infinitePenalty, followsShortWord(i, in: scalars) {
            return settings.shortWordBreakCost
        }
        if settings.numberBreakCost < infinitePenalty, bindsNumberToWord(i, in: scalars) { return settings.numberBreakCost }
        return infinitePenalty
    }

    /// Units and abbreviations of four letters or more that stay with their number (`4 млрд`).
    static let longUnits: Set<String> = ["млрд", "трлн", "долл", "евро"]

    /// Whether the no-break space at `i` binds a number (`27`, `1945`, `2018-го`, standing
    /// after a space or at the start) to a word of at least four letters after it that is no
    /// abbreviation or unit (`27 января`, `1945 года`; not `5 км`, `4 млн`, `1941 г.`, `5 %`).
    static func bindsNumberToWord(_ i: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var k = i - 1
        var digits = 0
        while k >= 0, !isSeparator(scalars[k]) {
            if ScalarClass.isNumeric(scalars[k]) { digits += 1 } else if !ScalarClass.isLetter(scalars[k]) && scalars[k] != "-" {
                return false
            }
            k -= 1
        }
        guard digits > 0, ScalarClass.isNumeric(scalars[k + 1]) else { return false }
        var end = i + 1
        var word = ""
        while end < scalars.count, ScalarClass.isLetter(scalars[end]) {
            word.unicodeScalars.append(scalars[end])
            end += 1
        }
        return word.unicodeScalars.count >= 4 && !longUnits.contains(word.lowercased())
    }

    /// The longest word, in letters, that counts as short for `shortWordBreakCost`:
    /// prepositions, conjunctions and particles (`в`, `во`, `и`, `не`, `для`, `the`).
    static let shortWordLetters = 3

    /// Whether the no-break space at `i` follows a short word of letters only, standing
    /// after a space or at the start: the bonds typographic custom puts after prepositions and
    /// particles. Not one after a number, an abbreviation (`т. д.`), an initial or `№`.
    static func followsShortWord(_ i: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var k = i - 1
        var letters = 0
        while k >= 0, ScalarClass.isLetter(scalars[k]) {
            letters += 1
            k -= 1
        }
        guard letters >= 1, letters <= shortWordLetters else { return false }
        return k < 0 || scalars[k] == " " || scalars[k] == "\u{00A0}" || scalars[k] == "\t"
    }

    /// How far each box would hang into the left margin at the start of a line: its first
    /// character's width times that character's left protrusion factor.
    private static func leftHangs(_ result: InlineItems, microtype: Microtype) -> [Double] {
        var hangs = [Double](repeating: 0, count: result.items.count)
        var any = false
        // Boxes come in text order: the scalar that starts each is found by walking forward.
        var k = 0
        for (index, range) in result.ranges.enumerated() where !range.isEmpty {
            guard case .box = result.items[index] else { continue }
            while k < result.scalarStarts.count - 1, result.scalarStarts[k] < range.lowerBound { k += 1 }
            let factor = microtype.left(result.text.scalars[k])
            guard factor > 0 else { continue }
            hangs[index] = factor * result.shaped.width(of: result.scalarStarts[k]..<result.scalarStarts[k + 1])
            any = true
        }
        return any ? hangs : []
    }

    /// The patterns for a word: the other script's when its first letter is of that script.
    private static func hyphenator(for word: ArraySlice<Unicode.Scalar>, _ settings: InlineSettings) -> Hyphenator? {
        guard let primary = settings.hyphenator, let other = settings.otherScriptHyphenator,
            let first = word.first(where: { ScalarClass.isLetter($0) })
        else { return settings.hyphenator }
        let isLatin = first.value < 0x250
        let isCyrillic = (0x400...0x4FF).contains(first.value)
        if primary.language == "ru" && isLatin && other.language == "en" { return other }
        if primary.language == "en" && isCyrillic && other.language == "ru" { return other }
        return primary
    }

    /// One word (a scalar range) as boxes separated by its break opportunities, appended to
    /// `result`.
    private static func addWordItems(
        _ word: Range<Int>, to result: inout InlineItems, settings: InlineSettings, microtype: Microtype
    ) {
        func add(_ item: BreakItem, _ range: Range<Int>) {
            result.items.append(item)
            result.ranges.append(range)
        }
        // Font expansion is extra stretch and shrink of the word's own width; tracking, extra
        // stretch of each of its letters.
        let trackingPerLetter = microtype.tracking * settings.style.size
        let tighteningPerLetter = microtype.trackingShrink * settings.style.size
        func box(_ width: Double, _ bytes: Range<Int>) -> BreakItem {
            let letters = trackingPerLetter > 0 || tighteningPerLetter > 0 ? Double(result.shaped.clusterCount(in: bytes)) : 0
            return .box(
                width: width, stretch: width * microtype.expansionStretch + letters * trackingPerLetter,
                shrink: width * microtype.expansionShrink + letters * tighteningPerLetter)
        }
        // A hyphen at a line end hangs into the margin by its protrusion factor.
        let hyphenWidth = result.hyphenWidth * (1 - microtype.right("-" as Unicode.Scalar))
        let starts = result.scalarStarts
        let shaped = result.shaped
        let scalars = result.text.scalars
        // Break opportunities: for each scalar of the word, the break before it, if any
        // (penalty width, cost, flagged). An array, not a dictionary: this runs for every word.
        typealias Opportunity = (width: Double, cost: Double, flagged: Bool)
        var breaks: [Opportunity?] = []
        func setBreak(_ k: Int, _ opportunity: Opportunity) {
            if breaks.isEmpty { breaks = Array(repeating: nil, count: word.count) }
            breaks[k - word.lowerBound] = opportunity
        }
        if let hyphenator = hyphenator(for: scalars[word], settings) {
            for point in hyphenator.breakPoints(in: Array(scalars[word])) where point > 0 && point < word.count {
                setBreak(word.lowerBound + point, (hyphenWidth, hyphenPenalty, true))
            }
        }
        for k in word.dropLast() where k > word.lowerBound {
            let s = scalars[k]
            // After an existing hyphen or dash between letters: break without adding a hyphen;
            // the hyphen or dash then ends the line and hangs like any other.
            if s == "-" || s == "\u{2013}" || s == "\u{2014}" || s == "/",
                ScalarClass.isLetter(scalars[k - 1]) || ScalarClass.isNumeric(scalars[k - 1]),
                ScalarClass.isLetter(scalars[k + 1])
            {
                let hang = microtype.right(s) * shaped.width(of: starts[k]..<starts[k + 1])
                setBreak(k + 1, (-hang, explicitHyphenPenalty, s == "-"))
            }
        }
        let wordBytes = starts[word.lowerBound]..<starts[word.upperBound]
        if shaped.width(of: wordBytes) > settings.measure * 0.8 {
            for k in (word.lowerBound + 1)..<word.upperBound where breaks.isEmpty || breaks[k - word.lowerBound] == nil {
                setBreak(k, (0, overlongBreakPenalty, false))
            }
        }
        var pieceStart = word.lowerBound
        for (offset, opportunity) in breaks.enumerated() {
            let k = word.lowerBound + offset
            guard let (width, cost, flagged) = opportunity, shaped.isClusterStart(starts[k]) else { continue }
            let bytes = starts[pieceStart]..<starts[k]
            add(box(shaped.width(of: bytes), bytes), bytes)
            add(.penalty(width: width, cost: cost, flagged: flagged), 0..<0)
            pieceStart = k
        }
        let bytes = starts[pieceStart]..<starts[word.upperBound]
        add(box(shaped.width(of: bytes), bytes), bytes)
    }
}
