// The frame tree: what layout hands to the backends. Plain values, no C pointers.

/// A laid-out page: its size and the frame that fills it.
public struct Page: Codable, Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    public var size: Size
    public var frame: Frame
    /// The text columns of the page's text block, in page coordinates, full height: where
    /// running text may stand (datasets and tests check line boxes against them).
    public var columns: [Rect]
    public init(number: Int, size: Size, frame: Frame, columns: [Rect] = []) {
        self.number = number
        self.size = size
        self.frame = frame
        self.columns = columns
    }
}

/// A rectangle of content: items placed at positions relative to the frame's top left.
///
/// Frames nest (`FrameItem.group`); each may carry a role that says what it is on the page
/// (headline line, body line of paragraph 3, panel, footer…), which tests, the layout JSON,
/// COCO, the preview and tagged PDF read.
public struct Frame: Codable, Sendable, Hashable {
    public var size: Size
    public var role: Role?
    /// Where the frame's content came from in the input, when it came from one place.
    public var span: SourceSpan?
    /// For a set line: how it was set (adjustment, hyphen, last of its paragraph).
    public var line: LineInfo?
    public var items: [Positioned]

    public init(size: Size, role: Role? = nil, span: SourceSpan? = nil, line: LineInfo? = nil, items: [Positioned] = []) {
        self.size = size
        self.role = role
        self.span = span
        self.line = line
        self.items = items
    }

    public mutating func place(_ item: FrameItem, at position: Point) {
        items.append(Positioned(position: position, item: item))
    }

    public mutating func place(_ frame: Frame, at position: Point) {
        items.append(Positioned(position: position, item: .group(frame)))
    }
}

/// How a line of text was set: what the typography report and the layout JSON read.
public struct LineInfo: Codable, Sendable, Hashable {
    /// The Knuth–Plass adjustment ratio (glue set to width + ratio × stretch or shrink).
    public var ratio: Double
    /// The mean word gap over the font's natural space, as a reader of the page measures it
    /// (1 for a line set at natural spacing; 0 when the line has no gap).
    public var gapRatio: Double
    public var isHyphenated: Bool
    /// Whether this is the last line of its paragraph (set ragged, not justified).
    public var isLast: Bool
    /// Whether the line is justified (ends at the measure).
    public var isJustified: Bool
    /// Whether the line's content is wider than the measure.
    public var isOverfull: Bool

    public init(ratio: Double, gapRatio: Double, isHyphenated: Bool, isLast: Bool, isJustified: Bool, isOverfull: Bool) {
        self.ratio = ratio
        self.gapRatio = gapRatio
        self.isHyphenated = isHyphenated
        self.isLast = isLast
        self.isJustified = isJustified
        self.isOverfull = isOverfull
    }
}

/// An item with its position in the enclosing frame.
public struct Positioned: Codable, Sendable, Hashable {
    public var position: Point
    public var item: FrameItem
    public init(position: Point, item: FrameItem) {
        self.position = position
        self.item = item
    }
}

/// One thing drawn on a page.
public indirect enum FrameItem: Codable, Sendable, Hashable {
    /// A nested frame.
    case group(Frame)
    /// Shaped glyphs; the position is the run's baseline origin.
    case text(GlyphRun)
    /// A filled and/or stroked geometric shape; the position is the shape's origin.
    case shape(Shape)
    /// A raster or vector picture scaled into `size`; the position is its top left.
    case image(ImageItem)
}

/// What a frame is on the page, as layout knew it: the layout JSON, the COCO export, the
/// preview and PDF structure tags read it, never the frame's text or a sentinel number.
public enum Role: Codable, Sendable, Hashable {
    /// A line of the headline.
    case headlineLine
    /// A line of the headline's words that did not fit the headline's space, set in the body's
    /// type as the article's first paragraph.
    case leadLine
    /// A line of running text: the index of its paragraph among the document's blocks, and
    /// the footnotes (indices into `Document.footnotes`) whose marks stand on it.
    case bodyLine(paragraph: Int, footnoteMarks: [Int] = [])
    /// A footnote at the foot of a column: its index in `Document.footnotes` and its mark
    /// (`*`), which its first line begins with.
    case footnote(note: Int, mark: String)
    /// A line of a footnote (inside the `.footnote` frame).
    case footnoteLine(note: Int)
    /// A directive drawn as a panel: its kind, id and whether its drawing is generated.
    case panel(PanelRole)
    /// A panel's caption (inside the `.panel` frame).
    case caption
    /// Page furniture: the running header or the footer line (folio), not article content.
    case furniture(Furniture)
    /// The page's text block: columns, panels and footnotes, at the margins.
    case textBlock

    /// The lines of text a reader reads: headline, body and footnote lines.
    public var isLine: Bool {
        switch self {
        case .headlineLine, .leadLine, .bodyLine, .footnoteLine: true
        default: false
        }
    }

    /// The paragraph of a body line.
    public var paragraph: Int? {
        if case .bodyLine(let paragraph, _) = self { paragraph } else { nil }
    }

    /// The panel facts of a panel frame.
    public var panel: PanelRole? {
        if case .panel(let panel) = self { panel } else { nil }
    }
}

/// What a panel frame shows.
public struct PanelRole: Codable, Sendable, Hashable {
    /// The kind's canonical name in the directive registry (`photo` for `image` and `photo`);
    /// an unknown kind keeps its name as written, lowercased.
    public var kind: String
    /// The kind as the directive wrote it (`image`, `Movie`).
    public var directive: String
    /// Whether the kind is one galley knows (unknown kinds are drawn as a generic panel).
    public var isKnownKind: Bool
    public var id: String
    /// Whether the drawing is generated (a placeholder or invented chart, marked «макет»)
    /// rather than the article's own picture or chart data from the assets folder.
    public var isGenerated: Bool

