import Diagnostics

/// Why a query over a histogram's (or summary's) base name finds nothing, and what to write instead.
///
/// A classic histogram `http_request_duration_seconds` is stored as `…_bucket`, `…_sum` and `…_count`
/// series; no series has the base name itself, so `avg by (method) (http_request_duration_seconds)`
/// is empty. Given the metric names that do exist, ``hint(for:metricNames:language:)`` names the
/// series to use: the mean from `_sum`/`_count`, a quantile from `_bucket`.
public enum HistogramBaseNameHint {
    /// The hint for an empty result of `expr`, or `nil` when no selector of `expr` names the base
    /// of a histogram or summary among `metricNames` (or the name itself exists).
    public static func hint(for expr: Expr, metricNames: Set<String>, language: Language) -> String? {
        var seen = Set<String>()
        var hints: [String] = []
        for name in selectorNames(expr) where !name.isEmpty && !metricNames.contains(name) && seen.insert(name).inserted {
            let sum = metricNames.contains(name + "_sum"), count = metricNames.contains(name + "_count")
            let bucket = metricNames.contains(name + "_bucket")
            guard sum && count || bucket else { continue }
            hints.append(bucket ? histogram(name, language) : summary(name, language))
        }
        return hints.isEmpty ? nil : hints.joined(separator: "\n")
    }

    private static func histogram(_ n: String, _ language: Language) -> String {
        language.say(
            "hint: \(n) is a histogram: Prometheus stores it as \(n)_bucket, \(n)_sum and \(n)_count, never under its "
                + "base name; for the mean use rate(\(n)_sum[5m]) / rate(\(n)_count[5m]); for a quantile, "
                + "histogram_quantile(0.95, sum by (le) (rate(\(n)_bucket[5m])))")
    }

    private static func summary(_ n: String, _ language: Language) -> String {
        language.say(
            "hint: \(n) is stored as \(n)_sum and \(n)_count (a summary or a histogram), never under its base name; "
                + "for the mean use rate(\(n)_sum[5m]) / rate(\(n)_count[5m])")
    }

    /// The metric names of `expr`'s vector selectors (also inside range selectors and subqueries).
    static func selectorNames(_ expr: Expr) -> [String] {
        var out: [String] = []
        var stack = [expr]
        var visited = 0
        while let e = stack.popLast(), visited < 100_000 {
            visited += 1
            if case .vectorSelector(let s) = e { out.append(s.name) }
            stack.append(contentsOf: e.children.reversed())
        }
        return out
    }
}
