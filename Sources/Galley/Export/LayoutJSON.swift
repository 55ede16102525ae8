// Pages as data: every box of the article (headline, paragraphs, lines, footnotes, panels).

import Foundation
import GalleyCore
import GalleyLayout

/// The layout JSON (`--emit layout`), schema in docs/layout.schema.json.
///
/// Boxes are `[x, y, width, height]` in points with the origin at the page's top left, and,
/// when a dpi is given, also in pixels of the PNG pages. Lines carry their text, their source
/// range (UTF-8 byte offsets into the decoded input) and how they were set.
public struct LayoutJSON: Codable, Sendable {
    public static let version = 1

    public struct Box: Codable, Sendable {
        public var kind: String
        public var box: [Double]
        public var pixels: [Int]?
        public var text: String?
        public var source: [Int]?
        public var ratio: Double?
        public var gapRatio: Double?
        public var hyphenated: Bool?
        public var paragraph: Int?
        public var panelKind: String?
        public var panelId: String?
        public var generated: Bool?
        /// A panel's kind in the directive registry (`photo` for `image`); absent for a kind
        /// galley does not know.
        public var registryKind: String?
        /// A footnote's (or footnote line's) index among the article's notes.
        public var footnote: Int?
        /// A footnote's mark (`*`).
        public var mark: String?
        /// A body line's footnote marks: the notes (indices) whose marks stand on it.
        public var footnoteMarks: [Int]?
    }

    public struct PageEntry: Codable, Sendable {
        public var number: Int
        public var width: Double
        public var height: Double
        /// The text columns `[x, y, width, height]` (points): every line box lies in one.
        public var columns: [[Double]]
        public var boxes: [Box]
    }

    public var version: Int
    public var source: String
    public var template: String
    public var dpi: Double?
    public var pages: [PageEntry]

    public init(article: Article, dpi: Double? = nil) {
        version = Self.version
        source = article.source.path
        template = article.templateName
        self.dpi = dpi
        pages = article.pages.map { page in
            PageEntry(
                number: page.number, width: Self.round(page.size.width), height: Self.round(page.size.height),
                columns: page.columns.map { [$0.minX, $0.minY, $0.width, $0.height].map(Self.round) },
                boxes: Self.boxes(in: page, dpi: dpi))
        }
    }

