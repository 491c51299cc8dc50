/// The math behind the experimental `anchored` and `smoothed` range-selector modifiers (Prometheus 3.x
/// extended range selectors).
///
/// A window for these modifiers is wider than the range: it reaches back one lookback delta before the
/// range start (for the sample the range is anchored on) and, for `smoothed`, one lookback delta past the
/// range end (for interpolating the right boundary). The functions below get that wider window and the
/// range boundaries `(rangeStart, rangeEnd]`.
extension RangeFunctions {
    // MARK: - Boundary samples

    /// Index of the sample the range is anchored on: the last one at or before `rangeStart`, or the first
    /// one when none is. Like Prometheus, the last sample of the window is never chosen here.
    static func anchorIndex(_ w: Window, rangeStart: Int64) -> Int {
        let lastCandidate = w.endIndex - 1
        var i = w.startIndex
        while i < lastCandidate && w[i].t <= rangeStart { i += 1 }
        return Swift.max(w.startIndex, i - 1)
    }

    /// Index of the first sample at or after `rangeEnd` (the right neighbour for interpolation), or the
    /// last sample when none is.
    static func rightIndex(_ w: Window, rangeEnd: Int64) -> Int {
        var i = w.endIndex - 1
        while i > w.startIndex && w[i - 1].t >= rangeEnd { i -= 1 }
        return i
    }

    /// Linear interpolation between two samples at time `t`. For counters, a drop between them is a
    /// reset: the counter is taken to restart from zero at `a`.
    static func interpolate(_ a: FloatPoint, _ b: FloatPoint, at t: Int64, isCounter: Bool) -> Double {
        let y1 = isCounter && b.f < a.f ? 0 : a.f
        let span = b.t - a.t
        guard span != 0 else { return b.f }
        return y1 + (b.f - y1) * (Double(t - a.t) / Double(span))
    }

    /// The value at the left boundary: interpolated (smoothed, sample before the range start) or the
    /// anchor sample's value.
    static func leftValue(_ w: Window, first: Int, rangeStart: Int64, smoothed: Bool, isCounter: Bool) -> Double {
        if smoothed && w[first].t < rangeStart && first + 1 < w.endIndex {
            return interpolate(w[first], w[first + 1], at: rangeStart, isCounter: isCounter)
        }
        return w[first].f
    }

    /// The value at the right boundary: interpolated (smoothed, sample after the range end) or the last
    /// sample's value.
    static func rightValue(_ w: Window, last: Int, rangeEnd: Int64, smoothed: Bool, isCounter: Bool) -> Double {
        if smoothed && last > w.startIndex && w[last].t > rangeEnd {
            return interpolate(w[last - 1], w[last], at: rangeEnd, isCounter: isCounter)
        }
        return w[last].f
    }

    // MARK: - rate, increase, delta

    /// `rate`, `increase` and `delta` with `anchored` or `smoothed`: the difference between the boundary
    /// values, corrected for counter resets between them; no extrapolation. `nil` when no sample lies
    /// inside the range on the side that matters (all before the start, or all after the end).
    static func extendedDelta(_ w: Window, rangeStart: Int64, rangeEnd: Int64, rangeSeconds: Double,
                              smoothed: Bool, isCounter: Bool, isRate: Bool) -> Double? {
        guard let firstSample = w.first, firstSample.t <= rangeEnd else { return nil }
        var first = anchorIndex(w, rangeStart: rangeStart)
        var last = smoothed ? rightIndex(w, rangeEnd: rangeEnd) : w.endIndex - 1
        guard w[last].t > rangeStart else { return nil }
        let left = leftValue(w, first: first, rangeStart: rangeStart, smoothed: smoothed, isCounter: isCounter)
        let right = rightValue(w, last: last, rangeEnd: rangeEnd, smoothed: smoothed, isCounter: isCounter)
        var result = right - left
        if isCounter {
            // Boundary samples are already represented by `left` and `right`.
            if w[first].t <= rangeStart { first += 1 }
            if w[last].t >= rangeEnd { last -= 1 }
            var prev = left
            if first <= last {
                for p in w[first...last] {
                    if p.f < prev { result += prev }
                    prev = p.f
                }
            }
            if right < prev { result += prev }
        }
        return isRate ? result / rangeSeconds : result
    }

    // MARK: - resets, changes

    /// The part of an anchored window that `resets` and `changes` count over: from the anchor sample on;
    /// `nil` when no sample lies after the range start.
    static func anchoredWindow(_ w: Window, rangeStart: Int64) -> Window? {
        guard let last = w.last, last.t > rangeStart else { return nil }
        return w[anchorIndex(w, rangeStart: rangeStart)...]
    }

    // MARK: - Range vectors

    /// The samples of an anchored or smoothed range vector: a point at `rangeStart` with the left boundary
    /// value, the samples strictly inside the range, and a point at `rangeEnd` with the right boundary
    /// value (no counter semantics). Empty when no sample lies after the range start.
    static func extendedPoints(_ w: Window, rangeStart: Int64, rangeEnd: Int64, smoothed: Bool) -> [FloatPoint] {
        guard !w.isEmpty else { return [] }
        var first = anchorIndex(w, rangeStart: rangeStart)
        var last = smoothed ? rightIndex(w, rangeEnd: rangeEnd) : w.endIndex - 1
        guard w[last].t > rangeStart else { return [] }
        let left = leftValue(w, first: first, rangeStart: rangeStart, smoothed: smoothed, isCounter: false)
        let right = rightValue(w, last: last, rangeEnd: rangeEnd, smoothed: smoothed, isCounter: false)
        if w[first].t <= rangeStart { first += 1 }
        if w[last].t >= rangeEnd { last -= 1 }
        var out: [FloatPoint] = [FloatPoint(t: rangeStart, f: left)]
        if first <= last {
            out.reserveCapacity(last - first + 3)
            out.append(contentsOf: w[first...last])
        }
        out.append(FloatPoint(t: rangeEnd, f: right))
        return out
    }
}
