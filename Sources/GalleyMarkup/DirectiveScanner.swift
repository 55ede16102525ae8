// Finds `#{kind=value attr="…"}` and `#<kind=value …>` in running text.

import GalleyCore

/// A piece of a raw paragraph: running text, or a directive that stands on its own.
enum Segment {
    case text(MappedText)
    case directive(Directive)
}

/// Cuts text at directives. Malformed directives stay in the text, with a warning.
enum DirectiveScanner {
    /// A directive longer than this (in scalars) is taken as unterminated.
    static let maximumLength = 200

    static func segments(of text: MappedText, diagnostics: inout [Diagnostic]) -> [Segment] {
        let s = text.scalars
        var segments: [Segment] = []
        var textStart = 0
        var i = 0
        while i + 1 < s.count {
            guard s[i] == "#", s[i + 1] == "{" || s[i + 1] == "<" else {
                i += 1
                continue
            }
            let closer: Unicode.Scalar = s[i + 1] == "{" ? "}" : ">"
            // `#<` followed by no letter (`#<3`) is not meant as a directive: plain text.
            if closer == ">", !(i + 2 < s.count && s[i + 2].properties.isAlphabetic) {
                i += 2
                continue
            }
            switch parse(s, at: i, closer: closer) {
            case .success(let (kind, id, attributes, end)):
                if textStart < i { segments.append(.text(text[textStart..<i])) }
                segments.append(.directive(Directive(kind: kind, id: id, attributes: attributes, span: text.span(of: i..<end))))
                textStart = end
                i = end
            case .failure(let problem):
                let end = min(problem.end, s.count)
                diagnostics.append(
                    .warning(
                        "malformed-directive",
                        "malformed directive (\(problem.message)); kept as text. A directive looks like #{image=123} or #{image=123 caption=\"…\"}",
                        at: text.span(of: i..<max(i + 2, end))))
                i += 2
            }
        }
        if textStart < s.count { segments.append(.text(text[textStart..<s.count])) }
        return segments
    }

    struct Problem: Error {
        var message: String
        var end: Int
    }

    /// Parses the directive starting at `start` (`#`), returning its parts and the index after it.
    private static func parse(_ s: [Unicode.Scalar], at start: Int, closer: Unicode.Scalar) -> Result<
        (String, String, [String: String], Int), Problem
    > {
        let limit = min(s.count, start + maximumLength)
        var i = start + 2
        // Kind: letters, digits, _ and -.
        var kind = ""
        while i < limit, s[i].properties.isAlphabetic || s[i].isDigit || s[i] == "_" || s[i] == "-" {
            kind.unicodeScalars.append(s[i])
            i += 1
        }
        guard !kind.isEmpty else { return .failure(Problem(message: "no kind after '#\(s[start + 1])'", end: i + 1)) }
        guard i < limit, s[i] == "=" else {
            return .failure(Problem(message: "'\(kind)' has no '=value'", end: i))
        }
        i += 1
        var id = ""
        while i < limit, !s[i].isWhitespaceLike, s[i] != closer {
            if s[i] == "{" || s[i] == "}" || s[i] == "<" || s[i] == ">" || s[i] == "#" {
                return .failure(Problem(message: "'\(s[i])' inside the value of '\(kind)'", end: i + 1))
            }
            id.unicodeScalars.append(s[i])
            i += 1
        }
        guard !id.isEmpty else { return .failure(Problem(message: "'\(kind)' has an empty value", end: i + 1)) }
        var attributes: [String: String] = [:]
        while true {
            while i < limit, s[i].isHorizontalSpace { i += 1 }
            guard i < limit else { return .failure(Problem(message: "no closing '\(closer)'", end: limit)) }
            if s[i] == closer { return .success((kind.lowercased(), id, attributes, i + 1)) }
            var name = ""
            while i < limit, s[i].properties.isAlphabetic || s[i].isDigit || s[i] == "_" || s[i] == "-" {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            guard !name.isEmpty, i < limit, s[i] == "=" else {
                return .failure(Problem(message: "an attribute must be name=\"value\"", end: i + 1))
            }
            i += 1
            guard i < limit else { return .failure(Problem(message: "no closing '\(closer)'", end: limit)) }
            var value = ""
            let quotes: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "'": "'", "“": "”", "«": "»", "„": "“"]
            if let close = quotes[s[i]] {
                i += 1
                while i < limit, s[i] != close {
                    value.unicodeScalars.append(s[i])
                    i += 1
                }
                guard i < limit else { return .failure(Problem(message: "an attribute's quote is not closed", end: limit)) }
                i += 1
            } else {
                while i < limit, !s[i].isWhitespaceLike, s[i] != closer {
                    value.unicodeScalars.append(s[i])
                    i += 1
                }
            }
            attributes[name.lowercased()] = value
        }
    }
}
