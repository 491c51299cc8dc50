import Diagnostics
import PromModel
import PromQL

/// A recording rule whose level (the part before the first `:`) names labels its aggregation does not
/// keep: `job:http_requests:rate5m` recorded from a label-less `sum(…)` has no `job` label. The seed's
/// Lab 8 did this.
///
/// Triggers: `record: job:http_requests:rate5m` with `expr: sum(rate(http_requests_total[5m]))`.
/// Does not trigger: `sum by (job) (…)`; `instance:node_cpu:rate5m` from `avg by (instance) (…)`; an
/// expression that is not an aggregation at its top; a level that is not made of target labels
/// (`cluster:…` for a sum over everything is a common convention).
public struct RecordingRuleLevelLint: LintRule {
    public static let code = "rules/recording-level-mismatch"
    public static let summary = "recording rule level (job:, instance:…) names labels its aggregation drops"

    /// Labels series carry from their targets and instrumentation: only levels made of these are judged.
    static let seriesLabels: Set<String> = [
        "job", "instance", "endpoint", "method", "status", "handler", "code", "mode", "device", "mountpoint",
        "service", "pod", "namespace", "container", "path", "route",
    ]

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.rules.compactMap { rule -> Diagnostic? in
            guard rule.kind == .recording, LabelNames.isValidLegacyMetricName(rule.name), let expr = rule.parsedExpr,
                  let level = rule.name.split(separator: ":", omittingEmptySubsequences: false).first,
                  rule.name.contains(":"), !level.isEmpty, let agg = Self.outerAggregation(expr), !agg.without else { return nil }
            let labels = level.split(separator: "_").map(String.init)
            guard labels.allSatisfy(Self.seriesLabels.contains) else { return nil }
            let missing = labels.filter { !agg.grouping.contains($0) }
            guard !missing.isEmpty, missing.count == labels.count || agg.grouping.isEmpty else { return nil }
            let by = agg.grouping.isEmpty ? "no grouping" : "by (\(agg.grouping.joined(separator: ", ")))"
            return .warning(Self.code, "recording rule \"\(rule.name)\" has level \(level) but its \(agg.op.rawValue) has \(by): "
                            + "the series has no \(missing.joined(separator: ", ")) label; write \(agg.op.rawValue) by "
                            + "(\((agg.grouping + missing).joined(separator: ", "))) (…) or rename the level",
                            at: rule.nameLocation)
        }
    }

    /// The aggregation that decides the result's labels: the top node, through parentheses,
    /// `histogram_quantile`'s buckets (minus `le`) and the left side of arithmetic.
    /// Followed in a loop (a long binary chain is as deep as it is long).
    static func outerAggregation(_ expr: Expr) -> AggregateExpr? {
        var current = expr
        var dropsLe = false
        while true {
            switch current.unwrappingParens {
            case .aggregate(var a):
                if dropsLe { a.grouping = a.grouping.filter { $0 != "le" } }
                return a
            case .call(let c) where c.function.name == "histogram_quantile" && c.args.count == 2:
                dropsLe = true
                current = c.args[1]
            case .binary(let b) where b.lhs.type == .vector: current = b.lhs
            case .binary(let b) where b.rhs.type == .vector: current = b.rhs
            default: return nil
            }
        }
    }
}
