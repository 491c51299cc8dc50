import Diagnostics

/// One check of `MetricsLinter`, in the spirit of `promtool check metrics`.
///
/// Each lint is a small type with a stable `code`, a one-line `summary`, and a doc comment with an
/// example that triggers it and one that does not.
public protocol MetricsLint: Sendable {
    /// Stable code, `metrics-lint/...`.
    var code: String { get }
    /// What the lint catches, one line (used for generated documentation).
    var summary: String { get }
    /// The findings for one family.
    func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic]
}

/// What lints know besides the family: where it came from and in which format.
public struct MetricsLintContext: Sendable {
    /// The input's name in diagnostics.
    public var file: String
    /// The format the input was parsed as.
    public var format: ExpositionFormat

    /// The context of input `file` in `format`.
    public init(file: String, format: ExpositionFormat) {
        self.file = file
        self.format = format
    }

    /// Column 1 of `line`.
    public func location(line: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(line, 1), column: 1)
    }

    /// A warning at the family's first line.
    func warning(_ lint: some MetricsLint, _ family: MetricFamily, _ message: String) -> Diagnostic {
        .warning(lint.code, message, at: location(line: family.line))
    }
}

extension MetricsLint {
    /// Words of a metric name split at underscores, lower-cased.
    static func words(_ name: String) -> [Substring] {
        name.split(separator: "_")
    }
}
