import Diagnostics

/// Suffixes and labels reserved for histograms and summaries, used by other types:
/// `_bucket`, `_count`, `_sum` names, or `le` / `quantile` labels.
///
/// Triggers: `# TYPE queue_sum gauge`, or a gauge sample with `{le="1"}`.
/// Does not trigger: a histogram `latency_seconds` with `latency_seconds_bucket{le="1"}`.
public struct ReservedSuffixLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/reserved-suffix" }
    public var summary: String { "only histograms and summaries should use _bucket/_count/_sum and le/quantile" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        let histogram = family.type == .histogram || family.type == .gaugeHistogram
        let summary = family.type == .summary
        guard !histogram, !summary else { return [] }
        var out: [Diagnostic] = []
        for suffix in ["_bucket", "_count", "_sum"] where family.name.hasSuffix(suffix) {
            out.append(context.warning(self, family,
                                       "\(family.name): non-histogram and non-summary metrics should not have \"\(suffix)\" suffix"))
        }
        if let sample = family.samples.first(where: { $0.labels["le"] != nil }) {
            out.append(.warning(code, "\(family.name): non-histogram metrics should not have \"le\" label",
                                at: context.location(line: sample.line)))
        }
        if let sample = family.samples.first(where: { $0.labels["quantile"] != nil }) {
            out.append(.warning(code, "\(family.name): non-summary metrics should not have \"quantile\" label",
                                at: context.location(line: sample.line)))
        }
        return out
    }
}
