// Numbers as text without locale services: the same digits on every machine.

/// Numbers printed without locale services: a decimal comma in Russian, a point in English,
/// a thin grouping of thousands by a no-break space (ru) or comma (en).
enum NumberText {
    /// A share in percent, the sign set off by a no-break space as both languages' style guides ask.
    static func percent(_ value: Double, language: String) -> String {
        format(value, decimals: 0, language: language) + "\u{00A0}%"
    }

    static func format(_ value: Double, decimals: Int, language: String) -> String {
        guard value.isFinite else { return "–" }
        let russian = language == "ru"
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // Clamped so that absurd values (1e300 in a JSON file) print instead of trapping.
        let rounded = Int64(min((abs(value) * scale).rounded(), 9e15))
        let whole = rounded / Int64(scale)
        let fraction = rounded % Int64(scale)
        let negative = value < 0 && rounded > 0
        var digits = String(whole)
        if whole >= 10_000 {
            var grouped = ""
            for (k, c) in digits.reversed().enumerated() {
                if k > 0 && k % 3 == 0 { grouped.append(russian ? "\u{00A0}" : ",") }
                grouped.append(c)
            }
            digits = String(grouped.reversed())
        }
        var text = (negative ? "−" : "") + digits
        if decimals > 0 {
            var f = String(fraction)
            while f.count < decimals { f = "0" + f }
            text += (russian ? "," : ".") + f
        }
        return text
    }
}
