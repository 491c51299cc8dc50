import Diagnostics

/// A label with very many distinct values within one family — usually an ID, URL or timestamp
/// that should not be a label.
///
/// Triggers: `http_requests_total{user_id="..."}` with more than `threshold` distinct user ids.
/// Does not trigger: a `status` label with a handful of codes.
public struct LabelCardinalityLint: MetricsLint {
    /// Distinct values of one label above which the lint fires.
    public var threshold: Int

    public init(threshold: Int = 100) {
        self.threshold = threshold
    }

    public var code: String { "metrics-lint/high-cardinality" }
    public var summary: String { "labels with many distinct values (IDs, URLs) make series explode" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        var values: [String: Set<String>] = [:]
        var order: [String] = []
        for sample in family.samples {
            for label in sample.labels where label.name != "le" && label.name != "quantile" {
                if values[label.name] == nil { order.append(label.name) }
                values[label.name, default: []].insert(label.value)
            }
        }
        return order.compactMap { name in
            guard let count = values[name]?.count, count > threshold else { return nil }
            return context.warning(self, family,
                                   "\(family.name): label \"\(name)\" has \(count) distinct values; consider dropping it or moving it to logs")
        }
    }
}