    public init(kind: String, directive: String, isKnownKind: Bool = true, id: String, isGenerated: Bool) {
        self.kind = kind
        self.directive = directive
        self.isKnownKind = isKnownKind
        self.id = id
        self.isGenerated = isGenerated
    }
}

/// Lines of page furniture, repeated on pages: not part of the article's reading order.
public enum Furniture: String, Codable, Sendable, Hashable {
    /// The header above the text block (pages after the first).
    case runningHeader
    /// The footer line under the text block, usually with the page number (folio).
    case footer
}

/// A font as a value: a Pango font description (`PT Serif Bold`) and a size in points.
///
/// Render resolves it through fontconfig again, so a frame tree can cross threads and
/// processes; layout records the face fontconfig actually chose (after fallback), so the
/// two resolve to the same file.
public struct FontRef: Codable, Sendable, Hashable {
    /// A Pango font description without size, e.g. `PT Serif Bold Italic`.
    public var description: String
    public var size: Double
    public init(description: String, size: Double) {
        self.description = description
        self.size = size
    }
}

/// One glyph of a run: its id in the font and its pen position relative to the run origin.
public struct Glyph: Codable, Sendable, Hashable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    public init(id: UInt32, x: Double, y: Double = 0) {
        self.id = id
        self.x = x
        self.y = y
    }
}

/// Shaped text in one font: glyph ids with positions, plus the characters they show.
///
/// The text goes into the PDF beside the glyphs (`cairo_show_text_glyphs`), so that
/// readers extract words; `text` may be empty for purely decorative glyphs.
public struct GlyphRun: Codable, Sendable, Hashable {
    public var font: FontRef
    public var color: Color
    public var glyphs: [Glyph]
    public var text: String
    /// The advance width of the run in points.
    public var width: Double
    public var span: SourceSpan?
    /// Font expansion: the glyphs are drawn this much wider (1.02) or narrower (0.98) than
    /// the font's own shapes; positions and `width` already include it.
    public var horizontalScale: Double
    /// Which glyphs show which bytes of `text`, in glyph order; empty: the whole text is one
    /// cluster. Lets PDF readers map each glyph to its own characters.
    public var clusters: [TextCluster] = []
    /// Whether the glyphs run right to left (clusters then consume the text from its end).
    public var isBackward: Bool = false
    /// The word space that follows the run on its line, for the text layer (nil at a line's
    /// end and inside words). See `WordSpace`.
    public var wordSpace: WordSpace?

    public init(
        font: FontRef, color: Color, glyphs: [Glyph], text: String, width: Double, span: SourceSpan? = nil,
        horizontalScale: Double = 1
    ) {
        self.font = font
        self.color = color
        self.glyphs = glyphs
        self.text = text
        self.width = width
        self.span = span
        self.horizontalScale = horizontalScale
    }
}

/// A word space written into a PDF's text as a character: the font's space glyph at the
/// pen position where the gap after the run begins (relative to the run's origin), showing
/// `text` (`" "`, or the no-break space of the input).
///
/// Layout sets gaps by moving the next word; a gap alone is no character, and pypdf and
/// pdfminer then glue the words together. Drawn in the same text run as the word, the space
/// glyph gives every reader a real space while the next word stays where layout put it
/// (the glyph has no ink, so pages look the same).
public struct WordSpace: Codable, Sendable, Hashable {
    public var glyph: Glyph
    public var text: String
    public init(glyph: Glyph, text: String) {
        self.glyph = glyph
        self.text = text
    }
}

/// A cluster of a glyph run: `bytes` of its UTF-8 text drawn by `glyphs` glyphs.
public struct TextCluster: Codable, Sendable, Hashable {
    public var bytes: Int
    public var glyphs: Int
    public init(bytes: Int, glyphs: Int) {
        self.bytes = bytes
        self.glyphs = glyphs
    }
}

/// Line style for stroked shapes.
public struct Stroke: Codable, Sendable, Hashable {
    public var color: Color
    public var width: Double
    /// Dash lengths in points; empty for a solid line.
    public var dash: [Double]
    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// A path segment, in points relative to the shape's origin.
public enum PathElement: Codable, Sendable, Hashable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    /// An arc around `center`, angles in radians, clockwise on the page (y down).
    case arc(center: Point, radius: Double, start: Double, end: Double)
    case close
}

/// A geometric shape with its paint.
public struct Shape: Codable, Sendable, Hashable {
    public enum Geometry: Codable, Sendable, Hashable {
        case rect(Size)
        case path([PathElement])
    }
    public var geometry: Geometry
    public var fill: Color?
    public var stroke: Stroke?
    public init(_ geometry: Geometry, fill: Color? = nil, stroke: Stroke? = nil) {
        self.geometry = geometry
        self.fill = fill
        self.stroke = stroke
    }
    public static func rect(_ size: Size, fill: Color? = nil, stroke: Stroke? = nil) -> Shape {
        Shape(.rect(size), fill: fill, stroke: stroke)
    }
    public static func line(to end: Point, stroke: Stroke) -> Shape {
        Shape(.path([.move(.zero), .line(end)]), stroke: stroke)
    }
}

/// A picture from an asset file, drawn scaled into `size`.
public struct ImageItem: Codable, Sendable, Hashable {
    public enum Format: String, Codable, Sendable, Hashable { case png, jpeg, svg }
    public var path: String
    public var format: Format
    public var size: Size
    public init(path: String, format: Format, size: Size) {
        self.path = path
        self.format = format
        self.size = size
    }
}
