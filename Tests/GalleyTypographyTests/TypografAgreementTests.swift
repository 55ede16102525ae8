// galley's normalization against typograf's own test cases (Tests/TypografCases): agreement per group.

import Foundation
import GalleyCore
import GalleyTypography
import Testing

/// One of typograf's cases: an input and typograf's expected output.
struct TypografCase: Decodable {
    var group: String
    var rule: String
    var locale: String
    var `in`: String
    var out: String
    /// Why galley differs on purpose (docs/typography.md), or nil.
    var differs: String?

    /// Every case of the data file (lines starting with `#` are its header).
    static func all() throws -> [TypografCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../TypografCases/typograf-ru.jsonl").standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            try JSONDecoder().decode(TypografCase.self, from: Data($0.utf8))
        }
    }

    /// galley's result: each line of the input normalized as one paragraph, in the case's
    /// language, by galley's rules for the same custom (`rules`).
    var galley: String {
        let normalizer = TypographyNormalizer(language: locale.hasPrefix("ru") ? "ru" : "en", rules: rules)
        return self.in.split(separator: "\n", omittingEmptySubsequences: false)
            .map { normalizer.normalized(MappedText($0)).string }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// galley's rules that set the custom typograf's rule sets. typograf's tests run each rule
    /// alone (its expected output leaves alone what other rules would change), so galley runs
    /// its counterpart alone too; white space is always collapsed. The `full` group is
    /// typograf's whole default set against all of galley's rules.
    var rules: TypographyRules {
        switch rule {
        case "ru/nbsp/abbr", "ru/nbsp/addr", "ru/nbsp/centuries", "ru/nbsp/see", "ru/nbsp/years": .abbreviations
        case "ru/nbsp/afterNumberSign", "common/nbsp/afterNumber", "common/nbsp/afterParagraphMark",
            "common/nbsp/afterSectionMark":
            .numbers
        case "ru/nbsp/beforeParticle": .particles
        case "ru/nbsp/initials", "ru/nbsp/ps": .initials
        case "common/nbsp/afterShortWordByList": .shortWords
        case "common/nbsp/beforeShortLastNumber", "common/nbsp/beforeShortLastWord": .lastWord
        case "ru/punctuation/hellipQuestion": [.ellipsis, .punctuation]
        case "ru/punctuation/exclamation", "common/punctuation/delDoublePunctuation": .punctuation
        case "common/punctuation/hellip": .ellipsis
        case "common/punctuation/apostrophe", "common/punctuation/quote": .quotes
        default:
            switch group {
            case "dash": .dashes
            case "space": .punctuationSpacing
            case "full": .all
            default: []
            }
        }
    }

    /// Whether galley's result is typograf's, character for character, each line trimmed and
    /// blank lines dropped (a paragraph has no white space at its ends).
    var agrees: Bool { trimmed(galley) == trimmed(out) }

    private func trimmed(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}

@Suite("normalization: agreement with typograf's cases")
struct TypografAgreementTests {
    @Test("galley gives typograf's result in at least 80 % of its print cases; every group is printed")
    func agreement() throws {
        let cases = try TypografCase.all()
        #expect(cases.count > 250)
        var lines: [String] = []
        let groups = ["nbsp", "dash", "quote", "punctuation", "space", "symbols", "full"]
        for group in groups + ["all"] {
            let inGroup = cases.filter { group == "all" || $0.group == group }
            let agreed = inGroup.filter(\.agrees).count
            let deliberate = inGroup.filter { !$0.agrees && $0.differs != nil }.count
            let share = 100 * Double(agreed) / Double(inGroup.count)
            let withoutDeliberate = 100 * Double(agreed) / Double(inGroup.count - inGroup.filter { $0.differs != nil }.count)
            lines.append(
                "\(group.padding(toLength: 12, withPad: " ", startingAt: 0)) \(agreed)/\(inGroup.count) = "
                    + String(format: "%.1f %%", share) + "  (differs on purpose: \(deliberate); "
                    + String(format: "%.1f %% of the rest", withoutDeliberate) + ")")
        }
        print("typograf agreement by group\n" + lines.joined(separator: "\n"))
        if ProcessInfo.processInfo.environment["GALLEY_TYPOGRAF_DIFF"] != nil {
            for c in cases where !c.agrees {
                let show = { (s: String) in
                    s.replacingOccurrences(of: "\u{00A0}", with: "~").replacingOccurrences(of: "\u{202F}", with: "^")
                        .replacingOccurrences(of: "\n", with: "⏎")
                }
                print("[\(c.group) \(c.rule)\(c.differs == nil ? "" : " DELIBERATE")]\n  in:  \(show(c.in))\n  typ: \(show(c.out))\n  gal: \(show(c.galley))")
            }
        }
        let agreed = cases.filter(\.agrees).count
        #expect(Double(agreed) / Double(cases.count) >= 0.80, "agreement \(agreed)/\(cases.count)")
    }

    @Test("every case galley differs on purpose is named in docs/typography.md with its rule")
    func deliberateDifferencesAreDocumented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/typography.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        for rule in Set(try TypografCase.all().filter { $0.differs != nil }.map(\.rule)) {
            #expect(text.contains("`\(rule)`"), "docs/typography.md does not name \(rule)")
        }
    }
}
