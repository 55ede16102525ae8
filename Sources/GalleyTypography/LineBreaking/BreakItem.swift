// The Knuth–Plass vocabulary: boxes, glue and penalties.

/// One item of a paragraph for line breaking (Knuth & Plass 1981, §«boxes, glue, penalties»).
public enum BreakItem: Sendable, Hashable {
    /// Material that never breaks (a word or a piece of one). `stretch` and `shrink` are
    /// what font expansion may add or take (pdfTeX's «font expansion as extra stretch»);
    /// 0 for material of fixed width.
    case box(width: Double, stretch: Double = 0, shrink: Double = 0)
    /// Space that can stretch and shrink; a line may break at glue that follows a box.
    case glue(width: Double, stretch: Double, shrink: Double)
    /// A possible break with a cost. `width` is added to the line when it breaks here (a
    /// hyphen). `cost` +∞ forbids the break, −∞ forces it. `flagged` marks hyphen breaks,
    /// which the breaker keeps from piling up on consecutive lines.
    case penalty(width: Double, cost: Double, flagged: Bool)

    var width: Double {
        switch self {
        case .box(let w, _, _): w
        case .glue(let w, _, _): w
        case .penalty(let w, _, _): w
        }
    }
}

/// A chosen break: where the line ends, and how its glue must be set.
public struct LineBreak: Sendable, Hashable {
    /// Index of the item the line breaks at (a glue or a penalty); the line's content is the
    /// items before it, from the previous break on.
    public var position: Int
    /// The adjustment ratio: glue is set to `width + ratio × stretch` (ratio ≥ 0) or
    /// `width + ratio × shrink` (ratio < 0). Below −1 the line is overfull.
    public var ratio: Double
    /// Whether the line ends at a flagged (hyphen) penalty.
    public var isFlagged: Bool

    public init(position: Int, ratio: Double, isFlagged: Bool) {
        self.position = position
        self.ratio = ratio
        self.isFlagged = isFlagged
    }
}

/// The knobs of the line breaker, with TeX's values where TeX has one.
public struct LineBreakOptions: Sendable, Hashable {
    /// Largest badness (100·r³) a line may have in the first pass (TeX's \tolerance: 200).
    public var tolerance: Double = 200
    /// Tolerance of the second and third passes, for paragraphs the first cannot set
    /// (1000: adjustment ratios up to about 2.15).
    public var secondTolerance: Double = 1000
    /// Stretch added to every line in the second pass (TeX's \emergencystretch), in points.
    public var emergencyStretch: Double = 0
    /// Added to each line's badness before squaring (TeX's \linepenalty: 10).
    public var linePenalty: Double = 10
    /// Demerits for two hyphenated lines in a row (TeX's \doublehyphendemerits: 10000; galley
    /// uses 3000 and a hard limit, `maxConsecutiveHyphens`).
    public var flaggedDemerits: Double = 3000
    /// Demerits for adjacent lines whose fitness classes differ by more than one
    /// (TeX's \adjdemerits: 10000; 3000 keeps more freedom for spacing).
    public var fitnessDemerits: Double = 3000
    /// The most consecutive lines that may end in a hyphen; a further one is infeasible.
    public var maxConsecutiveHyphens: Int = 2

    public init() {}
}
