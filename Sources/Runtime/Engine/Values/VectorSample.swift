import PromModel

/// One element of an instant vector: a series' labels and its value at the evaluation time.
public struct VectorSample: Hashable, Sendable, CustomStringConvertible {
    /// The labels of the result series (after delayed name removal for query results).
    public var metric: Labels
    /// The evaluation timestamp, in milliseconds (the sample's own time for `timestamp()`-like inputs).
    public var t: Int64
    /// The value.
    public var f: Double
    /// The native histogram, when the sample is one (then `f` is 0).
    public var h: FloatHistogram?
    /// Set while evaluating when the metric name must be dropped at the end (delayed name removal).
    /// Always `false` in query results.
    public var dropName: Bool

    public init(metric: Labels, t: Int64, f: Double, dropName: Bool = false) {
        self.metric = metric
        self.t = t
        self.f = f
        self.dropName = dropName
    }

    /// A histogram sample.
    public init(metric: Labels, t: Int64, h: FloatHistogram) {
        self.metric = metric
        self.t = t
        self.f = 0
        self.h = h
        self.dropName = false
    }

    public static func == (lhs: VectorSample, rhs: VectorSample) -> Bool {
        lhs.metric == rhs.metric && lhs.t == rhs.t && lhs.f.bitPattern == rhs.f.bitPattern
            && lhs.dropName == rhs.dropName && lhs.h == rhs.h
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metric)
        hasher.combine(t)
        hasher.combine(f.bitPattern)
    }

    public var description: String { "\(metric) => \(h.map(\.description) ?? "\(f)") @\(t)" }
}
