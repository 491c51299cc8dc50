import Diagnostics

/// A scraped metric name containing `:`, which is reserved for recording rules.
///
/// Triggers: `job:http_requests:rate5m` in a target's /metrics.
/// Does not trigger: `http_requests_total`.
public struct ColonInNameLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/reserved-chars" }
    public var summary: String { "metric names should not contain ':' (reserved for recording rules)" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        guard family.name.contains(":") else { return [] }
        return [context.warning(self, family, "\(family.name): metric names should not contain ':'")]
    }
}
