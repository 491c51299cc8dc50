import Foundation

/// The pure math of functions over a window of samples (`rate`, `*_over_time`, ...), as Prometheus
/// defines it. A `nil` result means "no output for this step".
enum RangeFunctions {
    /// Samples of one window, read in place from the series' decoded buffer.
    typealias Window = Slice<UnsafeBufferPointer<FloatPoint>>

    // MARK: - Counters and gauges

    /// `rate`, `increase` and `delta`: the change over the window extrapolated towards the window
    /// edges (at most half an average sample interval beyond the first/last sample, and not below
    /// zero for counters), as in Prometheus 2.51+.
    static func extrapolatedDelta(_ w: Window, rangeStart: Int64, rangeEnd: Int64, rangeSeconds: Double,
                                  isCounter: Bool, isRate: Bool) -> Double? {
        guard w.count >= 2, let first = w.first, let last = w.last else { return nil }
        var result = last.f - first.f
        if isCounter {
            var prev = first.f
            for p in w.dropFirst() {
                if p.f < prev { result += prev }
                prev = p.f
            }
        }
        var durationToStart = Double(first.t - rangeStart) / 1000
        var durationToEnd = Double(rangeEnd - last.t) / 1000
        let sampledInterval = Double(last.t - first.t) / 1000
        let average = sampledInterval / Double(w.count - 1)
        let threshold = average * 1.1
        if durationToStart >= threshold { durationToStart = average / 2 }
        if isCounter && result > 0 && first.f >= 0 {
            let durationToZero = sampledInterval * (first.f / result)
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        if durationToEnd >= threshold { durationToEnd = average / 2 }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate { factor /= rangeSeconds }
        return result * factor
    }

    /// `irate` / `idelta`: from the last two samples.
    static func instantDelta(_ w: Window, isRate: Bool) -> Double? {
        guard w.count >= 2 else { return nil }
        let last = w[w.endIndex - 1], prev = w[w.endIndex - 2]
        var result = last.f - prev.f
        if isRate && last.f < prev.f { result = last.f }
        let interval = last.t - prev.t
        guard interval > 0 else { return nil }
        return isRate ? result / (Double(interval) / 1000) : result
    }

    static func resets(_ w: Window) -> Double {
        var n = 0.0
        var prev = w.first?.f ?? 0
        for p in w.dropFirst() {
            if p.f < prev { n += 1 }
            prev = p.f
        }
        return n
    }

    static func changes(_ w: Window) -> Double {
        var n = 0.0
        var prev = w.first?.f ?? 0
        for p in w.dropFirst() {
            if p.f != prev && !(p.f.isNaN && prev.isNaN) { n += 1 }
            prev = p.f
        }
        return n
    }

    // MARK: - Regression

    /// Least-squares slope and intercept (at `interceptTime`) of the samples, with compensated sums.
    static func linearRegression(_ w: Window, interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0
        var sx = KahanSum(), sy = KahanSum(), sxy = KahanSum(), sx2 = KahanSum()
        let initY = w.first?.f ?? 0
        var constY = true
        for (i, p) in w.enumerated() {
            if constY && i > 0 && p.f != initY { constY = false }
            n += 1
            let x = Double(p.t - interceptTime) / 1000
            sx.add(x)
            sy.add(p.f)
            sxy.add(x * p.f)
            sx2.add(x * x)
        }
        if constY {
            if initY.isInfinite { return (.nan, .nan) }
            return (0, initY)
        }
        let sumX = sx.value, sumY = sy.value, sumXY = sxy.value, sumX2 = sx2.value
        let covXY = sumXY - sumX * sumY / n
        let varX = sumX2 - sumX * sumX / n
        let slope = covXY / varX
        let intercept = sumY / n - slope * sumX / n
        return (slope, intercept)
    }

    /// `double_exponential_smoothing` (formerly `holt_winters`).
    static func doubleExponentialSmoothing(_ w: Window, sf: Double, tf: Double) -> Double? {
        guard w.count >= 2 else { return nil }
        let values = w.map(\.f)
        var s0 = 0.0, s1 = values[0], b = values[1] - values[0]
        for i in 1..<values.count {
            let x = sf * values[i]
            if i > 1 { b = tf * (s1 - s0) + (1 - tf) * b }
            let y = (1 - sf) * (s1 + b)
            s0 = s1
            s1 = x + y
        }
        return s1
    }

    // MARK: - Aggregations over time

    static func sum(_ w: Window) -> Double {
        var k = KahanSum()
        for p in w { k.add(p.f) }
        return k.value
    }

    static func avg(_ w: Window) -> Double {
        var m = MeanAccumulator()
        for p in w { m.add(p.f) }
        return m.value
    }

    static func min(_ w: Window) -> Double {
        var m = w.first?.f ?? .nan
        for p in w where p.f < m || m.isNaN { m = p.f }
        return m
    }

    static func max(_ w: Window) -> Double {
        var m = w.first?.f ?? .nan
        for p in w where p.f > m || m.isNaN { m = p.f }
        return m
    }

    /// Population variance with Welford's method and compensated sums.
    static func variance(_ w: Window) -> Double {
        var count = 0.0
        var mean = 0.0, cMean = 0.0, aux = 0.0, cAux = 0.0
        for p in w {
            count += 1
            let delta = p.f - (mean + cMean)
            (mean, cMean) = KahanSum.increment(delta / count, mean, cMean)
            (aux, cAux) = KahanSum.increment(delta * (p.f - (mean + cMean)), aux, cAux)
        }
        return (aux + cAux) / count
    }

    /// The φ-quantile of `values` with linear interpolation (Prometheus's `quantile`).
    static func quantile(_ q: Double, _ values: [Double]) -> Double {
        guard !values.isEmpty, !q.isNaN else { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let sorted = values.sorted { a, b in
            // NaN sorts first, like Go's sort.Float64s.
            if a.isNaN { return !b.isNaN }
            return a < b
        }
        let n = Double(sorted.count)
        let rank = q * (n - 1)
        let lower = Swift.max(0, Int(rank.rounded(.down)))
        let upper = Swift.min(sorted.count - 1, lower + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[lower] * (1 - weight) + sorted[upper] * weight
    }

    /// Median absolute deviation.
    static func mad(_ w: Window) -> Double {
        let values = w.map(\.f)
        if values.contains(where: \.isNaN) { return .nan }
        let median = quantile(0.5, values)
        return quantile(0.5, values.map { abs($0 - median) })
    }

    /// Timestamp (seconds) of the minimum or maximum; the last one on ties.
    static func timestampOfExtreme(_ w: Window, max wantMax: Bool) -> Double {
        guard var best = w.first else { return .nan }
        for p in w.dropFirst() {
            let better = wantMax ? (p.f >= best.f || best.f.isNaN) : (p.f <= best.f || best.f.isNaN)
            if better && !p.f.isNaN { best = p }
        }
        return Double(best.t) / 1000
    }
}
