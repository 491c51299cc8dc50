import Diagnostics

/// An error from parsing or executing a Go text/template: the message, the template name and the
/// position (1-based line and column, relative to the template text).
///
/// `description` reads like Go's errors (`template: x:1: unexpected "}" in operand`,
/// `template: x:1:5: executing "x" at <.Foo>: ...`); `diagnostic(base:)` maps the position onto a file
/// when the template text starts at `base` (for example inside a YAML annotation).
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the error was found while parsing or while executing.
    public enum Phase: String, Hashable, Sendable {
        case parse
        case execute
    }

    /// What went wrong, without the `template: name:line:` prefix.
    public var message: String
    /// The template (or `define`d template) the error is in.
    public var name: String
    /// 1-based line in the template text.
    public var line: Int
    /// 1-based column (Unicode scalars) in the template text.
    public var column: Int
    public var phase: Phase
    /// For execution errors, the source text of the node being evaluated (`.Foo`, `humanize $value`).
    public var context: String?

    public init(_ message: String, name: String, line: Int, column: Int, phase: Phase, context: String? = nil) {
        self.message = message
        self.name = name
        self.line = line
        self.column = column
        self.phase = phase
        self.context = context
    }

    /// Go's wording: parse errors give the line, execution errors line:column and the node.
    public var description: String {
        switch phase {
        case .parse:
            return "template: \(name):\(line): \(message)"
        case .execute:
            let at = context.map { " at <\($0)>" } ?? ""
            return "template: \(name):\(line):\(column): executing \"\(name)\"\(at): \(message)"
        }
    }

    /// The position in a file, when the template text starts at `base`.
    public func location(base: SourceLocation) -> SourceLocation {
        if line <= 1 {
            return SourceLocation(file: base.file, line: base.line, column: base.column + max(column, 1) - 1)
        }
        return SourceLocation(file: base.file, line: base.line + line - 1, column: column)
    }

    /// The error as a diagnostic located relative to `base`
    /// (codes `template/syntax` and `template/execution`).
    public func diagnostic(base: SourceLocation) -> Diagnostic {
        let code = phase == .parse ? "template/syntax" : "template/execution"
        return .error(code, description, at: location(base: base))
    }
}
