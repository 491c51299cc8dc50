/// One populated bucket of a native histogram: its index on the schema's bucket grid and its count.
///
/// For exponential schemas bucket `i` covers `(base^(i-1), base^i]` (mirrored on the negative side);
/// for the custom-bucket schema, bucket `i` covers `(customValues[i-1], customValues[i]]` and the index
/// one past the last bound is the `+Inf` bucket.
public struct HistogramBucket: Hashable, Sendable {
    public var index: Int32
    public var count: Double

    public init(index: Int32, count: Double) {
        self.index = index
        self.count = count
    }

    /// Equality on count bits, so NaN counts compare equal to themselves.
    public static func == (lhs: HistogramBucket, rhs: HistogramBucket) -> Bool {
        lhs.index == rhs.index && lhs.count.bitPattern == rhs.count.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(count.bitPattern)
    }
}

/// A run of consecutive bucket indexes, as Prometheus's spans encode a bucket layout: `offset` is the
/// gap from the end of the previous span (from 0 for the first span) and `length` the run's length.
public struct HistogramSpan: Hashable, Sendable {
    public var offset: Int32
    public var length: UInt32

    public init(offset: Int32, length: UInt32) {
        self.offset = offset
        self.length = length
    }
}
