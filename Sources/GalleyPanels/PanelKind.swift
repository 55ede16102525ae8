// The registry of directive kinds: how wide each panel is, how tall, and what it is called.

/// How a panel sits in the text block.
public enum PanelSpan: Sendable, Hashable {
    /// Across the whole text width (all columns).
    case fullWidth
    /// One column wide.
    case column
    /// Half a column wide.
    case halfColumn
}

/// What a directive kind draws.
public enum PanelKind: Sendable, Hashable {
    case bigInfographic, infographic, smallInfographic
    case photo, bigPhoto
    case video
    case gallery, smallGallery
    /// A kind galley does not know: a generic labelled panel (and a warning).
    case other(String)

    /// The kind of a directive, by its (lowercased) name.
    public init(_ name: String) {
        switch name.lowercased() {
        case "biginfographic": self = .bigInfographic
        case "infographic": self = .infographic
        case "smallinfographic": self = .smallInfographic
        case "image", "photo": self = .photo
        case "bigphoto", "bigimage": self = .bigPhoto
        case "movie", "video": self = .video
        case "gallery": self = .gallery
        case "smallgallery": self = .smallGallery
        default: self = .other(name)
        }
    }

    /// The kinds galley knows, in a fixed order. Data files number them in this order (the
    /// COCO categories), so a new kind goes at the end.
    public static let known: [PanelKind] = [
        .bigInfographic, .infographic, .smallInfographic, .photo, .bigPhoto, .video, .gallery, .smallGallery,
    ]

    /// The kind's canonical name: `photo` for both `image` and `photo`, `video` for `movie`;
    /// an unknown kind keeps the name it was written with.
    public var name: String {
        switch self {
        case .bigInfographic: "biginfographic"
        case .infographic: "infographic"
        case .smallInfographic: "smallinfographic"
        case .photo: "photo"
        case .bigPhoto: "bigphoto"
        case .video: "video"
        case .gallery: "gallery"
        case .smallGallery: "smallgallery"
        case .other(let name): name
        }
    }

    public var span: PanelSpan {
        switch self {
        case .bigInfographic, .bigPhoto: .fullWidth
        case .smallInfographic, .smallGallery: .halfColumn
        default: .column
        }
    }

    /// Height of the drawing area over its width.
    public var aspect: Double {
        switch self {
        case .bigInfographic, .infographic: 0.75
        case .smallInfographic: 0.8
        case .photo, .bigPhoto, .gallery: 2.0 / 3.0
        case .video: 9.0 / 16.0
        case .smallGallery: 0.5
        case .other: 0.4
        }
    }

    public var isInfographic: Bool {
        switch self {
        case .bigInfographic, .infographic, .smallInfographic: true
        default: false
        }
    }

    /// The label printed on the panel, in the article's language.
    public func label(language: String) -> String {
        let russian = language == "ru"
        switch self {
        case .bigInfographic, .infographic, .smallInfographic: return russian ? "Инфографика" : "Infographic"
        case .photo, .bigPhoto: return russian ? "Фото" : "Photo"
        case .video: return russian ? "Видео" : "Video"
        case .gallery, .smallGallery: return russian ? "Галерея" : "Gallery"
        case .other: return russian ? "Материал" : "Media"
        }
    }
}
