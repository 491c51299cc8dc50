import Diagnostics

/// A family that is not a counter but is named like one (`_total`).
///
/// Triggers: `# TYPE queue_length_total gauge`.
/// Does not trigger: `# TYPE queue_length gauge`, or a counter named `jobs_total`.
public struct TotalOnNonCounterLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/total-on-non-counter" }
    public var summary: String { "non-counter metrics should not have the \"_total\" suffix" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        guard family.type != .counter, family.name.hasSuffix("_total") else { return [] }
        return [context.warning(self, family, "\(family.name): non-counter metrics should not have \"_total\" suffix")]
    }
}
