import Diagnostics
import PromQL

/// `histogram_quantile` over classic buckets aggregated without keeping `le`: the bucket boundaries are
/// summed away and the quantile is NaN.
///
/// Triggers: `histogram_quantile(0.95, sum by (job) (rate(x_bucket[5m])))`.
/// Does not trigger: `histogram_quantile(0.95, sum by (job, le) (rate(x_bucket[5m])))`.
public struct HistogramQuantileWithoutLeLint: LintRule {
    public static let code = "rules/histogram-quantile-without-le"
    public static let summary = "histogram_quantile over buckets aggregated without the le label"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.rules.flatMap { rule -> [Diagnostic] in
            guard let expr = rule.parsedExpr else { return [] }
            return expr.calls(named: ["histogram_quantile"]).compactMap { call in
                guard call.args.count == 2, case .aggregate(let agg) = call.args[1].unwrappingParens else { return nil }
                let dropsLe = agg.without ? agg.grouping.contains("le") : !agg.grouping.contains("le")
                guard dropsLe, [.sum, .avg, .min, .max, .count, .group, .stddev, .stdvar].contains(agg.op) else {
                    return nil
                }
                let how = agg.without ? "without (…, le)" : (agg.grouping.isEmpty ? "with no grouping" : "by (\(agg.grouping.joined(separator: ", ")))")
                return .warning(Self.code,
                                "histogram_quantile() over \(agg.op.rawValue) \(how) drops the le label; keep it: \(agg.op.rawValue) by (\((agg.without ? [] : agg.grouping + ["le"]).joined(separator: ", "))) (…)",
                                at: rule.location(of: agg.span) ?? rule.nameLocation)
            }
        }
    }
}
