import PromQL

/// A warning or info note attached to a query result, like Prometheus's annotations.
public struct Annotation: Hashable, Sendable, CustomStringConvertible {
    /// How serious the note is.
    public enum Severity: String, Hashable, Sendable {
        case warning, info
    }

    public var severity: Severity
    /// The text without prefix or position, e.g. `metric might not be a counter, name does not end in ...`.
    public var message: String
    /// The part of the query the note is about.
    public var span: SourceSpan

    public init(severity: Severity, message: String, span: SourceSpan) {
        self.severity = severity
        self.message = message
        self.span = span
    }

    /// `PromQL warning: <message>` / `PromQL info: <message>`, without position.
    public var description: String {
        (severity == .warning ? "PromQL warning: " : "PromQL info: ") + message
    }

    /// The text as Prometheus's API shows it: `PromQL warning: <message> (<line>:<col>)`, the position
    /// being the start of `span` in `query` (1-based line and byte column).
    public func rendered(query: String) -> String {
        let pos = LineMap(query).position(of: span.start)
        return description + " (\(pos.line):\(pos.column))"
    }
}
