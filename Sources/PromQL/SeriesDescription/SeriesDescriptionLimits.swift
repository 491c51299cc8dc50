/// Bounds on what one series description may expand to.
public struct SeriesDescriptionLimits: Hashable, Sendable {
    /// Most values one description may expand to (`1x1000000000` is rejected before expanding).
    public var maxValues: Int
    /// Most buckets in one histogram list.
    public var maxBuckets: Int
    /// Most bucket entries all the histograms of one `{{a}}+{{b}}xN` sequence may hold together
    /// (each step has its own bucket list).
    public var maxTotalBuckets: Int

    /// Limits with the given caps (the defaults are those of `default`).
    public init(maxValues: Int = 10_000_000, maxBuckets: Int = 10_000, maxTotalBuckets: Int = 10_000_000) {
        self.maxValues = maxValues
        self.maxBuckets = maxBuckets
        self.maxTotalBuckets = maxTotalBuckets
    }

    /// Ten million values, ten thousand buckets per list, ten million buckets per increment sequence.
    public static let `default` = SeriesDescriptionLimits()
}
