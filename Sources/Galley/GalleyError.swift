// Errors that stop an article from rendering, with the exit status they map to.

/// A failure that stops one input from rendering (the input is refused or cannot be written).
public struct GalleyError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// The input cannot be rendered (binary, too large, undecodable): exit 1.
        case input
        /// An output could not be written: exit 1.
        case output
        /// A usage, template or configuration problem: exit 2.
        case usage
    }
    public var kind: Kind
    /// The input or output the error is about, when there is one.
    public var path: String?
    public var message: String
    public init(_ kind: Kind, _ message: String, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
    }
    /// `path: error: message`, or `galley: error: message` when no file is concerned.
    public var description: String { "\(path ?? "galley"): error: \(message)" }
    /// The process exit status for this error: 2 for usage errors, 1 otherwise.
    public var exitStatus: Int32 { kind == .usage ? 2 : 1 }
}
