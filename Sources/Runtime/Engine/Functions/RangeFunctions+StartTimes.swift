/// Counter functions that also read the samples' start timestamps (Prometheus's `UseStartTimestamps`).
///
/// `sts` holds the start timestamp of every sample of the series (0 = none), index for index with the
/// buffer the window is a slice of. A start timestamp `st` of the sample at `t` (after a sample at
/// `prevT` whose start timestamp is `prevST`) marks a counter reset when `0 < st < t` and either
/// `st > prevT` (the counter restarted after the previous sample) or `st == prevT` while the previous
/// sample had a valid start of its own (`0 < prevST < prevT`: a run of deltas). `st == prevT` after a
/// sample without a start timestamp is a cumulative series whose start was unknown: no reset.
extension RangeFunctions {
    typealias StartTimes = UnsafeBufferPointer<Int64>

    /// Whether the sample at `t` with start `st`, after one at `prevT` with start `prevST`, restarted.
    @inline(__always)
    static func isStartReset(prevST: Int64, prevT: Int64, st: Int64, t: Int64) -> Bool {
        st != 0 && st < t && (st > prevT || (st == prevT && prevST != 0 && prevST < prevT))
    }

    /// `rate` / `increase` with start timestamps: resets also come from start timestamps, and a start
    /// timestamp of the first sample inside the window (after the window start, before the sample)
    /// stands for a zero sample there instead of extrapolating towards the window start.
    static func extrapolatedDelta(_ w: Window, sts: StartTimes, rangeStart: Int64, rangeEnd: Int64,
                                  rangeSeconds: Double, isRate: Bool) -> Double? {
        guard let first = w.first, let last = w.last, w.endIndex <= sts.count else { return nil }
        var result = last.f - first.f
        var i = w.startIndex + 1
        while i < w.endIndex {
            let prev = w[i - 1], p = w[i]
            if p.f < prev.f || isStartReset(prevST: sts[i - 1], prevT: prev.t, st: sts[i], t: p.t) {
                result += prev.f
            }
            i += 1
        }
        var sampledInterval = Double(last.t - first.t) / 1000
        let average = w.count > 1 ? sampledInterval / Double(w.count - 1) : 0
        let threshold = average * 1.1
        var durationToStart = Double(first.t - rangeStart) / 1000
        var durationToEnd = Double(rangeEnd - last.t) / 1000
        let firstST = sts[w.startIndex]
        if firstST != 0 && firstST > rangeStart && firstST < first.t {
            durationToStart = 0
            sampledInterval = Double(last.t - firstST) / 1000
            result += first.f
        } else {
            guard w.count >= 2 else { return nil }
            if durationToStart >= threshold { durationToStart = average / 2 }
            if result > 0 && first.f >= 0 {
                let durationToZero = sampledInterval * (first.f / result)
                if durationToZero < durationToStart { durationToStart = durationToZero }
            }
        }
        guard sampledInterval > 0 else { return nil }
        if durationToEnd >= threshold { durationToEnd = average / 2 }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate { factor /= rangeSeconds }
        return result * factor
    }

    /// `irate` with start timestamps: the last sample restarting (by value or start timestamp) gives
    /// its own value over the interval.
    static func instantRate(_ w: Window, sts: StartTimes) -> Double? {
        guard w.count >= 2, w.endIndex <= sts.count else { return nil }
        let li = w.endIndex - 1
        let last = w[li], prev = w[li - 1]
        let interval = last.t - prev.t
        guard interval > 0 else { return nil }
        var result = last.f - prev.f
        if last.f < prev.f || isStartReset(prevST: sts[li - 1], prevT: prev.t, st: sts[li], t: last.t) {
            result = last.f
        }
        return result / (Double(interval) / 1000)
    }

    /// `resets` with start timestamps.
    static func resets(_ w: Window, sts: StartTimes) -> Double {
        guard w.endIndex <= sts.count else { return resets(w) }
        var n = 0.0
        var i = w.startIndex + 1
        while i < w.endIndex {
            let prev = w[i - 1], p = w[i]
            if p.f < prev.f || isStartReset(prevST: sts[i - 1], prevT: prev.t, st: sts[i], t: p.t) { n += 1 }
            i += 1
        }
        return n
    }

    /// Whether a sample of the window starts before the previous sample and not with it (its interval
    /// overlaps the previous one): Prometheus warns about such series.
    static func hasStartOverlap(_ w: Window, sts: StartTimes) -> Bool {
        guard w.endIndex <= sts.count else { return false }
        var i = w.startIndex + 1
        while i < w.endIndex {
            let st = sts[i]
            if st != 0 && st < w[i - 1].t && st != sts[i - 1] { return true }
            i += 1
        }
        return false
    }
}
