import PromModel

/// One series of a range-vector or range-query result: labels and points sorted by time.
public struct RangeSeries: Hashable, Sendable, CustomStringConvertible {
    /// The labels of the series.
    public var metric: Labels
    /// The points, strictly increasing in time.
    public var points: [FloatPoint]

    public init(metric: Labels, points: [FloatPoint]) {
        self.metric = metric
        self.points = points
    }

    public var description: String {
        "\(metric) => " + points.map(\.description).joined(separator: ", ")
    }
}
