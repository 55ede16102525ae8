// Pages as a layout dataset: the boxes of the layout JSON as COCO object-detection annotations.

import GalleyRender

/// A COCO annotation file (`--emit coco`): the PNG pages of one article or a whole batch as
/// images, every box of their layout JSON as an annotation in pixels, and galley's fixed
/// categories (`CocoCategory.all`).
///
/// Everything in it follows from the pages: ids count up in the order the articles are given
/// (a batch gives them sorted by input key), pages in order, boxes in layout JSON order, and
/// the date is the reproducible one of the PDFs, so the same pages give the same bytes.
public struct CocoDataset: Codable, Sendable {
    public struct Info: Codable, Sendable {
        public var description: String
        public var version: String
        public var year: Int
        public var contributor: String
        public var url: String
        public var dateCreated: String

        enum CodingKeys: String, CodingKey {
            case description, version, year, contributor, url
            case dateCreated = "date_created"
        }
    }

    public struct Image: Codable, Sendable {
        public var id: Int
        /// Relative to the COCO file's folder.
        public var fileName: String
        public var width: Int
        public var height: Int

        enum CodingKeys: String, CodingKey {
            case id, width, height
            case fileName = "file_name"
        }
    }

    public struct Annotation: Codable, Sendable {
        public var id: Int
        public var imageId: Int
        public var categoryId: Int
        /// `[x, y, width, height]` in pixels from the image's top left.
        public var bbox: [Double]
        public var area: Double
        /// The box as a polygon, for tools that read masks.
        public var segmentation: [[Double]]
        public var iscrowd: Int
        public var attributes: Attributes?

        enum CodingKeys: String, CodingKey {
            case id, bbox, area, segmentation, iscrowd, attributes
            case imageId = "image_id"
            case categoryId = "category_id"
        }
    }

    /// What links an annotation back to the article: the paragraph of a paragraph or a line,
    /// the directive of a panel.
    public struct Attributes: Codable, Sendable, Hashable {
        /// Index of the block in the document; -1 headline, -2 footnotes (as in the layout JSON).
        public var paragraph: Int?
        /// The directive's kind as written (`image`, `movie`, …).
        public var directive: String?
        /// The directive's id.
        public var id: String?
        /// Whether the panel is a generated placeholder.
        public var generated: Bool?
    }

    /// One article's pages: its layout and the PNG file of each page, in page order (not the
    /// typeset `Article`, of which it holds only what the dataset needs).
    public struct ArticlePages: Sendable {
        public var layout: LayoutJSON
        public var images: [PageImage]
        public init(layout: LayoutJSON, images: [PageImage]) {
            self.layout = layout
            self.images = images
        }
    }

    /// A PNG page: its file name relative to the COCO file, and its size as written.
    public struct PageImage: Sendable, Hashable {
        public var fileName: String
        public var size: PNGSize
        public init(fileName: String, size: PNGSize) {
            self.fileName = fileName
            self.size = size
        }
    }

    public var info: Info
    public var images: [Image]
    public var annotations: [Annotation]
    public var categories: [CocoCategory]

    /// The dataset of `articles`' pages at `dpi` (the dpi the PNGs were rendered at: layout
    /// boxes are in points, scaled by dpi/72 and clipped to the image). Boxes with no area
    /// after clipping are left out.
    public init(articles: [ArticlePages], dpi: Double, version: String, date: String = DocumentMetadata.reproducibleDate()) {
        let templates = Set(articles.map(\.layout.template)).sorted().joined(separator: ", ")
        info = Info(
            description: "Pages typeset by galley (template \(templates.isEmpty ? "none" : templates)) and their boxes",
            version: version, year: Int(date.prefix(4)) ?? 2000, contributor: "galley", url: "", dateCreated: date)
        categories = CocoCategory.all
        images = []
        annotations = []
        let scale = dpi / 72
        for article in articles {
            for (page, file) in zip(article.layout.pages, article.images) {
                let image = Image(id: images.count + 1, fileName: file.fileName, width: file.size.width, height: file.size.height)
                images.append(image)
                for box in page.boxes {
                    guard let category = CocoCategory.id(for: box),
                        let bbox = Self.pixels(box.box, scale: scale, within: file.size)
                    else { continue }
                    let (x, y, w, h) = (bbox[0], bbox[1], bbox[2], bbox[3])
                    annotations.append(
                        Annotation(
                            id: annotations.count + 1, imageId: image.id, categoryId: category, bbox: bbox,
                            area: Self.hundredths(w * h), segmentation: [[x, y, x + w, y, x + w, y + h, x, y + h].map(Self.hundredths)],
                            iscrowd: 0, attributes: Self.attributes(of: box)))
                }
            }
        }
    }

    /// A box in points as `[x, y, width, height]` in pixels, clipped to the image, to hundredths
    /// of a pixel; nil when nothing of it is left.
    static func pixels(_ box: [Double], scale: Double, within size: PNGSize) -> [Double]? {
        guard box.count == 4 else { return nil }
        let x0 = hundredths(min(max(box[0] * scale, 0), Double(size.width)))
        let y0 = hundredths(min(max(box[1] * scale, 0), Double(size.height)))
        let x1 = hundredths(min(max((box[0] + box[2]) * scale, 0), Double(size.width)))
        let y1 = hundredths(min(max((box[1] + box[3]) * scale, 0), Double(size.height)))
        guard x1 > x0, y1 > y0 else { return nil }
        return [x0, y0, hundredths(x1 - x0), hundredths(y1 - y0)]
    }

    private static func attributes(of box: LayoutJSON.Box) -> Attributes? {
        let attributes = Attributes(
            paragraph: box.kind == "panel" ? nil : box.paragraph, directive: box.panelKind, id: box.panelId,
            generated: box.generated)
        return attributes == Attributes() ? nil : attributes
    }

    private static func hundredths(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    /// Compact JSON (a dataset of thousands of pages is read by programs, not people).
    public func encoded() throws -> [UInt8] { try DataFile.encode(self, compact: true) }
}
