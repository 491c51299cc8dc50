/// Compensated (Kahan-Babuška/Neumaier) summation, as Prometheus uses for `sum`, `avg` and `*_over_time`.
struct KahanSum {
    var sum = 0.0
    var c = 0.0

    /// Adds `inc`, tracking the lost low-order bits in `c`.
    @inline(__always)
    mutating func add(_ inc: Double) {
        (sum, c) = KahanSum.increment(inc, sum, c)
    }

    /// The compensated total.
    var value: Double { sum + c }

    /// One Neumaier step: the new sum and compensation.
    @inline(__always)
    static func increment(_ inc: Double, _ sum: Double, _ c: Double) -> (Double, Double) {
        let t = sum + inc
        if t.isInfinite { return (t, 0) }
        if abs(sum) >= abs(inc) { return (t, c + ((sum - t) + inc)) }
        return (t, c + ((inc - t) + sum))
    }
}

/// An incremental mean that switches from a plain (compensated) sum to an incremental mean when the
/// sum overflows, as Prometheus's `avg` and `avg_over_time` do.
struct MeanAccumulator {
    private var sum = 0.0
    private var c = 0.0
    private var mean = 0.0
    private var incremental = false
    private(set) var count = 0.0

    @inline(__always)
    mutating func add(_ v: Double) {
        count += 1
        if !incremental {
            let (s, nc) = KahanSum.increment(v, sum, c)
            if count == 1 || !s.isInfinite {
                sum = s
                c = nc
                return
            }
            incremental = true
            mean = sum / (count - 1)
            c /= (count - 1)
        }
        if mean.isInfinite {
            // An infinite mean stays as it is unless a NaN or an infinity of the other sign arrives.
            if v.isInfinite && (mean > 0) == (v > 0) { return }
            if !v.isInfinite && !v.isNaN { return }
        }
        let corrected = mean + c
        (mean, c) = KahanSum.increment(v / count - corrected / count, mean, c)
    }

    var value: Double {
        if incremental { return mean + c }
        return sum / count + c / count
    }
}
