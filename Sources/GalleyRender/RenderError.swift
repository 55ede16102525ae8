// Why rendering failed: a value with a message a user can act on.

/// A failure to produce an output file.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
