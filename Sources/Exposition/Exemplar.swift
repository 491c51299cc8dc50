import PromModel

/// An exemplar attached to an OpenMetrics sample: `# {trace_id="abc"} 1.0 1520879607.789`.
public struct Exemplar: Sendable, Hashable {
    /// The exemplar's labels (at most 128 UTF-8 characters of names and values together).
    public var labels: Labels
    /// The exemplar's value.
    public var value: Double
    /// Milliseconds since the epoch, when given.
    public var timestamp: Int64?

    /// An exemplar with `labels`, `value` and an optional `timestamp` in milliseconds.
    public init(labels: Labels, value: Double, timestamp: Int64? = nil) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }

    /// Equality on value bits, so NaN exemplars compare equal to themselves.
    public static func == (lhs: Exemplar, rhs: Exemplar) -> Bool {
        lhs.labels == rhs.labels && lhs.value.bitPattern == rhs.value.bitPattern && lhs.timestamp == rhs.timestamp
    }

    /// Hashes labels, value bits and timestamp, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(labels)
        hasher.combine(value.bitPattern)
        hasher.combine(timestamp)
    }
}
