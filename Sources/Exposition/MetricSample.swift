import PromModel

/// One sample line of an exposition: `name{labels} value [timestamp] [# exemplar]`.
public struct MetricSample: Sendable, Hashable {
    /// The full sample name, suffix included (`http_requests_total`, `latency_seconds_bucket`).
    public var name: String
    /// The labels, without `__name__`.
    public var labels: Labels
    public var value: Double
    /// Milliseconds since the epoch, when given (OpenMetrics seconds are converted).
    public var timestamp: Int64?
    public var exemplar: Exemplar?
    /// The native histogram, for a histogram sample of the protobuf format (then `value` is 0).
    public var histogram: FloatHistogram?
    /// The 1-based line the sample was read from (0 when built in code); not part of equality.
    public var line: Int

    public init(name: String, labels: Labels = .empty, value: Double, timestamp: Int64? = nil,
                exemplar: Exemplar? = nil, line: Int = 0) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
        self.exemplar = exemplar
        self.line = line
    }

    /// The series labels as storage holds them: the labels plus `__name__`.
    public var seriesLabels: Labels { labels.setting(Label.metricName, to: name) }

    /// Equality on value bits (NaN equals NaN), ignoring `line`.
    public static func == (lhs: MetricSample, rhs: MetricSample) -> Bool {
        lhs.name == rhs.name && lhs.labels == rhs.labels && lhs.value.bitPattern == rhs.value.bitPattern
            && lhs.timestamp == rhs.timestamp && lhs.exemplar == rhs.exemplar
            && lhs.histogram?.description == rhs.histogram?.description
            && lhs.histogram?.counterResetHint == rhs.histogram?.counterResetHint
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(labels)
        hasher.combine(value.bitPattern)
        hasher.combine(timestamp)
    }
}
