import Diagnostics
import PromQL

/// `rate()`, `irate()` or `increase()` over a fixed range in a dashboard: too short a range gives gaps when
/// zoomed out, too long hides spikes. Grafana's `$__rate_interval` adapts to the scrape and step intervals.
///
/// Triggers: `rate(http_requests_total[5m])`. Does not trigger: `rate(http_requests_total[$__rate_interval])`,
/// nor a window of a day or more (`[30d]`: an SLO or compliance window is fixed on purpose).
public struct RateIntervalLint: LintRule {
    public static let code = "grafana-lint/rate-interval"
    public static let summary = "rate() with a fixed range instead of $__rate_interval"

    public init() {}

    static let functions: Set<String> = ["rate", "irate", "increase"]
    /// Ranges from this many seconds on are SLO windows, not rate intervals.
    static let sloWindowSeconds = 86_400.0

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for q in dashboard.queries {
            guard let expr = q.expr else { continue }
            var stack = [expr]
            while let e = stack.popLast() {
                stack.append(contentsOf: e.children)
                guard case .call(let c) = e, Self.functions.contains(c.function.name),
                      case .matrixSelector(let m)? = c.args.first else { continue }
                if case .number(let n) = m.range, n.value >= Self.sloWindowSeconds { continue }
                let span = m.range.span
                if q.expansion.reference(covering: span.start..<span.end) != nil { continue }
                out.append(.warning(Self.code, "\(c.function.name)() uses a fixed range; use [$__rate_interval]",
                                    at: q.location(ofExpanded: span.start)))
            }
        }
        return out
    }
}
