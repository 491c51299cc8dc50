/// Quantiles and fractions over classic histogram buckets (`le` series), as Prometheus computes them.
enum BucketQuantile {
    struct Bucket {
        var upperBound: Double
        var count: Double
    }

    /// Sorts by upper bound, merges equal bounds and forces cumulative counts to be monotonic.
    /// Returns whether counts had to be raised (beyond float noise).
    static func normalize(_ buckets: inout [Bucket]) -> (valid: Bool, forcedMonotonic: Bool) {
        buckets.sort { $0.upperBound < $1.upperBound }
        guard let last = buckets.last, last.upperBound == .infinity else { return (false, false) }
        var merged: [Bucket] = []
        merged.reserveCapacity(buckets.count)
        for b in buckets {
            if let l = merged.last, l.upperBound == b.upperBound {
                merged[merged.count - 1].count += b.count
            } else {
                merged.append(b)
            }
        }
        buckets = merged
        var forced = false
        guard var prev = buckets.first?.count else { return (true, false) }
        for i in buckets.indices.dropFirst() {
            let curr = buckets[i].count
            if curr == prev { continue }
            if almostEqual(prev, curr, tolerance: 1e-12) {
                buckets[i].count = prev
                continue
            }
            if curr < prev {
                buckets[i].count = prev
                forced = true
                continue
            }
            prev = curr
        }
        return (true, forced)
    }

    /// The φ-quantile of normalized buckets (linear interpolation within the bucket).
    static func quantile(_ q: Double, _ buckets: [Bucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        guard buckets.count >= 2, let total = buckets.last?.count, total > 0, !total.isNaN else { return .nan }
        var rank = q * total
        var b = buckets.count - 1
        for i in 0..<(buckets.count - 1) where buckets[i].count >= rank {
            b = i
            break
        }
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }

    /// The fraction of observations between `lower` and `upper`, interpolating linearly in buckets.
    static func fraction(lower: Double, upper: Double, _ buckets: [Bucket]) -> Double {
        guard let total = buckets.last?.count, total > 0, !lower.isNaN, !upper.isNaN else { return .nan }
        if lower >= upper { return 0 }
        return (rank(upper, buckets) - rank(lower, buckets)) / total
    }

    /// The interpolated cumulative count at `x`.
    private static func rank(_ x: Double, _ buckets: [Bucket]) -> Double {
        if x == -.infinity { return 0 }
        if x == .infinity { return buckets.last?.count ?? 0 }
        for (i, b) in buckets.enumerated() where x <= b.upperBound {
            let lowerCount = i == 0 ? 0 : buckets[i - 1].count
            if b.upperBound == .infinity { return lowerCount }
            let lowerBound: Double
            if i == 0 {
                if b.upperBound <= 0 { return b.count }
                lowerBound = 0
                if x <= 0 { return 0 }
            } else {
                lowerBound = buckets[i - 1].upperBound
            }
            return lowerCount + (b.count - lowerCount) * (x - lowerBound) / (b.upperBound - lowerBound)
        }
        return buckets.last?.count ?? 0
    }

    static func almostEqual(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a == b { return true }
        let diff = abs(a - b)
        let norm = min(abs(a) + abs(b), Double.greatestFiniteMagnitude)
        if a == 0 || b == 0 || norm < Double.leastNormalMagnitude {
            return diff < tolerance * Double.leastNormalMagnitude
        }
        return diff / norm < tolerance
    }
}
