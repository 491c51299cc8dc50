import Diagnostics

/// A counter whose samples do not end in `_total` (text format; OpenMetrics enforces it).
///
/// Triggers: `# TYPE requests counter` / `requests 3`.
/// Does not trigger: `# TYPE requests_total counter` / `requests_total 3`.
public struct CounterSuffixLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/counter-total-suffix" }
    public var summary: String { "counter metrics should have the \"_total\" suffix" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        guard family.type == .counter, context.format == .prometheusText, !family.name.hasSuffix("_total") else {
            return []
        }
        return [context.warning(self, family, "\(family.name): counter metrics should have \"_total\" suffix")]
    }
}
