/// Bounds on what one series description may expand to.
public struct SeriesDescriptionLimits: Hashable, Sendable {
    /// Most values one description may expand to (`1x1000000000` is rejected before expanding).
    public var maxValues: Int
    /// Most buckets in one histogram list.
    public var maxBuckets: Int

    public init(maxValues: Int = 10_000_000, maxBuckets: Int = 10_000) {
        self.maxValues = maxValues
        self.maxBuckets = maxBuckets
    }

    /// Ten million values, ten thousand buckets per list.
    public static let `default` = SeriesDescriptionLimits()
}
