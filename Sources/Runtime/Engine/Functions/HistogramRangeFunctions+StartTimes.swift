import PromModel

/// Histogram counter functions that also read the samples' start timestamps, as
/// `RangeFunctions+StartTimes` does for floats: `sts` holds the start timestamp of every histogram
/// sample of the series (0 = none), index for index with the array the window is a slice of.
extension HistogramRangeFunctions {
    /// Whether histogram `i` of the window restarted after histogram `i - 1`, by its counts or by its
    /// start timestamp.
    private static func restarted(_ w: ArraySlice<HistogramPoint>, _ sts: [Int64], at i: Int) -> Bool {
        w[i].h.detectsReset(after: w[i - 1].h)
            || RangeFunctions.isStartReset(prevST: sts[i - 1], prevT: w[i - 1].t, st: sts[i], t: w[i].t)
    }

    /// `rate` / `increase` of a histogram window with start timestamps: resets also come from start
    /// timestamps, and a start timestamp of the first sample inside the window stands for an empty
    /// histogram there instead of extrapolating towards the window start.
    static func extrapolatedDelta(_ w: ArraySlice<HistogramPoint>, sts: [Int64], rangeStart: Int64, rangeEnd: Int64,
                                  rangeSeconds: Double, isRate: Bool,
                                  notes: inout HistogramWindowNotes) -> FloatHistogram? {
        guard let first = w.first, let last = w.last, w.endIndex <= sts.count else { return nil }
        let firstST = sts[w.startIndex]
        let fromStart = firstST != 0 && firstST > rangeStart && firstST < first.t
        guard fromStart || w.count >= 2 else { return nil }
        let custom = last.h.usesCustomBuckets
        var minSchema = last.h.schema
        for p in w {
            if p.h.usesCustomBuckets != custom { notes.mixedSchemas = true; return nil }
            minSchema = min(minSchema, p.h.schema)
            if p.h.counterResetHint == .gauge { notes.notCounter = true }
        }
        var result: FloatHistogram
        do {
            var c = try last.h.reduced(to: minSchema).subtracting(first.h)
            var reconciled = c.customBoundsReconciled
            result = c.result
            var i = w.startIndex + 1
            while i < w.endIndex {
                if restarted(w, sts, at: i) {
                    c = try result.adding(w[i - 1].h)
                    reconciled = reconciled || c.customBoundsReconciled
                    result = c.result
                }
                i += 1
            }
            if fromStart {
                c = try result.adding(first.h)
                reconciled = reconciled || c.customBoundsReconciled
                result = c.result
            }
            if reconciled { notes.reconciledSubtraction = true }
        } catch {
            notes.mixedSchemas = true
            return nil
        }
        return extrapolate(result, first: first, last: last, samples: w.count, start: fromStart ? firstST : nil,
                           rangeStart: rangeStart, rangeEnd: rangeEnd, rangeSeconds: rangeSeconds,
                           isCounter: true, isRate: isRate)
    }

    /// `irate` of the last two histograms of the window with start timestamps: a restart by start
    /// timestamp, like one by counts, takes the last histogram alone.
    static func instantRate(_ w: ArraySlice<HistogramPoint>, sts: [Int64],
                            notes: inout HistogramWindowNotes) -> FloatHistogram? {
        guard w.count >= 2, w.endIndex <= sts.count else { return nil }
        let li = w.endIndex - 1
        let prev = w[li - 1], last = w[li]
        let interval = last.t - prev.t
        guard interval > 0 else { return nil }
        let stReset = RangeFunctions.isStartReset(prevST: sts[li - 1], prevT: prev.t, st: sts[li], t: last.t)
        guard stReset else { return instantDelta(prev.h, last.h, interval: interval, isRate: true, notes: &notes) }
        if prev.h.counterResetHint == .gauge || last.h.counterResetHint == .gauge { notes.notCounter = true }
        var result = last.h.scaled(by: 1000 / Double(interval))
        result.counterResetHint = .gauge
        return result.compacted()
    }

    /// `resets` of a histogram-only window with start timestamps.
    static func resets(_ w: ArraySlice<HistogramPoint>, sts: [Int64]) -> Double {
        guard w.endIndex <= sts.count else { return 0 }
        var n = 0.0
        var i = w.startIndex + 1
        while i < w.endIndex {
            if restarted(w, sts, at: i) { n += 1 }
            i += 1
        }
        return n
    }
}
