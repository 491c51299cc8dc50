/// A float native histogram as the series notation writes it:
/// `{{schema:0 sum:5 count:4 z_bucket:1 z_bucket_w:0.001 buckets:[1 2 1] offset:0 n_buckets:[1] n_offset:0
/// custom_values:[1 2] counter_reset_hint:gauge}}`. Every field is optional and defaults to zero/empty.
///
/// Buckets are absolute counts, one span per side starting at `offset` (`n_offset`). Schema -53 means
/// custom bucket bounds (`custom_values`).
public struct SeriesHistogram: Hashable, Sendable, CustomStringConvertible {
    /// How the histogram relates to the previous sample of its series.
    public enum CounterResetHint: String, Hashable, Sendable, CaseIterable {
        case unknown
        case reset
        case notReset = "not_reset"
        case gauge
    }

    /// Schema of the custom-bucket (NHCB) histograms.
    public static let customBucketsSchema: Int32 = -53

    public var schema: Int32 = 0
    public var sum: Double = 0
    public var count: Double = 0
    /// `z_bucket`: the count of the zero bucket.
    public var zeroCount: Double = 0
    /// `z_bucket_w`: the zero bucket's threshold.
    public var zeroThreshold: Double = 0
    public var positiveBuckets: [Double] = []
    public var positiveOffset: Int32 = 0
    public var negativeBuckets: [Double] = []
    public var negativeOffset: Int32 = 0
    /// Upper bounds of custom buckets (schema -53).
    public var customValues: [Double] = []
    public var counterResetHint: CounterResetHint = .unknown
    /// Whether `counter_reset_hint` was written (it is compared only then).
    public var counterResetHintWritten = false

    public init() {}

    /// Whether the histogram uses custom bucket bounds.
    public var usesCustomBuckets: Bool { schema == SeriesHistogram.customBucketsSchema }

    // MARK: - Arithmetic for `{{a}}+{{b}}xN`

    /// Why two histograms of an increment sequence cannot be added.
    public enum CombineError: Error, Hashable, Sendable {
        /// The schemas differ and one of them uses custom bounds, or the custom bounds differ.
        case incompatibleBuckets
        /// The sum would need a bucket list longer than the limit (offsets far apart).
        case tooManyBuckets(needed: Int)
    }

    /// `self + other` (or `self - other`), bucket by bucket on absolute bucket indexes. Fails when the
    /// schemas or custom bounds differ, or when one side's buckets of the sum would span more than
    /// `maxBuckets` indexes (the bucket list is dense, so offsets far apart cost memory).
    /// Exponential schemas that differ are both brought to the coarser one first.
    public func combined(with other: SeriesHistogram, subtract: Bool,
                         maxBuckets: Int) throws(CombineError) -> SeriesHistogram {
        var a = self, b = other
        if a.schema != b.schema {
            guard !a.usesCustomBuckets, !b.usesCustomBuckets else { throw .incompatibleBuckets }
            let target = Swift.min(a.schema, b.schema)
            a = a.reduced(to: target)
            b = b.reduced(to: target)
        }
        guard a.customValues == b.customValues || b.customValues.isEmpty else { throw .incompatibleBuckets }
        let needed = Swift.max(
            SeriesHistogram.mergedCount(a.positiveBuckets, a.positiveOffset, b.positiveBuckets, b.positiveOffset),
            SeriesHistogram.mergedCount(a.negativeBuckets, a.negativeOffset, b.negativeBuckets, b.negativeOffset))
        guard needed <= maxBuckets else { throw .tooManyBuckets(needed: needed) }
        return a.adding(b, sign: subtract ? -1 : 1)
    }

    private func adding(_ other: SeriesHistogram, sign: Double) -> SeriesHistogram {
        var out = self
        out.sum = sum + sign * other.sum
        out.count = count + sign * other.count
        out.zeroCount = zeroCount + sign * other.zeroCount
        out.zeroThreshold = Swift.max(zeroThreshold, other.zeroThreshold)
        (out.positiveBuckets, out.positiveOffset) = SeriesHistogram.merge(
            positiveBuckets, positiveOffset, other.positiveBuckets, other.positiveOffset, sign)
        (out.negativeBuckets, out.negativeOffset) = SeriesHistogram.merge(
            negativeBuckets, negativeOffset, other.negativeBuckets, other.negativeOffset, sign)
        return out
    }

