// The poll kind: a readers' poll drawn as its question, answer bars with shares, and a vote count.

import GalleyCore

extension DirectiveKind {
    static let poll = DirectiveKind(
        name: "poll", aspect: 2.0 / 3.0, categoryId: 16, labels: ["ru": "Опрос", "en": "Poll"]
    ) { draw, id, box, canvas in draw.poll(id: id, in: box, on: &canvas) }
}

extension Placeholders {
    /// A question with its answers, in the article's language; the id picks which.
    private struct PollText {
        let question: String
        let answers: [String]
    }

    private static let polls: [String: [PollText]] = [
        "ru": [
            PollText(question: "Как вы оцениваете это решение?", answers: ["Поддерживаю", "Скорее поддерживаю", "Против", "Затрудняюсь ответить"]),
            PollText(question: "Пользуетесь ли вы этой услугой?", answers: ["Да, регулярно", "Иногда", "Нет, но собираюсь", "Нет"]),
            PollText(question: "Что городу нужно в первую очередь?", answers: ["Дороги", "Транспорт", "Парки и набережные", "Жильё"]),
        ],
        "en": [
            PollText(question: "What do you make of the decision?", answers: ["I support it", "Mostly support it", "I oppose it", "Not sure"]),
            PollText(question: "Do you use the service?", answers: ["Yes, often", "Sometimes", "Not yet, but I will", "No"]),
            PollText(question: "What should the city fund first?", answers: ["Roads", "Public transport", "Parks and waterfront", "Housing"]),
        ],
    ]

    /// A readers' poll: the question in bold, then one row per answer (its text, its share in
    /// bold at the right, a bar of that share on a light track; the leading answer in the
    /// first palette colour), and the number of votes below. Rows share the room there is
    /// (the whole centred when it is ample); a short box shows fewer answers (at least two).
    func poll(id: String, in box: Rect, on canvas: inout Canvas) {
        var random = SeededRandom(seed: "poll:" + id)
        let ru = language == "ru"
        let text = random.pick(Self.polls[ru ? "ru" : "en"]!)
        canvas.rect(box, fill: style.paper)
        // Type a size smaller in a narrow panel (a newspaper column), larger across a page.
        let step = box.width < 260 ? -1.0 : box.width > 400 ? 1.0 : 0
        let pad = min(12, box.width * 0.05) + max(0, step) * 6
        let inner = box.width - 2 * pad
        let questionSize = style.titleSize + step * 1.5
        let answerSize = style.textSize + 1.5 + step
        let questionStyle = style.style(questionSize, bold: true, language: language)
        let answerStyle = style.style(answerSize, language: language)
        let shareStyle = style.style(answerSize, bold: true, language: language)
        let footStyle = style.style(style.textSize + max(0, step), color: style.muted, language: language)

        let question = Array(canvas.wrap(text.question, style: questionStyle, width: inner - markWidth(on: canvas) - 4).prefix(3))
        let questionHeight = questionSize * (0.8 + 1.25 * Double(question.count)) + answerSize * 0.8
        let footHeight = footStyle.size * 2.2
        let room = box.height - 2 * pad - questionHeight - footHeight
        let minimumRow = answerSize * 2.4
        let count = max(2, min(4, Int(room / minimumRow)))
        let row = min(answerSize * 3.4, max(minimumRow, room / Double(count)))
        // What does not need all the room stands in the middle of it.
        var y = box.minY + pad + max(0, room - row * Double(count)) / 2 + questionSize * 0.8
        for line in question {
            canvas.text(line, style: questionStyle, at: Point(x: box.minX + pad, y: y))
            y += questionSize * 1.25
        }
        let rowsStart = y - questionSize * 0.8 + answerSize * 0.8

        // Shares in whole per cent that add up to 100.
        let weights = (0..<count).map { k in random.double(in: 0.2...1) * (k == 0 ? 1.6 : 1) }
        let total = weights.reduce(0, +)
        var shares = weights.map { Int(($0 / total * 100).rounded(.down)) }
        shares[0] += 100 - shares.reduce(0, +)
        let leader = shares.indices.max { shares[$0] < shares[$1] } ?? 0
        let barHeight = max(3, min(7, row * 0.22))
        for k in 0..<count {
            let top = rowsStart + row * Double(k)
            let baseline = top + answerStyle.size * 1.1
            let share = "\(shares[k])\u{202F}%"
            let shareWidth = canvas.text(share, style: shareStyle, at: Point(x: box.maxX - pad, y: baseline), align: .right)
            let answer = canvas.fitting(text.answers[k], style: answerStyle, width: inner - shareWidth - 6)
            canvas.text(answer, style: answerStyle, at: Point(x: box.minX + pad, y: baseline))
            let bar = Rect(x: box.minX + pad, y: baseline + answerStyle.size * 0.45, width: inner, height: barHeight)
            canvas.rect(bar, fill: style.grid)
            canvas.rect(
                Rect(x: bar.minX, y: bar.minY, width: bar.width * Double(shares[k]) / 100, height: barHeight),
                fill: k == leader ? style.palette[0] : style.palette[5].lightened(by: 0.25))
        }
        let votes = random.int(in: 120...4800)
        let count_ = NumberText.format(Double(votes), decimals: 0, language: language)
        let footY = rowsStart + row * Double(count) + footStyle.size * 1.2
        canvas.text(
            ru ? "Проголосовали: \(count_)" : "\(count_) votes", style: footStyle, at: Point(x: box.minX + pad, y: footY))
    }
}
