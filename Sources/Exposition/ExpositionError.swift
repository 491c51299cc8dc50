import Diagnostics

/// A parse error in an exposition, with its position. Codes are `exposition/...`.
public struct ExpositionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code, such as `exposition/invalid-escape`.
    public let code: String
    /// What is wrong, one line.
    public let message: String
    /// 1-based line and column.
    public let location: SourceLocation
    /// Related positions (the first of two duplicate lines, the start of a family, ...).
    public let notes: [Diagnostic.Note]

    /// An error with `code` (prefixed with `exposition/` when it lacks it), `message` and position.
    public init(_ code: String, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        self.code = code.hasPrefix("exposition/") ? code : "exposition/" + code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The error as a diagnostic.
    public var diagnostic: Diagnostic { .error(code, message, at: location, notes: notes) }

    /// The diagnostic as text, `file:line:col: error: ...`.
    public var description: String { diagnostic.description }
}
