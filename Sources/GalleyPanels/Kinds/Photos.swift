// Photo kinds: a picture a column wide, or across all columns.

extension DirectiveKind {
    private static let photoLabels = ["ru": "Фото", "en": "Photo"]

    static let photo = DirectiveKind(
        name: "photo", aliases: ["image"], aspect: 2.0 / 3.0, categoryId: 10, labels: photoLabels
    ) { draw, id, box, canvas in draw.photo(id: id, in: box, on: &canvas) }

    static let bigPhoto = DirectiveKind(
        name: "bigphoto", aliases: ["bigimage"], span: .fullWidth, aspect: 2.0 / 3.0, categoryId: 11, labels: photoLabels
    ) { draw, id, box, canvas in draw.photo(id: id, in: box, on: &canvas) }
}
