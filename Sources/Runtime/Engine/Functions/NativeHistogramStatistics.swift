import Foundation
import PromModel

/// Quantiles, fractions and variance of native histograms, as Prometheus computes them.
enum NativeHistogramStatistics {
    /// One bucket with its bounds, in ascending order of value.
    struct Bucket {
        var lower: Double
        var upper: Double
        var count: Double
    }

    /// What a quantile or fraction noticed about NaN observations.
    enum NaNNote {
        case none
        /// NaN observations pushed the result up (they rank above +Inf).
        case skewed
        /// The rank falls among the NaN observations.
        case resultIsNaN
    }

    /// Every bucket in ascending order: negative buckets from the most negative, the zero bucket (when
    /// it has a width or a count), then the positive buckets.
    static func buckets(_ h: FloatHistogram) -> [Bucket] {
        var out: [Bucket] = []
        out.reserveCapacity(h.positive.count + h.negative.count + 1)
        if h.usesCustomBuckets {
            for b in h.positive { out.append(Bucket(lower: h.lowerBound(b.index), upper: h.upperBound(b.index), count: b.count)) }
            return out
        }
        for b in h.negative.reversed() {
            out.append(Bucket(lower: -h.upperBound(b.index), upper: -h.lowerBound(b.index), count: b.count))
        }
        if h.zeroCount != 0 || h.zeroThreshold != 0 {
            out.append(Bucket(lower: -h.zeroThreshold, upper: h.zeroThreshold, count: h.zeroCount))
        }
        for b in h.positive { out.append(Bucket(lower: h.lowerBound(b.index), upper: h.upperBound(b.index), count: b.count)) }
        return out
    }

    // MARK: - Quantile

    /// The `q`-quantile: linear interpolation in custom and zero buckets, exponential elsewhere.
    static func quantile(_ q: Double, _ h: FloatHistogram) -> (Double, NaNNote) {
        if q < 0 { return (-.infinity, .none) }
        if q > 1 { return (.infinity, .none) }
        if h.count == 0 || q.isNaN { return (.nan, .none) }
        let all = buckets(h)
        let forward = h.sum.isNaN || q < 0.5
        var rank = forward ? q * h.count : (1 - q) * h.count
        var count = 0.0
        var bucket = Bucket(lower: 0, upper: 0, count: 0)
        var k = 0
        let order: [Int] = forward ? Array(all.indices) : all.indices.reversed()
        while k < order.count {
            bucket = all[order[k]]
            k += 1
            if bucket.count == 0 { continue }
            count += bucket.count
            if count >= rank { break }
        }
        let hasNegative = !h.negative.isEmpty
        let hasPositive = !h.positive.isEmpty
        if !h.usesCustomBuckets && bucket.lower < 0 && bucket.upper > 0 {
            if !hasNegative && hasPositive {
                bucket.lower = 0
            } else if !hasPositive && hasNegative {
                bucket.upper = 0
            }
        } else if h.usesCustomBuckets {
            if bucket.lower == -.infinity {
                if bucket.upper <= 0 { return (bucket.upper, .none) }
                bucket.lower = 0
            } else if bucket.upper == .infinity {
                return (bucket.lower, .none)
            }
        }
        if count > h.count { count = h.count }
        if count < rank {
            if h.sum.isNaN { return (.nan, .resultIsNaN) }
            return (bucket.upper, .none)
        }
        if forward { rank -= count - bucket.count } else { rank = count - rank }
        var note = NaNNote.none
        if h.sum.isNaN {
            var total = count
            while k < order.count { total += all[order[k]].count; k += 1 }
            if total < h.count { note = .skewed }
        }
        let fraction = rank / bucket.count
        if h.usesCustomBuckets || (bucket.lower <= 0 && bucket.upper >= 0) {
            return (bucket.lower + (bucket.upper - bucket.lower) * fraction, note)
        }
        let logLower = log2(abs(bucket.lower)), logUpper = log2(abs(bucket.upper))
        if bucket.lower > 0 { return (exp2(logLower + (logUpper - logLower) * fraction), note) }
        return (-exp2(logUpper + (logLower - logUpper) * (1 - fraction)), note)
    }

    // MARK: - Fraction

    /// The fraction of observations between `lower` and `upper`; `true` when NaN observations were
    /// left out of every fraction.
    static func fraction(lower: Double, upper: Double, _ h: FloatHistogram) -> (Double, Bool) {
        if h.count == 0 || lower.isNaN || upper.isNaN { return (.nan, false) }
        if lower >= upper { return (0, false) }
        let all = buckets(h)
        var rank = 0.0, lowerRank = 0.0, upperRank = 0.0, seen = 0.0
        var lowerSet = false, upperSet = false
        let onlyPositive = h.negative.isEmpty && !h.positive.isEmpty
        let onlyNegative = h.positive.isEmpty && !h.negative.isEmpty
        var k = 0
        while k < all.count {
            var b = all[k]
            k += 1
            seen += b.count
            var zeroBucket = false
            if b.lower <= 0 && b.upper >= 0 {
                zeroBucket = true
                if onlyPositive { b.lower = 0 } else if onlyNegative { b.upper = 0 }
            }
            let linear = h.usesCustomBuckets || zeroBucket
            func interpolate(_ v: Double) -> Double {
                if linear {
                    if b.lower == -.infinity { return b.count }
                    return rank + b.count * (v - b.lower) / (b.upper - b.lower)
                }
                let logLower = log2(abs(b.lower)), logUpper = log2(abs(b.upper)), logV = log2(abs(v))
                let f = v > 0 ? (logV - logLower) / (logUpper - logLower) : 1 - (logV - logUpper) / (logLower - logUpper)
                return rank + b.count * f
            }
            if !lowerSet && b.lower >= lower { lowerRank = rank; lowerSet = true }
            if !upperSet && b.lower >= upper { upperRank = rank; upperSet = true }
            if lowerSet && upperSet { break }
            if !lowerSet && b.lower < lower && b.upper > lower { lowerRank = interpolate(lower); lowerSet = true }
            if !upperSet && b.lower < upper && b.upper > upper { upperRank = interpolate(upper); upperSet = true }
            if lowerSet && upperSet { break }
            rank += b.count
        }
        var total = h.count
        var excludedNaN = false
        if h.sum.isNaN {
            while k < all.count { seen += all[k].count; k += 1 }
            total = seen
            excludedNaN = seen < h.count
        }
        if !lowerSet || lowerRank > total { lowerRank = total }
        if !upperSet || upperRank > total { upperRank = total }
        return ((upperRank - lowerRank) / h.count, excludedNaN)
    }

    // MARK: - Variance

    /// The variance of the observations, each bucket's count placed at its geometric mean (arithmetic
    /// for custom buckets, 0 in the zero bucket), around the mean `sum / count`.
    static func variance(_ h: FloatHistogram) -> Double {
        let mean = h.sum / h.count
        var sum = KahanSum()
        for b in buckets(h) where b.count != 0 {
            let value: Double
            if h.usesCustomBuckets {
                value = (b.upper + b.lower) / 2
            } else if b.lower <= 0 && b.upper >= 0 {
                value = 0
            } else {
                let g = (b.upper * b.lower).squareRoot()
                value = b.upper < 0 ? -g : g
            }
            let delta = value - mean
            sum.add(b.count * delta * delta)
        }
        return sum.value / h.count
    }
}
