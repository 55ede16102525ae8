// Finds `#{kind=value attr="…"}` and `#<kind=value …>` in running text.

import GalleyCore

/// A piece of a raw paragraph: running text, or a directive that stands on its own.
enum Segment {
    case text(MappedText)
    case directive(Directive)
}

/// Cuts text at directives. Malformed directives stay in the text, with a warning.
enum DirectiveScanner {
    /// A directive whose closing bracket is further than this (in scalars, from `#`) is taken
    /// as unterminated: a long caption fits, a stray `#{` does not swallow a paragraph.
    static let maximumLength = 200

    /// The attributes a panel draws; any other is kept in the document but reported, since
    /// its text stands on no page.
    static let drawnAttributes: Set<String> = ["caption"]

    /// Splits `text` at its directives.
    static func segments(of text: MappedText, log: inout DiagnosticLog) -> [Segment] {
        let s = text.scalars
        var segments: [Segment] = []
        var textStart = 0
        var closers = CloserFinder()
        var i = 0
        while i + 1 < s.count {
            guard let closer = opening(s, at: i) else {
                i += 1
                continue
            }
            switch parse(s, at: i, closer: closer) {
            case .success(let parsed):
                if textStart < i { segments.append(.text(text[textStart..<i])) }
                let directive = Directive(
                    kind: parsed.kind, id: parsed.id, attributes: parsed.attributes, span: text.span(of: i..<parsed.end))
                segments.append(.directive(directive))
                for name in directive.attributes.keys.sorted() where !drawnAttributes.contains(name) {
                    log.report(
                        .warning(
                            "unused-attribute",
                            "'\(parsed.kind)' has \(name)=\"\(directive.attributes[name] ?? "")\", which galley does not draw (it draws: \(drawnAttributes.sorted().joined(separator: ", ")))",
                            at: directive.span))
                }
                for (name, value) in parsed.ignored {
                    log.report(
                        .warning(
                            "duplicate-attribute",
                            "'\(parsed.kind)' has '\(name)' twice; the first is used and \(name)=\"\(value)\" is not drawn",
                            at: directive.span))
                }
                textStart = parsed.end
                i = parsed.end
            case .failure(var problem):
                let limit = min(s.count, i + maximumLength)
                let closerAt = closers.first(closer, in: s, from: i + 2).flatMap { $0 < limit ? $0 : nil }
                if closerAt == nil { problem = .unterminated(closer) }
                let end = malformedEnd(s, from: i, closerAt: closerAt, limit: limit)
                log.report(
                    .warning(
                        "malformed-directive", "malformed directive: \(problem.message); kept as text",
                        at: text.span(of: i..<end)))
                // Only `#` and the bracket are consumed: a directive that starts inside the
                // malformed one's text is still found.
                i += 2
            }
        }
        if textStart < s.count { segments.append(.text(text[textStart..<s.count])) }
        return segments
    }

    /// Whether `text` holds at least one well-formed directive.
    static func containsDirective(_ text: MappedText) -> Bool {
        let s = text.scalars
        var i = 0
        while i + 1 < s.count {
            if let closer = opening(s, at: i), case .success = parse(s, at: i, closer: closer) { return true }
            i += 1
        }
        return false
    }

    /// The closing bracket when a directive opens at `i`: `#{`, or `#<` followed by a letter
    /// (`#<3` and `#<` alone are text, never meant as directives).
    private static func opening(_ s: [Unicode.Scalar], at i: Int) -> Unicode.Scalar? {
        guard s[i] == "#", i + 1 < s.count else { return nil }
        if s[i + 1] == "{" { return "}" }
        if s[i + 1] == "<", i + 2 < s.count, s[i + 2].properties.isAlphabetic { return ">" }
        return nil
    }

    /// Where a malformed directive's span ends: just past its closing bracket, or for an
    /// unterminated one the end of its `#{kind=value` token; never past a `#` where another
    /// directive may start.
    private static func malformedEnd(_ s: [Unicode.Scalar], from start: Int, closerAt: Int?, limit: Int) -> Int {
        var i = start + 2
        if let closerAt {
            while i <= closerAt, s[i] != "#" { i += 1 }
        } else {
            while i < limit, !s[i].isWhitespace, s[i] != "#", s[i] != "{", s[i] != "<" { i += 1 }
        }
        return i
    }

    struct Parsed {
        var kind: String
        var id: String
        var attributes: [String: String]
        /// Repeated attributes, name and value, in order: the first of each name counts.
        var ignored: [(name: String, value: String)] = []
        /// Index just past the closing bracket.
        var end: Int
    }

