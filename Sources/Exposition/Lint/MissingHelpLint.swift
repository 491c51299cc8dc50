import Diagnostics

/// A family without HELP text.
///
/// Triggers: `# TYPE requests_total counter` followed by samples and no `# HELP`.
/// Does not trigger: `# HELP requests_total Requests served.` before the samples.
public struct MissingHelpLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/no-help" }
    public var summary: String { "metric families should have HELP text" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        guard (family.help ?? "").isEmpty else { return [] }
        return [context.warning(self, family, "\(family.name): no help text")]
    }
}
