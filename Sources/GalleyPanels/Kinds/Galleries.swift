// Gallery kinds: a grid of photos, a column or half a column wide.

extension DirectiveKind {
    private static let galleryLabels = ["ru": "Галерея", "en": "Gallery"]

    static let gallery = DirectiveKind(
        name: "gallery", aspect: 2.0 / 3.0, categoryId: 13, labels: galleryLabels
    ) { draw, id, box, canvas in draw.gallery(id: id, in: box, on: &canvas) }

    static let smallGallery = DirectiveKind(
        name: "smallgallery", span: .halfColumn, aspect: 0.5, categoryId: 14, labels: galleryLabels
    ) { draw, id, box, canvas in draw.gallery(id: id, in: box, on: &canvas) }
}
