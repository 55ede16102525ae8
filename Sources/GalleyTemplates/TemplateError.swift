// A problem in a template file, with the line and column to fix.

/// A template that cannot be used: `templates/x.toml:12:5: error: …` (exit status 2).
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
