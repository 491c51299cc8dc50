import Diagnostics

/// A syntax error in a test script, with its position. Codes are `promql-test/...`.
public struct PromQLTestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code, such as `promql-test/invalid-command`.
    public let code: String
    public let message: String
    public let location: SourceLocation

    public init(_ code: String, _ message: String, at location: SourceLocation) {
        self.code = code.hasPrefix("promql-test/") ? code : "promql-test/" + code
        self.message = message
        self.location = location
    }

    /// The error as a diagnostic.
    public var diagnostic: Diagnostic { .error(code, message, at: location) }

    public var description: String { diagnostic.description }
}
