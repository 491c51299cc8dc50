import Foundation

/// A native histogram with float counts, the form every histogram takes inside the PromQL engine
/// (Prometheus's `FloatHistogram`).
///
/// Buckets are kept sparse: `positive` and `negative` list the populated buckets sorted by strictly
/// increasing index. A bucket may hold a count of zero (arithmetic can produce them);
/// ``compacted()`` drops those. The layout as Prometheus's spans is ``positiveSpans``.
///
/// Schemas -4…8 are exponential (bucket `i` of schema `s` has upper bound `2^(i·2^-s)`); schema -53
/// (``customBucketsSchema``) has explicit upper bounds in `customValues` and no negative buckets or
/// zero bucket.
public struct FloatHistogram: Hashable, Sendable {
    /// How a histogram relates to the previous sample of its series.
    public enum CounterResetHint: String, Hashable, Sendable {
        /// Not known; readers detect resets by comparing with the previous sample.
        case unknown
        /// A counter reset happened right before this sample.
        case counterReset = "reset"
        /// No counter reset since the previous sample.
        case notCounterReset = "not_reset"
        /// A gauge histogram: counts may go up and down.
        case gauge
    }

    /// Schema of the custom-bucket histograms (NHCB).
    public static let customBucketsSchema: Int32 = -53
    /// The exponential schemas Prometheus accepts.
    public static let exponentialSchemas: ClosedRange<Int32> = -4...8

    public var counterResetHint: CounterResetHint
    public var schema: Int32
    /// Observations with an absolute value up to this threshold are counted in the zero bucket.
    public var zeroThreshold: Double
    public var zeroCount: Double
    /// The number of observations (may differ from the sum of the buckets when NaN was observed).
    public var count: Double
    public var sum: Double
    /// Populated positive buckets, by strictly increasing index.
    public var positive: [HistogramBucket]
    /// Populated negative buckets (bucket `i` covers `[-base^i, -base^(i-1))`), by strictly increasing index.
    public var negative: [HistogramBucket]
    /// Upper bounds of the custom buckets (schema -53), strictly increasing, without `+Inf`.
    public var customValues: [Double]

    public init(counterResetHint: CounterResetHint = .unknown, schema: Int32 = 0, zeroThreshold: Double = 0,
                zeroCount: Double = 0, count: Double = 0, sum: Double = 0, positive: [HistogramBucket] = [],
                negative: [HistogramBucket] = [], customValues: [Double] = []) {
        self.counterResetHint = counterResetHint
        self.schema = schema
        self.zeroThreshold = zeroThreshold
        self.zeroCount = zeroCount
        self.count = count
        self.sum = sum
        self.positive = positive
        self.negative = negative
        self.customValues = customValues
    }

    /// Whether the histogram uses custom bucket bounds.
    @inline(__always)
    public var usesCustomBuckets: Bool { schema == FloatHistogram.customBucketsSchema }

    /// Whether the schema is one Prometheus accepts (-4…8 or -53).
    public var hasValidSchema: Bool { usesCustomBuckets || FloatHistogram.exponentialSchemas.contains(schema) }

    // MARK: - Bucket bounds

    /// The upper bound of bucket `index` on the positive side.
    public func upperBound(_ index: Int32) -> Double {
        if usesCustomBuckets {
            if index < 0 { return -.infinity }
            return Int(index) < customValues.count ? customValues[Int(index)] : .infinity
        }
        return FloatHistogram.exponentialBound(index, schema: schema)
    }

    /// The lower bound of bucket `index` on the positive side (`-Inf` for the first custom bucket).
    public func lowerBound(_ index: Int32) -> Double {
        if usesCustomBuckets {
            if index <= 0 { return -.infinity }
            return Int(index) - 1 < customValues.count ? customValues[Int(index) - 1] : .infinity
        }
        return FloatHistogram.exponentialBound(index &- 1, schema: schema)
    }

    /// `2^(index · 2^-schema)`, saturating to 0 and +Inf.
    public static func exponentialBound(_ index: Int32, schema: Int32) -> Double {
        if schema <= 0 {
            let exp = Int64(index) << Int64(min(-schema, 30))
            if exp > 1024 { return .infinity }
            if exp < -1100 { return 0 }
            return Foundation.scalbn(1.0, Int(exp))
        }
        let shift = Int64(min(schema, 30))
        let whole = Int64(index) >> shift
        let frac = Int64(index) - (whole << shift)
        if whole > 1024 { return .infinity }
        if whole < -1100 { return 0 }
        return Foundation.scalbn(Foundation.exp2(Double(frac) / Double(Int64(1) << shift)), Int(whole))
    }

    // MARK: - Layout

    /// The positive buckets' layout as Prometheus's spans (consecutive indexes form one span).
    public var positiveSpans: [HistogramSpan] { FloatHistogram.spans(of: positive) }
    /// The negative buckets' layout as Prometheus's spans.
    public var negativeSpans: [HistogramSpan] { FloatHistogram.spans(of: negative) }

    static func spans(of buckets: [HistogramBucket]) -> [HistogramSpan] {
        var out: [HistogramSpan] = []
        var next: Int64 = 0
        for b in buckets {
            let i = Int64(b.index)
            if let last = out.indices.last, i == next {
                out[last].length += 1
            } else {
                out.append(HistogramSpan(offset: Int32(clamping: i - next), length: 1))
            }
            next = i + 1
        }
        return out
    }

    /// Buckets from spans and their counts (Prometheus's layout); `nil` when the counts do not fill the
    /// spans exactly or the indexes leave Int32.
    public static func buckets(spans: [HistogramSpan], counts: [Double]) -> [HistogramBucket]? {
        var out: [HistogramBucket] = []
        out.reserveCapacity(counts.count)
        var index: Int64 = 0
        var k = 0
        for (n, span) in spans.enumerated() {
            index += Int64(span.offset)
            if n > 0 && span.offset < 0 { return nil }
            for _ in 0..<Int(span.length) {
                guard k < counts.count, let i = Int32(exactly: index) else { return nil }
                out.append(HistogramBucket(index: i, count: counts[k]))
                k += 1
                index += 1
            }
        }
        return k == counts.count ? out : nil
    }

    /// The same histogram without zero-count buckets (Prometheus's `Compact(0)`).
    public func compacted() -> FloatHistogram {
        var copy = self
        copy.positive.removeAll { $0.count == 0 }
        copy.negative.removeAll { $0.count == 0 }
        return copy
    }

    /// Every count (zero bucket and buckets) multiplied by `factor`, and the sum too.
    public func scaled(by factor: Double) -> FloatHistogram {
        var copy = self
        copy.zeroCount *= factor
        copy.count *= factor
        copy.sum *= factor
        for i in copy.positive.indices { copy.positive[i].count *= factor }
        for i in copy.negative.indices { copy.negative[i].count *= factor }
        return copy
    }
}
