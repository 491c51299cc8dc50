/// Why two histograms cannot be combined.
public enum HistogramArithmeticError: Error, Hashable, Sendable {
    /// One uses custom buckets and the other exponential ones.
    case mixedSchemas
}

/// What `adding`/`subtracting` noticed besides the result.
public struct HistogramCombination: Sendable {
    public var result: FloatHistogram
    /// One operand said "counter reset" and the other "no counter reset".
    public var counterResetCollision: Bool
    /// Custom bucket bounds differed and were reduced to the bounds both have.
    public var customBoundsReconciled: Bool
}

// MARK: - Addition and subtraction

extension FloatHistogram {
    /// `self + other`, as Prometheus adds histograms: the coarser schema and the wider zero bucket win;
    /// differing custom bounds are reduced to the bounds both share.
    public func adding(_ other: FloatHistogram) throws(HistogramArithmeticError) -> HistogramCombination {
        try combining(other, sign: 1)
    }

    /// `self - other`. The result is a gauge histogram.
    public func subtracting(_ other: FloatHistogram) throws(HistogramArithmeticError) -> HistogramCombination {
        var c = try combining(other, sign: -1)
        c.result.counterResetHint = .gauge
        return c
    }

    private func combining(_ other: FloatHistogram, sign: Double) throws(HistogramArithmeticError) -> HistogramCombination {
        guard usesCustomBuckets == other.usesCustomBuckets else { throw .mixedSchemas }
        var a = self, b = other
        var reconciled = false
        let (hint, collision) = FloatHistogram.combinedHint(a.counterResetHint, b.counterResetHint)
        if a.usesCustomBuckets {
            if a.customValues != b.customValues {
                let common = FloatHistogram.commonBounds(a.customValues, b.customValues)
                a = a.withCustomBounds(common)
                b = b.withCustomBounds(common)
                reconciled = true
            }
        } else {
            if a.schema != b.schema {
                let target = min(a.schema, b.schema)
                a = a.reduced(to: target)
                b = b.reduced(to: target)
            }
            if a.zeroThreshold != b.zeroThreshold {
                let threshold = max(a.zeroThreshold, b.zeroThreshold)
                a = a.widenedZeroBucket(to: threshold)
                b = b.widenedZeroBucket(to: a.zeroThreshold)
                a = a.widenedZeroBucket(to: b.zeroThreshold)
            }
        }
        var out = a
        out.counterResetHint = hint
        out.count = a.count + sign * b.count
        out.sum = a.sum + sign * b.sum
        out.zeroCount = a.zeroCount + sign * b.zeroCount
        out.positive = FloatHistogram.merge(a.positive, b.positive, sign: sign)
        out.negative = FloatHistogram.merge(a.negative, b.negative, sign: sign)
        return HistogramCombination(result: out, counterResetCollision: collision, customBoundsReconciled: reconciled)
    }

    /// The hint of a sum and whether the two hints contradict each other (reset vs. not reset).
    static func combinedHint(_ a: CounterResetHint, _ b: CounterResetHint) -> (CounterResetHint, Bool) {
        if a == b { return (a, false) }
        if a == .gauge || b == .gauge { return (.gauge, false) }
        if a == .unknown || b == .unknown { return (.unknown, false) }
        return (.unknown, true)
    }

    /// Sorted merge of two sparse bucket lists, `a + sign·b`.
    static func merge(_ a: [HistogramBucket], _ b: [HistogramBucket], sign: Double) -> [HistogramBucket] {
        if b.isEmpty { return a }
        var out: [HistogramBucket] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i].index < b[j].index) {
                out.append(a[i]); i += 1
            } else if i >= a.count || b[j].index < a[i].index {
                out.append(HistogramBucket(index: b[j].index, count: sign * b[j].count)); j += 1
            } else {
                out.append(HistogramBucket(index: a[i].index, count: a[i].count + sign * b[j].count))
                i += 1; j += 1
            }
        }
        return out
    }

    // MARK: - Schema reduction

    /// The same histogram at a coarser exponential schema: bucket `i` goes to `((i - 1) >> d) + 1`.
    public func reduced(to target: Int32) -> FloatHistogram {
        guard target < schema, !usesCustomBuckets else { return self }
        let shift = Int32(min(schema - target, 31))
        func reduce(_ buckets: [HistogramBucket]) -> [HistogramBucket] {
            var out: [HistogramBucket] = []
            out.reserveCapacity(buckets.count)
            for b in buckets {
                let index = Int32(truncatingIfNeeded: ((Int64(b.index) - 1) >> Int64(shift)) + 1)
                if let last = out.indices.last, out[last].index == index {
                    out[last].count += b.count
                } else {
                    out.append(HistogramBucket(index: index, count: b.count))
                }
            }
            return out
        }
        var copy = self
        copy.schema = target
        copy.positive = reduce(positive)
        copy.negative = reduce(negative)
        return copy
    }

    // MARK: - Zero bucket

    /// The histogram with a zero bucket of at least `threshold`: buckets that lie inside it are added
    /// to the zero count; a bucket that straddles it widens the threshold to that bucket's upper bound.
    public func widenedZeroBucket(to threshold: Double) -> FloatHistogram {
        guard threshold > zeroThreshold, !usesCustomBuckets else { return self }
        var copy = self
        var t = threshold
        var changed = true
        while changed {
            changed = false
            for side in 0..<2 {
                let buckets = side == 0 ? copy.positive : copy.negative
                var keep: [HistogramBucket] = []
                keep.reserveCapacity(buckets.count)
                for b in buckets {
                    let lower = FloatHistogram.exponentialBound(b.index &- 1, schema: schema)
                    let upper = FloatHistogram.exponentialBound(b.index, schema: schema)
                    if lower < t {
                        copy.zeroCount += b.count
                        if upper > t { t = upper; changed = true }
                    } else {
                        keep.append(b)
                    }
                }
                if side == 0 { copy.positive = keep } else { copy.negative = keep }
            }
        }
        copy.zeroThreshold = t
        return copy
    }

    // MARK: - Custom bounds

    /// The bounds present in both lists.
    static func commonBounds(_ a: [Double], _ b: [Double]) -> [Double] {
        var out: [Double] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { out.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return out
    }

    /// The histogram re-bucketed onto `bounds`, a subset of its own custom bounds: each bucket goes to
    /// the first new bucket whose upper bound is at least its own.
    func withCustomBounds(_ bounds: [Double]) -> FloatHistogram {
        var copy = self
        copy.customValues = bounds
        var out: [HistogramBucket] = []
        var k = 0
        for b in positive {
            let upper = upperBound(b.index)
            while k < bounds.count && bounds[k] < upper { k += 1 }
            let index = Int32(k)
            if let last = out.indices.last, out[last].index == index {
                out[last].count += b.count
            } else {
                out.append(HistogramBucket(index: index, count: b.count))
            }
        }
        copy.positive = out
        return copy
    }
}
