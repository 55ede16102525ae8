// Infographic kinds: generated charts of three sizes.

extension DirectiveKind {
    private static let infographicLabels = ["ru": "Инфографика", "en": "Infographic"]

    /// Across all columns.
    static let bigInfographic = DirectiveKind(
        name: "biginfographic", span: .fullWidth, aspect: 0.75, categoryId: 7, labels: infographicLabels
    ) { draw, id, box, canvas in draw.chart(id: id, in: box, on: &canvas) }

    static let infographic = DirectiveKind(
        name: "infographic", aspect: 0.75, categoryId: 8, labels: infographicLabels
    ) { draw, id, box, canvas in draw.chart(id: id, in: box, on: &canvas) }

    /// Half a column.
    static let smallInfographic = DirectiveKind(
        name: "smallinfographic", span: .halfColumn, aspect: 0.8, categoryId: 9, labels: infographicLabels
    ) { draw, id, box, canvas in draw.chart(id: id, in: box, on: &canvas) }
}
