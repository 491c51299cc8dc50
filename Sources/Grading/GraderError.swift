import Diagnostics

/// A fault of the grader's inputs (a broken scenario or reference in the lab spec, a limit hit while
/// grading): reported as a grader error, shown to the instructor, never counted against the student.
public struct GraderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Where in the lab spec the fault is, when known.
    public var location: SourceLocation?

    public init(_ message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