    private static func boxes(in page: Page, dpi: Double?) -> [Box] {
        var boxes: [Box] = []
        func box(_ kind: String, _ placed: PlacedFrame) -> Box {
            let r = placed.rect
            let pixels = dpi.map { d in
                [r.minX, r.minY, r.width, r.height].map { Int(($0 * d / 72).rounded()) }
            }
            return Box(
                kind: kind, box: [r.minX, r.minY, r.width, r.height].map(round), pixels: pixels,
                source: placed.frame.span.map { [$0.start, $0.end] })
        }
        let placedLines = page.frame.frames(where: \.isLine)
        // Paragraph boxes: the union of the lines of one paragraph in one column of this page
        // (a paragraph that goes on in the next column gets a second box there, so that no
        // box covers the gutter and its neighbours).
        struct ParagraphPart: Hashable {
            var index: Int
            var column: Int
        }
        var paragraphs: [ParagraphPart: Rect] = [:]
        var order: [ParagraphPart] = []
        for line in placedLines {
            guard let paragraph = line.frame.role?.paragraph else { continue }
            let part = ParagraphPart(index: paragraph, column: Int(line.rect.minX.rounded()))
            if let r = paragraphs[part] {
                let u = Rect(
                    x: min(r.minX, line.rect.minX), y: min(r.minY, line.rect.minY),
                    width: max(r.maxX, line.rect.maxX) - min(r.minX, line.rect.minX),
                    height: max(r.maxY, line.rect.maxY) - min(r.minY, line.rect.minY))
                paragraphs[part] = u
            } else {
                paragraphs[part] = line.rect
                order.append(part)
            }
        }
        let headlineLines = placedLines.filter { $0.frame.role == .headlineLine }
        if let first = headlineLines.first, let last = headlineLines.last {
            let r = Rect(x: first.rect.minX, y: first.rect.minY, width: first.rect.width, height: last.rect.maxY - first.rect.minY)
            var b = box("headline", PlacedFrame(origin: r.origin, frame: Frame(size: r.size)))
            b.text = headlineLines.map { lineText($0.frame) }.joined(separator: " ")
            boxes.append(b)
        }
        for part in order {
            guard let r = paragraphs[part] else { continue }
            var b = box("paragraph", PlacedFrame(origin: r.origin, frame: Frame(size: r.size)))
            b.paragraph = part.index
            boxes.append(b)
        }
        for line in placedLines {
            guard let role = line.frame.role else { continue }
            var b = box(Self.kind(of: role), line)
            b.text = lineText(line.frame)
            switch role {
            case .headlineLine, .leadLine: b.paragraph = Self.headlineParagraph
            case .bodyLine(let paragraph, let marks):
                b.paragraph = paragraph
                if !marks.isEmpty { b.footnoteMarks = marks }
            case .footnoteLine(let note):
                b.paragraph = Self.footnoteParagraph
                b.footnote = note
            default: break
            }
            if let info = line.frame.line {
                b.ratio = round(info.ratio)
                b.gapRatio = round(info.gapRatio)
                b.hyphenated = info.isHyphenated
            }
            boxes.append(b)
        }
        for note in page.frame.frames(where: { if case .footnote = $0 { true } else { false } }) {
            guard case .footnote(let index, let mark) = note.frame.role else { continue }
            var b = box("footnote", note)
            b.text = note.frame.frames(where: \.isLine).map { lineText($0.frame) }.joined(separator: " ")
            b.footnote = index
            b.mark = mark
            boxes.append(b)
        }
        for panel in page.frame.frames(where: { $0.panel != nil }) {
            guard let role = panel.frame.role?.panel else { continue }
            var b = box("panel", panel)
            b.panelKind = role.directive
            b.panelId = role.id
            b.generated = role.isGenerated
            b.registryKind = role.isKnownKind ? role.kind : nil
            boxes.append(b)
        }
        for furniture in [Furniture.runningHeader, .footer] {
            for running in page.frame.frames(where: { $0 == .furniture(furniture) }) {
                var b = box(Self.kind(of: .furniture(furniture)), running)
                b.text = running.frame.text()
                boxes.append(b)
            }
        }
        return boxes
    }

    /// The `paragraph` of headline lines (and of the lead, the headline's words set in body
    /// type when the headline did not fit) and of footnote lines in the JSON (a file format kept
    /// from version 1; in the frame tree the role says what a line is).
    static let headlineParagraph = -1
    static let footnoteParagraph = -2

    /// The box kind written for a frame of this role (docs/layout.schema.json).
    static func kind(of role: Role) -> String {
        switch role {
        case .headlineLine: "headline-line"
        case .bodyLine, .leadLine: "line"
        case .footnoteLine: "footnote-line"
        case .footnote: "footnote"
        case .panel: "panel"
        case .caption: "caption"
        case .furniture(.runningHeader): "header"
        case .furniture(.footer): "footer"
        case .textBlock: "text-block"
        }
    }

    /// A line's text as a reader gets it: word runs joined by spaces, a final hyphen glued.
    public static func lineText(_ frame: Frame) -> String {
        var text = ""
        var lastEnd: Double?
        for p in frame.items {
            guard case .text(let run) = p.item else { continue }
            if let end = lastEnd, p.position.x > end + 0.5, !text.isEmpty { text += " " }
            text += run.text
            lastEnd = p.position.x + run.width
        }
        return text
    }

    private static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    /// Pretty-printed JSON with sorted keys: stable bytes for the same layout.
    public func encoded() throws -> [UInt8] { try DataFile.encode(self) }
}
