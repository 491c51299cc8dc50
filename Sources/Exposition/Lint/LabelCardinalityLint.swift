import Diagnostics

/// A label with very many distinct values within one family — usually an ID, URL or timestamp
/// that should not be a label.
///
/// Triggers: `http_requests_total{user_id="..."}` with more than `threshold` distinct user ids.
/// Does not trigger: a `status` label with a handful of codes.
public struct LabelCardinalityLint: MetricsLint {
    /// Distinct values of one label above which the lint fires.
    public var threshold: Int

    /// The lint firing above `threshold` distinct values.
    public init(threshold: Int = 100) {
        self.threshold = threshold
    }

    public var code: String { "metrics-lint/high-cardinality" }
    public var summary: String { "labels with many distinct values (IDs, URLs) make series explode" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        // One slot per label name, in first-seen order; a sample's labels usually sit at the same
        // positions as the previous sample's, and a value equal to the slot's last one is not hashed.
        var names: [String] = []
        var values: [DistinctStrings] = []
        var last: [String] = []
        var slotOf: [String: Int] = [:]
        for sample in family.samples {
            for (position, label) in sample.labels.enumerated() where label.name != "le" && label.name != "quantile" {
                let slot: Int
                if position < names.count, names[position] == label.name {
                    slot = position
                } else if let found = slotOf[label.name] {
                    slot = found
                } else {
                    slotOf[label.name] = names.count
                    names.append(label.name)
                    values.append(DistinctStrings())
                    last.append(label.value)
                    values[names.count - 1].insert(label.value)
                    continue
                }
                if last[slot] == label.value { continue }
                last[slot] = label.value
                values[slot].insert(label.value)
            }
        }
        return names.indices.compactMap { i in
            let count = values[i].count
            guard count > threshold else { return nil }
            return context.warning(self, family,
                                   "\(family.name): label \"\(names[i])\" has \(count) distinct values; consider dropping it or moving it to logs")
        }
    }
}
