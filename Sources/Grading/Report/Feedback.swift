import Diagnostics

/// One piece of feedback of a check: what is wrong (or right), where, and how to fix it.
public struct Feedback: Sendable, Hashable {
    /// The message, already in the report's language.
    public var message: String
    /// Where in the submission the problem is (the student's rule, query or file), when known.
    public var location: SourceLocation?
    /// Further lines: the fix, expected against actual values.
    public var notes: [String]

    public init(_ message: String, location: SourceLocation? = nil, notes: [String] = []) {
        self.message = message
        self.location = location
        self.notes = notes
    }
}
