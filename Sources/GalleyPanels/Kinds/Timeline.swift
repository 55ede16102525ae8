// The timeline kind: dated events on a line (the chart drawer's timeline), from chart data or generated.

extension DirectiveKind {
    /// A timeline a column wide. With a chart data file for its id (`"type": "timeline"`) the
    /// article's own events are drawn; otherwise generated ones, marked «макет».
    static let timeline = DirectiveKind(
        name: "timeline", aspect: 0.5, categoryId: 17, labels: ["ru": "Хронология", "en": "Timeline"]
    ) { draw, id, box, canvas in draw.chart(id: id, family: .timeline, in: box, on: &canvas) }
}
