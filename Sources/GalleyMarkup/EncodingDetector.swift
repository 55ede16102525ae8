// Which legacy encoding bytes that are not UTF-8 are in: uchardet, then Russian letter statistics.

internal import CUchardet

/// A guess at a legacy encoding, with what it rests on (for the warning).
struct EncodingGuess: Sendable, Equatable {
    var encoding: InputEncoding
    /// uchardet's answer as it gave it (`WINDOWS-1251`, `IBM866`, …; empty when it had none).
    var detectorAnswer: String
    /// For a Cyrillic guess: the letter score of the winner and of the runner-up, by name.
    var scores: [(name: String, score: Int)] = []

    static func == (a: EncodingGuess, b: EncodingGuess) -> Bool {
        a.encoding == b.encoding && a.detectorAnswer == b.detectorAnswer && a.scores.map(\.score) == b.scores.map(\.score)
    }

    /// Whether uchardet and the letters agree (or only one of them had a say).
    var isSure: Bool {
        guard let best = scores.first else { return true }
        let detected = InputEncoding(name: detectorAnswer)
        let runnerUp = scores.count > 1 ? scores[1].score : Int.min
        return (detected == nil || detected == encoding) && best.score > 0 && best.score >= 2 * max(runnerUp, 0)
    }
}

/// Detection of a legacy encoding, used only once UTF-8 clearly does not fit.
///
/// uchardet tells Cyrillic from Western and other scripts well, but confuses the Cyrillic code
/// pages on short texts; so when the bytes are Cyrillic (uchardet says so, or most non-ASCII
/// bytes stand next to another one, as letters of a word in a Cyrillic script do) every Cyrillic
/// candidate is decoded and the one that reads most like Russian wins (`russianScore`). A
/// Western answer becomes windows-1252 (galley sets Russian and English; windows-1252 is
/// Latin-1's letters plus typographic quotes and dashes); any other answer is taken as uchardet
/// gives it when iconv knows it.
enum EncodingDetector {
    /// The Cyrillic candidates, in the order that wins a tie.
    static let cyrillic: [InputEncoding] = [.windows1251, .koi8r, .ibm866, .iso88595, .macCyrillic]

    /// uchardet's answers for Latin-script single-byte encodings, read as windows-1252.
    static let western: Set<String> = [
        "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-9", "ISO-8859-10", "ISO-8859-13",
        "ISO-8859-15", "ISO-8859-16", "WINDOWS-1250", "WINDOWS-1252", "WINDOWS-1254", "WINDOWS-1257",
        "WINDOWS-1258", "MAC-CENTRALEUROPE", "ASCII", "",
    ]

    static func guess(_ sample: ArraySlice<UInt8>) -> EncodingGuess {
        let answer = detectorAnswer(sample)
        let detected = InputEncoding(name: answer)
        if (detected.map(cyrillic.contains) ?? false) || answer == "MAC-CYRILLIC" || highBytesFormWords(sample) {
            let scored = cyrillic.map { encoding in
                let text = (try? Iconv.decode(sample, from: encoding, lenient: true).text) ?? ""
                return (encoding: encoding, score: russianScore(text))
            }
            // Highest score first; among equals, uchardet's answer, then the list's order.
            let ranked = scored.enumerated().sorted { a, b in
                if a.element.score != b.element.score { return a.element.score > b.element.score }
                if (a.element.encoding == detected) != (b.element.encoding == detected) { return a.element.encoding == detected }
                return a.offset < b.offset
            }.map(\.element)
            return EncodingGuess(
                encoding: ranked[0].encoding, detectorAnswer: answer,
                scores: ranked.prefix(2).map { ($0.encoding.name, $0.score) })
        }
        if western.contains(answer.uppercased()) || detected == nil || detected == .utf8 {
            return EncodingGuess(encoding: .windows1252, detectorAnswer: answer)
        }
        return EncodingGuess(encoding: detected!, detectorAnswer: answer)
    }

    /// uchardet's name for the sample's encoding, empty when it has none.
    static func detectorAnswer(_ sample: ArraySlice<UInt8>) -> String {
        guard let detector = uchardet_new() else { return "" }
        defer { uchardet_delete(detector) }
        let status = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { uchardet_handle_data(detector, $0.baseAddress, $0.count) }
        }
        guard status == 0 else { return "" }
        uchardet_data_end(detector)
        guard let name = uchardet_get_charset(detector) else { return "" }
        return String(cString: name)
    }

    /// Whether most non-ASCII bytes have a non-ASCII neighbour: words written in a script
    /// whose letters are all non-ASCII (Cyrillic in any code page) rather than Latin text
    /// with an accented letter here and there (`Café`, `München`).
    static func highBytesFormWords(_ sample: ArraySlice<UInt8>) -> Bool {
        var high = 0
        var paired = 0
        var previousHigh = false
        var index = sample.startIndex
        while index < sample.endIndex {
            let isHigh = sample[index] >= 0x80
            if isHigh {
                high += 1
                let nextHigh = index + 1 < sample.endIndex && sample[index + 1] >= 0x80
                if previousHigh || nextHigh { paired += 1 }
            }
            previousHigh = isHigh
            index += 1
        }
        return high > 0 && paired * 2 > high
    }

    /// How Russian a text looks. Lowercase Russian letters score (the ten most frequent
    /// most); a capital scores at the start of a word, nothing after another capital (РИА),
    /// and costs inside a lowercase word; Cyrillic letters Russian does not use and
    /// box-drawing characters cost. Russian in the wrong code page comes out as capitals
    /// inside words (KOI8-R's lowercase are cp1251's capitals), as letters of other
    /// Cyrillic languages or symbols (MacCyrillic's capitals in cp1251), or as box drawing
    /// (cp1251 in KOI8-R), so the right decoding scores far higher.
    static func russianScore(_ text: String) -> Int {
        var score = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x2500...0x259F).contains(v) {
                score -= 3
            } else if isRussianLowercase(v) {
                score += frequentLowercase.contains(scalar) ? 3 : 1
            } else if (0x0410...0x042F).contains(v) || v == 0x0401 {
                if isRussianLowercase(previous.value) {
                    score -= 2
                } else if !(0x0410...0x042F).contains(previous.value) && previous.value != 0x0401 {
                    score += 1
                }
            } else if (0x0400...0x04FF).contains(v) {
                score -= 2
            }
            previous = scalar
        }
        return score
    }

    private static func isRussianLowercase(_ v: UInt32) -> Bool { (0x0430...0x044F).contains(v) || v == 0x0451 }

    /// The most frequent letters of Russian text, about half of all letters written.
    private static let frequentLowercase: Set<Unicode.Scalar> = ["о", "е", "а", "и", "н", "т", "с", "р", "в", "л"]
}
