import Diagnostics
import PromQL

/// A counter (`*_total`, `*_count`, `*_sum`, `*_bucket`) read as a raw value in a dashboard query: its value
/// only grows and resets on restarts; graph `rate()` or `increase()` of it instead.
///
/// Triggers: `http_requests_total{job="api"}`. Does not trigger: `rate(http_requests_total[$__rate_interval])`
/// or `absent(up_total)`.
public struct CounterWithoutRateLint: LintRule {
    public static let code = "grafana-lint/counter-without-rate"
    public static let summary = "counter graphed without rate() or increase()"

    public init() {}

    static let counterSuffixes = ["_total", "_count", "_sum", "_bucket"]
    static let exempt: Set<String> = ["absent", "timestamp", "count", "group", "changes", "resets"]

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for q in dashboard.queries {
            guard let expr = q.expr else { continue }
            var found: [VectorSelector] = []
            Self.instantCounters(expr, exempt: false, into: &found)
            for s in found {
                out.append(.warning(Self.code, "counter \(s.name) is graphed as a raw value; use rate() or increase()",
                                    at: q.location(ofExpanded: s.span.start)))
            }
        }
        return out
    }

    /// Walked with an explicit stack (each entry with whether a call or aggregation above exempts it),
    /// in source order, so long binary chains do not recurse.
    static func instantCounters(_ expr: Expr, exempt: Bool, into found: inout [VectorSelector]) {
        var stack = [(expr, exempt)]
        while let (expr, exempt) = stack.popLast() {
            switch expr {
            case .vectorSelector(let s):
                if !exempt, counterSuffixes.contains(where: { s.name.hasSuffix($0) }) { found.append(s) }
            case .matrixSelector, .subquery:
                continue
            case .call(let c):
                let skip = exempt || Self.exempt.contains(c.function.name)
                for a in c.args.reversed() { stack.append((a, skip)) }
            case .aggregate(let a):
                let skip = exempt || a.op.rawValue == "count" || a.op.rawValue == "group"
                stack.append((a.expr, skip))
            default:
                for child in expr.children.reversed() { stack.append((child, exempt)) }
            }
        }
    }
}
