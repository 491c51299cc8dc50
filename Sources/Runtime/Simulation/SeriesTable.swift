import PromModel

/// The fixed list of series a simulated target exposes, each with its full label set (target
/// labels `job` and `instance` included), in the order the target reports values.
public struct SeriesTable: Sendable, Hashable {
    /// The series, in report order.
    public private(set) var labels: [Labels] = []
    private let targetLabels: [Label]

    /// A table whose series all carry `job` and `instance`.
    public init(job: String, instance: String) {
        targetLabels = [Label("job", job), Label("instance", instance)]
    }

    /// Adds the series `name{extra}` and returns its position.
    @discardableResult
    public mutating func add(_ name: String, _ extra: KeyValuePairs<String, String> = [:]) -> Int {
        var pairs = targetLabels
        pairs.append(Label(Label.metricName, name))
        for (k, v) in extra { pairs.append(Label(k, v)) }
        labels.append(Labels(pairs))
        return labels.count - 1
    }

    /// Adds a classic histogram `name` (`_bucket` per bound and `+Inf`, `_sum`, `_count`) and
    /// returns the position of its first bucket; `_sum` and `_count` follow the `+Inf` bucket.
    @discardableResult
    public mutating func addHistogram(_ name: String, buckets: [Double], _ extra: [(String, String)] = []) -> Int {
        let first = labels.count
        for bound in buckets + [Double.infinity] {
            addPairs(name + "_bucket", extra + [("le", SeriesTable.formatBound(bound))])
        }
        addPairs(name + "_sum", extra)
        addPairs(name + "_count", extra)
        return first
    }

    private mutating func addPairs(_ name: String, _ extra: [(String, String)]) {
        var pairs = targetLabels
        pairs.append(Label(Label.metricName, name))
        for (k, v) in extra { pairs.append(Label(k, v)) }
        labels.append(Labels(pairs))
    }

    /// Number of series.
    public var count: Int { labels.count }

    /// A bucket bound as Prometheus 3 stores it after normalizing `le` (`0.5`, `1`, `+Inf`).
    public static func formatBound(_ bound: Double) -> String {
        if bound == .infinity { return "+Inf" }
        if bound == bound.rounded(), abs(bound) < 1e15 { return String(Int64(bound)) }
        return "\(bound)"
    }
}
