import Diagnostics
import PromQL

/// `rate`, `irate` and `increase` on a series that is not a counter by its name.
///
/// Counters end in `_total` (or are a histogram's/summary's `_count`, `_sum`, `_bucket`); rate on a
/// gauge gives meaningless numbers (use `deriv` or `delta`).
///
/// Triggers: `rate(http_requests_active[5m])`. Does not trigger: `rate(http_requests_total[5m])`, nor a rate
/// inside `histogram_quantile` (``HistogramQuantileNonBucketLint`` says to use `_bucket` there), nor the
/// exporters' counters named before the convention (nginx-prometheus-exporter's
/// `nginx_connections_accepted` and `nginx_connections_handled`).
public struct RateOnNonCounterLint: LintRule {
    public static let code = "rules/rate-on-non-counter"
    public static let summary = "rate/irate/increase on a metric that is not a counter by its name"
    static let functions: Set<String> = ["rate", "irate", "increase"]
    static let counterSuffixes = ["_total", "_count", "_sum", "_bucket"]
    /// Counters of the labs' exporters whose names lack `_total`.
    static let knownCounters: Set<String> = ["nginx_connections_accepted", "nginx_connections_handled"]

    public init() {}

    /// Whether `name` follows the counter naming conventions.
    static func looksLikeCounter(_ name: String) -> Bool {
        counterSuffixes.contains { name.hasSuffix($0) } || name.contains("_total:") || name.hasSuffix("_total")
            || knownCounters.contains(name)
    }

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.rules.flatMap { rule -> [Diagnostic] in
            guard let expr = rule.parsedExpr else { return [] }
            let quantileSelectors = Set(HistogramQuantileSeries.spans(in: expr))
            return expr.calls(named: Self.functions).compactMap { call in
                guard case .matrixSelector(let m)? = call.args.first?.unwrappingParens else { return nil }
                let name = m.vectorSelector.name
                guard !name.isEmpty, !Self.looksLikeCounter(name),
                      !quantileSelectors.contains(m.vectorSelector.span) else { return nil }
                return .warning(Self.code,
                                "\(call.function.name)() on \"\(name)\", which is not a counter by its name (counters end in _total); use deriv() or delta() for gauges",
                                at: rule.location(of: call.span) ?? rule.nameLocation)
            }
        }
    }
}
