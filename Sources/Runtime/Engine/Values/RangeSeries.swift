import PromModel

/// One series of a range-vector or range-query result: labels and points sorted by time.
public struct RangeSeries: Hashable, Sendable, CustomStringConvertible {
    /// The labels of the series.
    public var metric: Labels
    /// The points, strictly increasing in time.
    public var points: [FloatPoint]
    /// The native-histogram points, strictly increasing in time (never at a time of `points`).
    public var histograms: [HistogramPoint]

    public init(metric: Labels, points: [FloatPoint], histograms: [HistogramPoint] = []) {
        self.metric = metric
        self.points = points
        self.histograms = histograms
    }

    public var description: String {
        "\(metric) => " + (points.map(\.description) + histograms.map(\.description)).joined(separator: ", ")
    }
}
