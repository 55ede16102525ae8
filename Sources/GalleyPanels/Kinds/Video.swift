// The video kind: a 16:9 frame with a play button.

extension DirectiveKind {
    static let video = DirectiveKind(
        name: "video", aliases: ["movie"], aspect: 9.0 / 16.0, categoryId: 12, labels: ["ru": "Видео", "en": "Video"]
    ) { draw, id, box, canvas in draw.video(id: id, in: box, on: &canvas) }
}
