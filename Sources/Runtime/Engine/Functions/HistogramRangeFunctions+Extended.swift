import PromModel

/// The `anchored` and `smoothed` modifiers over native histograms: the histogram form of
/// `RangeFunctions+Extended` (boundary samples, interpolation, reset correction).
extension HistogramRangeFunctions {
    // MARK: - Boundary samples

    /// Index of the sample the range is anchored on: the last one at or before `rangeStart`, or the first
    /// one when none is; never the last sample of a window of two or more.
    static func anchorIndex(_ w: ArraySlice<HistogramPoint>, rangeStart: Int64) -> Int {
        let lastCandidate = w.endIndex - 1
        var i = w.startIndex
        while i < lastCandidate && w[i].t <= rangeStart { i += 1 }
        return Swift.max(w.startIndex, i - 1)
    }

    /// Index of the first sample at or after `rangeEnd`, or the last sample when none is.
    static func rightIndex(_ w: ArraySlice<HistogramPoint>, rangeEnd: Int64) -> Int {
        var i = w.endIndex - 1
        while i > w.startIndex && w[i - 1].t >= rangeEnd { i -= 1 }
        return i
    }

    /// The histogram between samples `a` and `b` at time `t`, interpolated linearly bucket by bucket.
    /// For counters, a reset between them means the counter restarts from zero at `a`: the result is `b`
    /// scaled down (keeping `b`'s reset hint). Throws when one has exponential and the other custom buckets.
    static func interpolate(_ a: HistogramPoint, _ b: HistogramPoint, at t: Int64,
                            isCounter: Bool) throws(HistogramArithmeticError) -> FloatHistogram {
        guard a.h.usesCustomBuckets == b.h.usesCustomBuckets else { throw .mixedSchemas }
        let span = b.t - a.t
        guard span != 0 else { return b.h }
        let fraction = Double(t - a.t) / Double(span)
        if isCounter && b.h.detectsReset(after: a.h) { return b.h.scaled(by: fraction) }
        let step = try b.h.subtracting(a.h).result.scaled(by: fraction)
        var out = try a.h.adding(step).result
        out.counterResetHint = b.h.counterResetHint
        return out.compacted()
    }

    // MARK: - rate, increase, delta

    /// `rate`, `increase` and `delta` of histograms with `anchored` or `smoothed`: the right boundary
    /// minus the left one, plus what was lost at each counter reset between them (counters only); no
    /// extrapolation. `nil` when no sample lies inside the range on the side that matters, or when the
    /// samples mix exponential and custom buckets.
    static func extendedDelta(_ w: ArraySlice<HistogramPoint>, rangeStart: Int64, rangeEnd: Int64,
                              rangeSeconds: Double, smoothed: Bool, isCounter: Bool, isRate: Bool,
                              notes: inout HistogramWindowNotes) -> FloatHistogram? {
        guard let firstSample = w.first, firstSample.t <= rangeEnd else { return nil }
        let first = anchorIndex(w, rangeStart: rangeStart)
        let last = smoothed ? rightIndex(w, rangeEnd: rangeEnd) : w.endIndex - 1
        guard w[last].t > rangeStart else { return nil }
        let custom = w[first].h.usesCustomBuckets
        for p in w[first...last] {
            if p.h.usesCustomBuckets != custom { notes.mixedSchemas = true; return nil }
            if isCounter && p.h.counterResetHint == .gauge { notes.notCounter = true }
        }
        if !isCounter && (w[first].h.counterResetHint != .gauge || w[last].h.counterResetHint != .gauge) {
            notes.notGauge = true
        }
        let leftInterpolated = smoothed && w[first].t < rangeStart && first + 1 < w.endIndex
        let rightInterpolated = smoothed && last > w.startIndex && w[last].t > rangeEnd
        do {
            let left = leftInterpolated
                ? try interpolate(w[first], w[first + 1], at: rangeStart, isCounter: isCounter) : w[first].h
            let right = rightInterpolated
                ? try interpolate(w[last - 1], w[last], at: rangeEnd, isCounter: isCounter) : w[last].h
            var result = try subtract(right, left, notes: &notes)
            if isCounter && first != last {
                // The sequence is left, the samples strictly between the boundary samples, right. An
                // interpolated left boundary lies on the segment towards its successor already.
                var sequence: [FloatHistogram] = [left]
                if first + 1 < last { sequence.append(contentsOf: w[(first + 1)..<last].map(\.h)) }
                sequence.append(right)
                for k in 1..<sequence.count {
                    if k == 1 && leftInterpolated { continue }
                    if sequence[k].detectsReset(after: sequence[k - 1]) {
                        result = try add(result, sequence[k - 1], notes: &notes)
                    }
                }
            }
            if isRate { result = result.scaled(by: 1 / rangeSeconds) }
            result.counterResetHint = .gauge
            return result.compacted()
        } catch {
            notes.mixedSchemas = true
            return nil
        }
    }

    private static func subtract(_ a: FloatHistogram, _ b: FloatHistogram,
                                 notes: inout HistogramWindowNotes) throws(HistogramArithmeticError) -> FloatHistogram {
        let c = try a.subtracting(b)
        if c.customBoundsReconciled { notes.reconciledSubtraction = true }
        return c.result
    }

    private static func add(_ a: FloatHistogram, _ b: FloatHistogram,
                            notes: inout HistogramWindowNotes) throws(HistogramArithmeticError) -> FloatHistogram {
        let c = try a.adding(b)
        if c.customBoundsReconciled { notes.reconciledSubtraction = true }
        return c.result
    }

    // MARK: - resets, changes

    /// `resets` / `changes` with `anchored` over floats and histograms: counted from the anchor sample
    /// (the last sample of either kind at or before the range start); `nil` when no sample lies after
    /// the range start.
    static func anchoredResetsOrChanges(_ fw: RangeFunctions.Window, _ hw: ArraySlice<HistogramPoint>,
                                        rangeStart: Int64, changes: Bool) -> Double? {
        let lastT = Swift.max(fw.last?.t ?? .min, hw.last?.t ?? .min)
        guard lastT > rangeStart else { return nil }
        // The anchor: the latest sample at or before the range start, else the earliest sample.
        var anchorT = Int64.min
        for p in fw where p.t <= rangeStart { anchorT = Swift.max(anchorT, p.t) }
        for p in hw where p.t <= rangeStart { anchorT = Swift.max(anchorT, p.t) }
        if anchorT == .min { anchorT = Swift.min(fw.first?.t ?? .max, hw.first?.t ?? .max) }
        let fFrom = fw.firstIndex { $0.t >= anchorT } ?? fw.endIndex
        let hFrom = hw.firstIndex { $0.t >= anchorT } ?? hw.endIndex
        return resetsOrChanges(fw[fFrom...], hw[hFrom...], changes: changes)
    }
}
