/// Why `labctl serve` could not start or reload: the message and, for configuration errors, every
/// diagnostic rendered as `file:line:col: error: [code] message`.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// Rendered diagnostics (empty for other failures).
    public var details: [String]

    public init(_ message: String, details: [String] = []) {
        self.message = message
        self.details = details
    }

    public var description: String {
        details.isEmpty ? message : ([message] + details.map { "  " + $0 }).joined(separator: "\n")
    }
}
