import Diagnostics
import PromQL

/// A panel's `histogram_quantile` over buckets that are not aggregated `by (le)`: without an
/// aggregation the panel draws one quantile per series (every method, endpoint and instance), and an
/// aggregation that drops `le` gives NaN.
///
/// Triggers: `histogram_quantile(0.95, rate(x_bucket[5m]))`, `histogram_quantile(0.95, sum by (job) (rate(x_bucket[5m])))`.
/// Does not trigger: `histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))`.
public struct HistogramQuantileNotSummedLint: LintRule {
    public static let code = "grafana-lint/histogram-quantile-not-summed"
    public static let summary = "histogram_quantile in a panel over buckets not aggregated by (le)"

    static let aggregations: Set<AggregationOp> = [.sum, .avg, .min, .max, .count, .group, .stddev, .stdvar]

    public init() {}

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        dashboard.queries.flatMap { q -> [Diagnostic] in
            guard let expr = q.expr else { return [] }
            return expr.calls(named: ["histogram_quantile"]).compactMap { call -> Diagnostic? in
                guard call.args.count == 2 else { return nil }
                let arg = call.args[1].unwrappingParens
                let message: String
                switch arg {
                case .aggregate(let agg):
                    guard Self.aggregations.contains(agg.op) else { return nil }
                    let dropsLe = agg.without ? agg.grouping.contains("le") : !agg.grouping.contains("le")
                    guard dropsLe else { return nil }
                    let keep = agg.without ? ["le"] : agg.grouping + ["le"]
                    message = "histogram_quantile() over \(agg.op.rawValue) without le gives NaN; keep the bucket label: "
                        + "\(agg.op.rawValue) by (\(keep.joined(separator: ", "))) (…)"
                case .call(let inner) where ["rate", "irate", "increase"].contains(inner.function.name):
                    message = "histogram_quantile() over \(inner.function.name)() without aggregating draws one quantile "
                        + "per series (each method, endpoint, instance); aggregate the buckets: "
                        + "histogram_quantile(…, sum by (le) (\(inner.function.name)(…)))"
                default:
                    return nil
                }
                return .warning(Self.code, message, at: q.location(ofExpanded: arg.span.start))
            }
        }
    }
}
