import Diagnostics
import PromQL

/// A panel query taking `histogram_quantile` of a series that is not a `_bucket` series (the
/// histogram's base name, `_sum`/`_count`, or a counter): the panel shows "No data".
///
/// Triggers: `histogram_quantile(0.95, rate(http_request_duration_seconds[$__rate_interval]))`.
/// Does not trigger: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))`.
public struct HistogramQuantileNonBucketPanelLint: LintRule {
    public static let code = "grafana-lint/histogram-quantile-non-bucket"
    public static let summary = "histogram_quantile in a panel over a series that is not a _bucket series"

    public init() {}

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        dashboard.queries.flatMap { q -> [Diagnostic] in
            guard let expr = q.expr else { return [] }
            return HistogramQuantileSeries.nonBucketSelectors(in: expr).map { finding in
                .warning(Self.code, HistogramQuantileSeries.message(finding),
                         at: q.location(ofExpanded: finding.selector.span.start))
            }
        }
    }
}