    /// What is wrong with a malformed directive; its message says how the right form looks.
    enum Problem: Error {
        case noKind
        case noValue(kind: String)
        case emptyValue(kind: String)
        case bracketInValue(kind: String, bracket: Unicode.Scalar)
        case badAttribute(kind: String)
        case unclosedQuote(kind: String)
        case unterminated(Unicode.Scalar)

        var message: String {
            switch self {
            case .noKind:
                "no kind after the bracket; write it as #{image=123}"
            case .noValue(let kind):
                "'\(kind)' has no '=value'; write it as #{\(kind)=123}"
            case .emptyValue(let kind):
                "'\(kind)' has an empty value after '='; write it as #{\(kind)=123}"
            case .bracketInValue(let kind, let bracket):
                "'\(bracket)' inside the value of '\(kind)'; the value is one word such as an id: write it as #{\(kind)=123}"
            case .badAttribute(let kind):
                "an attribute of '\(kind)' is not name=\"value\"; write it as #{\(kind)=123 caption=\"…\"}"
            case .unclosedQuote(let kind):
                "a quoted attribute value of '\(kind)' is not closed; write it as #{\(kind)=123 caption=\"…\"}"
            case .unterminated(let closer):
                "no closing '\(closer)' within \(maximumLength) characters; close it as in #{image=123}"
            }
        }
    }

    private static let quotePairs: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\"", "'": "'", "“": "”", "«": "»", "„": "“",
    ]

    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.isDigit || c == "_" || c == "-"
    }

    /// Parses the directive starting at `start` (`#`). Looks at most `maximumLength` scalars.
    private static func parse(_ s: [Unicode.Scalar], at start: Int, closer: Unicode.Scalar) -> Result<Parsed, Problem> {
        let limit = min(s.count, start + maximumLength)
        var i = start + 2
        var kind = ""
        while i < limit, isNameScalar(s[i]) {
            kind.unicodeScalars.append(s[i])
            i += 1
        }
        guard !kind.isEmpty else { return .failure(.noKind) }
        kind = kind.lowercased()
        guard i < limit, s[i] == "=" else { return .failure(.noValue(kind: kind)) }
        i += 1
        var id = ""
        while i < limit, !s[i].isWhitespace, s[i] != closer {
            if s[i] == "{" || s[i] == "}" || s[i] == "<" || s[i] == ">" {
                return .failure(.bracketInValue(kind: kind, bracket: s[i]))
            }
            id.unicodeScalars.append(s[i])
            i += 1
        }
        guard !id.isEmpty else { return .failure(.emptyValue(kind: kind)) }
        var attributes: [String: String] = [:]
        var ignored: [(name: String, value: String)] = []
        // Each round reads one attribute or the closing bracket, and consumes at least one scalar.
        while true {
            while i < limit, s[i].isWhitespace { i += 1 }
            guard i < limit else { return .failure(.unterminated(closer)) }
            if s[i] == closer {
                return .success(Parsed(kind: kind, id: id, attributes: attributes, ignored: ignored, end: i + 1))
            }
            var name = ""
            while i < limit, isNameScalar(s[i]) {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            guard !name.isEmpty, i < limit, s[i] == "=" else { return .failure(.badAttribute(kind: kind)) }
            i += 1
            guard i < limit else { return .failure(.unterminated(closer)) }
            var value = ""
            if let close = quotePairs[s[i]] {
                i += 1
                while i < limit, s[i] != close {
                    value.unicodeScalars.append(s[i])
                    i += 1
                }
                guard i < limit else { return .failure(.unclosedQuote(kind: kind)) }
                i += 1
            } else {
                while i < limit, !s[i].isWhitespace, s[i] != closer {
                    value.unicodeScalars.append(s[i])
                    i += 1
                }
            }
            // As in HTML, the first of repeated attributes counts; the others are reported.
            let key = name.lowercased()
            if attributes[key] == nil { attributes[key] = value } else { ignored.append((key, value)) }
        }
    }
}

/// Finds the next closing bracket at or after a position in amortized constant time.
///
/// The scanner asks about positions that only move forward, so the next known position of
/// each bracket is remembered and the text after it is scanned once: a hostile run of
/// 100,000 `#{` costs one pass, not 100,000 scans.
struct CloserFinder {
    private var next: [Unicode.Scalar: Int] = [:]

    /// The index of the first `closer` at or after `from`, or nil.
    mutating func first(_ closer: Unicode.Scalar, in s: [Unicode.Scalar], from: Int) -> Int? {
        var position = next[closer] ?? -1
        if position < from {
            position = from
            while position < s.count, s[position] != closer { position += 1 }
            next[closer] = position
        }
        return position < s.count ? position : nil
    }
}
