import Diagnostics
import PromQL

/// `histogram_quantile` over a series that is not a classic histogram's `_bucket` series: the
/// histogram's base name, its `_sum`/`_count`, or a counter. The result is empty (or meaningless).
///
/// Triggers: `histogram_quantile(0.95, rate(http_request_duration_seconds[5m]))`,
/// `histogram_quantile(0.9, rate(http_requests_total[5m]))`.
/// Does not trigger: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))`.
public struct HistogramQuantileNonBucketLint: LintRule {
    public static let code = "rules/histogram-quantile-non-bucket"
    public static let summary = "histogram_quantile over a series that is not a _bucket series"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.rules.flatMap { rule -> [Diagnostic] in
            guard let expr = rule.parsedExpr else { return [] }
            return HistogramQuantileSeries.nonBucketSelectors(in: expr).map { finding in
                .warning(Self.code, HistogramQuantileSeries.message(finding),
                         at: rule.location(of: finding.selector.span) ?? rule.nameLocation)
            }
        }
    }
}