    /// The same histogram at a coarser exponential schema (bucket `i` goes to `((i - 1) >> d) + 1`).
    public func reduced(to target: Int32) -> SeriesHistogram {
        guard target < schema, !usesCustomBuckets else { return self }
        let shift = Int(Swift.min(schema - target, 62))
        func reduce(_ buckets: [Double], _ offset: Int32) -> ([Double], Int32) {
            guard !buckets.isEmpty else { return (buckets, offset) }
            var out: [Int: Double] = [:]
            for (i, v) in buckets.enumerated() {
                let index = Int(offset) + i
                out[((index - 1) >> shift) + 1, default: 0] += v
            }
            let lo = out.keys.min() ?? 0, hi = out.keys.max() ?? 0
            return ((lo...hi).map { out[$0] ?? 0 }, Int32(clamping: lo))
        }
        var copy = self
        copy.schema = target
        (copy.positiveBuckets, copy.positiveOffset) = reduce(positiveBuckets, positiveOffset)
        (copy.negativeBuckets, copy.negativeOffset) = reduce(negativeBuckets, negativeOffset)
        return copy
    }

    /// Length of the dense bucket list that `merge` builds (offsets are Int32, so this cannot overflow Int).
    private static func mergedCount(_ a: [Double], _ aOffset: Int32, _ b: [Double], _ bOffset: Int32) -> Int {
        if a.isEmpty || b.isEmpty { return Swift.max(a.count, b.count) }
        let lo = Int(Swift.min(aOffset, bOffset))
        return Swift.max(Int(aOffset) + a.count, Int(bOffset) + b.count) - lo
    }

    private static func merge(_ a: [Double], _ aOffset: Int32, _ b: [Double], _ bOffset: Int32,
                              _ sign: Double) -> ([Double], Int32) {
        if b.isEmpty { return (a, aOffset) }
        if a.isEmpty { return (b.map { $0 * sign }, bOffset) }
        let lo = Int(Swift.min(aOffset, bOffset))
        let hi = Swift.max(Int(aOffset) + a.count, Int(bOffset) + b.count)
        var out = [Double](repeating: 0, count: hi - lo)
        for (i, v) in a.enumerated() { out[Int(aOffset) - lo + i] += v }
        for (i, v) in b.enumerated() { out[Int(bOffset) - lo + i] += sign * v }
        return (out, Int32(lo))
    }

    // MARK: - Text

    /// The notation, listing only fields that differ from their defaults.
    public var description: String {
        var parts: [String] = []
        if schema != 0 { parts.append("schema:\(schema)") }
        if sum != 0 { parts.append("sum:\(SeriesValue.format(sum))") }
        if count != 0 { parts.append("count:\(SeriesValue.format(count))") }
        if zeroCount != 0 { parts.append("z_bucket:\(SeriesValue.format(zeroCount))") }
        if zeroThreshold != 0 { parts.append("z_bucket_w:\(SeriesValue.format(zeroThreshold))") }
        if !customValues.isEmpty { parts.append("custom_values:" + SeriesHistogram.list(customValues)) }
        if !positiveBuckets.isEmpty { parts.append("buckets:" + SeriesHistogram.list(positiveBuckets)) }
        if positiveOffset != 0 { parts.append("offset:\(positiveOffset)") }
        if !negativeBuckets.isEmpty { parts.append("n_buckets:" + SeriesHistogram.list(negativeBuckets)) }
        if negativeOffset != 0 { parts.append("n_offset:\(negativeOffset)") }
        if counterResetHintWritten { parts.append("counter_reset_hint:\(counterResetHint.rawValue)") }
        return "{{" + parts.joined(separator: " ") + "}}"
    }

    private static func list(_ values: [Double]) -> String {
        "[" + values.map(SeriesValue.format).joined(separator: " ") + "]"
    }
}
