import Foundation
import PromModel

/// The math of the trim operators on native histograms (`h </ x` keeps the observations below `x`,
/// `h >/ x` those above it), as Prometheus 3.x defines it.
///
/// A bucket that holds `x` keeps the fraction on the kept side: linearly interpolated for custom
/// buckets and the zero bucket, logarithmically for exponential buckets. The sum is estimated anew
/// from the kept buckets, each population counted at the middle of its kept range (the geometric
/// middle for exponential buckets). A trim that keeps every bucket whole leaves the histogram as it
/// was, sum included.
///
/// The zero bucket leans to the side that has buckets: `[0, w]` with only positive buckets, `[-w, 0]`
/// with only negative ones, `[-w, w]` otherwise. Custom buckets that reach `-Inf` or `+Inf` follow
/// Prometheus's edge cases: the population of an infinite range is kept whole (counted at its finite
/// edge or at `x`) or dropped whole, except that a first bucket with a positive upper bound is taken
/// to start at 0.
enum HistogramTrim {
    /// What one bucket keeps: the population and where it is counted for the sum.
    struct Kept {
        var count: Double
        var middle: Double

        static let none = Kept(count: 0, middle: 0)
    }

    /// `h </ x` (`keepBelow`) or `h >/ x`.
    static func trim(_ h: FloatHistogram, at x: Double, keepBelow: Bool) -> FloatHistogram {
        var out = h
        var changed = false
        var count = 0.0
        var sum = 0.0
        func account(_ k: Kept, original: Double) -> Double {
            if k.count != original { changed = true }
            count += k.count
            if k.count != 0 { sum += k.count * k.middle }
            return k.count
        }
        let custom = h.usesCustomBuckets
        for i in out.positive.indices where out.positive[i].count != 0 {
            let b = out.positive[i]
            let lower = h.lowerBound(b.index), upper = h.upperBound(b.index)
            let k = custom
                ? customBucket(lower: lower, upper: upper, count: b.count, x: x, keepBelow: keepBelow)
                : finiteBucket(lower: lower, upper: upper, count: b.count, x: x, keepBelow: keepBelow, linear: false)
            out.positive[i].count = account(k, original: b.count)
        }
        for i in out.negative.indices where out.negative[i].count != 0 {
            let b = out.negative[i]
            let lower = -h.upperBound(b.index), upper = -h.lowerBound(b.index)
            let k = finiteBucket(lower: lower, upper: upper, count: b.count, x: x, keepBelow: keepBelow, linear: false)
            out.negative[i].count = account(k, original: b.count)
        }
        if h.zeroCount != 0 {
            let hasPositive = h.positive.contains { $0.count != 0 }
            let hasNegative = h.negative.contains { $0.count != 0 }
            let w = h.zeroThreshold
            let lower = hasPositive && !hasNegative ? 0 : -w
            let upper = hasNegative && !hasPositive ? 0 : w
            let k = finiteBucket(lower: lower, upper: upper, count: h.zeroCount, x: x, keepBelow: keepBelow, linear: true)
            out.zeroCount = account(k, original: h.zeroCount)
        }
        if !changed { return h }
        out.count = count
        out.sum = count == 0 ? 0 : sum
        return out.compacted()
    }

    /// A bucket with finite bounds `[lower, upper]`.
    static func finiteBucket(lower: Double, upper: Double, count: Double, x: Double, keepBelow: Bool,
                             linear: Bool) -> Kept {
        func middle(_ a: Double, _ b: Double) -> Double {
            if linear { return (a + b) / 2 }
            let m = (abs(a) * abs(b)).squareRoot()
            return a < 0 ? -m : m
        }
        if keepBelow {
            if x >= upper { return Kept(count: count, middle: middle(lower, upper)) }
            if !(x > lower) { return .none }
            return Kept(count: count * fractionBelow(lower: lower, upper: upper, x: x, linear: linear),
                        middle: middle(lower, x))
        }
        if x <= lower { return Kept(count: count, middle: middle(lower, upper)) }
        if !(x < upper) { return .none }
        return Kept(count: count * (1 - fractionBelow(lower: lower, upper: upper, x: x, linear: linear)),
                    middle: middle(x, upper))
    }

    /// The share of a bucket's population at or below `x` (`lower < x < upper`).
    static func fractionBelow(lower: Double, upper: Double, x: Double, linear: Bool) -> Double {
        if linear { return (x - lower) / (upper - lower) }
        let logLower = log2(abs(lower)), logUpper = log2(abs(upper)), logX = log2(abs(x))
        if upper <= 0 { return (logLower - logX) / (logLower - logUpper) }
        return (logX - logLower) / (logUpper - logLower)
    }

    /// A custom bucket, possibly reaching `-Inf` or `+Inf`.
    static func customBucket(lower: Double, upper: Double, count: Double, x: Double, keepBelow: Bool) -> Kept {
        let lowerOpen = lower == -.infinity, upperOpen = upper == .infinity
        switch (lowerOpen, upperOpen) {
        case (false, false):
            return finiteBucket(lower: lower, upper: upper, count: count, x: x, keepBelow: keepBelow, linear: true)
        case (true, true):
            let keep = keepBelow ? x == .infinity : x == -.infinity
            return keep ? Kept(count: count, middle: 0) : .none
        case (true, false):
            // The first bucket, (-Inf, upper]; with a positive upper bound it is taken to start at 0.
            let whole = upper > 0 ? upper / 2 : upper
            if keepBelow {
                if x >= upper { return Kept(count: count, middle: whole) }
                if upper > 0 { return x >= 0 ? Kept(count: count * x / upper, middle: x / 2) : .none }
                return Kept(count: count, middle: x)
            }
            if x == -.infinity { return Kept(count: count, middle: whole) }
            if x >= 0 && x < upper { return Kept(count: count * (1 - x / upper), middle: (x + upper) / 2) }
            return .none
        case (false, true):
            // The last bucket, (lower, +Inf]: dropped by `</`, kept whole by `>/` below +Inf.
            if keepBelow { return x == .infinity ? Kept(count: count, middle: lower) : .none }
            return x == .infinity ? .none : Kept(count: count, middle: Swift.max(lower, x))
        }
    }
}
