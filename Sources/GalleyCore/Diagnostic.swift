// Problems found on the way, as values that travel beside the output.

/// A warning or error about the input, with where it applies.
///
/// Stages never print or throw for problems in the input: they return diagnostics next to
/// their result, and the command line decides how to show them.
public struct Diagnostic: Hashable, Codable, Sendable {
    public enum Severity: String, Codable, Sendable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    public var severity: Severity
    /// A stable identifier for programs (`malformed-directive`, `lost-paragraph-breaks`, …).
    public var code: String
    public var message: String
    /// Where in the decoded input it applies; nil for the file as a whole.
    public var span: SourceSpan?

    public init(_ severity: Severity, code: String, _ message: String, span: SourceSpan? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
    }

    public static func warning(_ code: String, _ message: String, at span: SourceSpan? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message, span: span)
    }
    public static func error(_ code: String, _ message: String, at span: SourceSpan? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message, span: span)
    }

    /// `path:line:col: warning: message`, the form compilers use and editors understand.
    public func formatted(in file: SourceFile) -> String {
        let location = span.map { file.location(of: $0.start) } ?? SourceLocation(line: 1, column: 1)
        return "\(file.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}
