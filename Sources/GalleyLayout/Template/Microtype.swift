// Microtypography settings: which characters hang into the margins, and how far glyphs may
// be widened or narrowed.

/// Microtypography (pdfTeX's microtype package): characters that hang into the margins
/// (character protrusion, «optical margin alignment»), and glyphs widened or narrowed a little
/// to even out word spaces (font expansion).
///
/// The protrusion factors are data, not code: the tables below are the default set (Cyrillic
/// and Latin, close to microtype's own defaults), and a template changes or adds characters in
/// `[microtype.left]` and `[microtype.right]`.
public struct Microtype: Sendable, Hashable {
    /// Hang punctuation, hyphens and a few letters into the margins.
    public var protrusion = true
    /// The most a line's glyphs may be widened (0.02 = 2%).
    public var expansionStretch = 0.02
    /// The most a line's glyphs may be narrowed.
    public var expansionShrink = 0.02
    /// Expansion moves in steps of this size (0.005 = 0.5%), so a PDF holds few distinct widths.
    public var expansionStep = 0.005
    /// The largest difference in expansion between two adjacent lines of a paragraph (0.01 =
    /// 1%): a line beside a much wider or narrower one would show as a change of colour.
    public var expansionJump = 0.01
    /// Letter-spacing a justified line may take as a last resort, in ems per letter (0.02 =
    /// 2 % of the type size after each letter; 0: none). The breaker counts it as stretch like
    /// expansion; the assembler uses it only for what the word spaces would otherwise take
    /// beyond `trackingThreshold`, so only lines that would be loose are letter-spaced.
    public var tracking = 0.0
    /// Letter-spacing a justified line may take away, in ems per letter (0.01 = 1 % of the
    /// type size less after each letter; 0: none), so that a line may hold a syllable more
    /// than its word spaces can shrink for. The assembler uses it only for what the word
    /// spaces would otherwise take below `tighteningThreshold`.
    public var trackingShrink = 0.0
    /// The glue ratio (word spaces at 1 + ratio × 1/3 of natural) past which a line is
    /// letter-spaced instead of spaced wider: 0.9 is gaps of 1.3 times natural.
    public static let trackingThreshold = 0.9
    /// The glue ratio (word spaces at 1 + ratio × 1/3 of natural) below which a line is set
    /// tighter between its letters instead of between its words: −0.6 is gaps of 0.8 times
    /// natural.
    public static let tighteningThreshold = -0.6

    /// How far a character at the start of a line hangs into the left margin, as a fraction
    /// of its width.
    public var leftProtrusion: [Character: Double] = Microtype.defaultLeft {
        didSet { leftByScalar = Self.byScalar(leftProtrusion) }
    }
    /// How far a character at the end of a line hangs into the right margin, as a fraction of
    /// its width. The hyphen hangs 0.6 of its width, 0.24 em in PT Serif, within the 0.27 em a
    /// reader (and spacing.py) allows for hanging punctuation.
    public var rightProtrusion: [Character: Double] = Microtype.defaultRight {
        didSet { rightByScalar = Self.byScalar(rightProtrusion) }
    }

    /// The tables above for their one-scalar characters, the ones layout asks about: a line
    /// starts or ends at a scalar, and hashing a scalar is a fraction of hashing a
    /// `Character` (which compares canonically), asked for every word of every paragraph.
    private var leftByScalar = Microtype.byScalar(Microtype.defaultLeft)
    private var rightByScalar = Microtype.byScalar(Microtype.defaultRight)

    private static func byScalar(_ table: [Character: Double]) -> [Unicode.Scalar: Double] {
        var result: [Unicode.Scalar: Double] = [:]
        for (character, factor) in table where character.unicodeScalars.count == 1 {
            result[character.unicodeScalars.first!] = factor
        }
        return result
    }

    static let defaultLeft: [Character: Double] = [
        // Opening quotes, brackets and a dialogue dash.
        "«": 0.5, "„": 0.5, "“": 0.5, "‘": 0.7, "\"": 0.5, "'": 0.7, "‹": 0.5,
        "(": 0.2, "[": 0.1, "—": 0.2, "–": 0.3,
        // A light touch on letters whose shape leaves air at their left side.
        "A": 0.05, "T": 0.05, "V": 0.05, "W": 0.05, "Y": 0.05, "J": 0.05,
        "А": 0.05, "Т": 0.05, "У": 0.05, "Х": 0.03, "Ж": 0.03,
    ]
    static let defaultRight: [Character: Double] = [
        "-": 0.6, "\u{2011}": 0.6, ",": 0.7, ".": 0.7, "…": 0.3, ":": 0.5, ";": 0.5, "!": 0.2, "?": 0.2,
        "»": 0.5, "“": 0.5, "”": 0.5, "\"": 0.5, "’": 0.7, "'": 0.7, "›": 0.5, ")": 0.2, "]": 0.1,
        "–": 0.3, "—": 0.2,
        "A": 0.05, "T": 0.05, "V": 0.05, "W": 0.05, "Y": 0.05, "K": 0.05, "L": 0.05, "F": 0.05,
        "А": 0.05, "Т": 0.05, "Г": 0.1, "У": 0.05, "К": 0.05, "Х": 0.03, "Ж": 0.03,
    ]

    public init() {}

    /// Everything off (`--no-microtype`).
    public static let off: Microtype = {
        var m = Microtype()
        m.protrusion = false
        m.expansionStretch = 0
        m.expansionShrink = 0
        return m
    }()

    /// The fraction of `character`'s width that hangs into the left margin (0 when protrusion is off).
    public func left(_ character: Character) -> Double {
        protrusion ? leftProtrusion[character] ?? 0 : 0
    }

    /// The fraction of `character`'s width that hangs into the right margin (0 when protrusion is off).
    public func right(_ character: Character) -> Double {
        protrusion ? rightProtrusion[character] ?? 0 : 0
    }

    /// `left(_:)` for a character of one scalar.
    public func left(_ scalar: Unicode.Scalar) -> Double {
        protrusion ? leftByScalar[scalar] ?? 0 : 0
    }

    /// `right(_:)` for a character of one scalar.
    public func right(_ scalar: Unicode.Scalar) -> Double {
        protrusion ? rightByScalar[scalar] ?? 0 : 0
    }
}
