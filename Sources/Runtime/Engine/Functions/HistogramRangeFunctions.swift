import PromModel

/// The math of range functions over native-histogram samples, as Prometheus defines it.
enum HistogramRangeFunctions {
    /// `rate`, `increase` and `delta` of histograms: the last minus the first sample (plus what was
    /// lost at each counter reset for counters), extrapolated like the float version, as a gauge histogram.
    static func extrapolatedDelta(_ w: [HistogramPoint], rangeStart: Int64, rangeEnd: Int64, rangeSeconds: Double,
                                  isCounter: Bool, isRate: Bool, notes: inout HistogramWindowNotes) -> FloatHistogram? {
        guard w.count >= 2, let first = w.first, let last = w.last else { return nil }
        // For counters, a first sample followed by a reset only contributes its count to the
        // extrapolation (last - first + first cancels), so it may have another bucket layout.
        let firstIsReset = isCounter && w[1].h.detectsReset(after: first.h)
        let checked = firstIsReset ? w.dropFirst() : w[...]
        let custom = last.h.usesCustomBuckets
        var minSchema = last.h.schema
        for p in checked {
            if p.h.usesCustomBuckets != custom { notes.mixedSchemas = true; return nil }
            minSchema = min(minSchema, p.h.schema)
            if isCounter && p.h.counterResetHint == .gauge { notes.notCounter = true }
        }
        if !isCounter && (first.h.counterResetHint != .gauge || last.h.counterResetHint != .gauge) {
            notes.notGauge = true
        }
        var result: FloatHistogram
        do {
            if firstIsReset {
                result = last.h.reduced(to: minSchema)
            } else {
                let c = try last.h.reduced(to: minSchema).subtracting(first.h)
                if c.customBoundsReconciled { notes.reconciledSubtraction = true }
                result = c.result
            }
            if isCounter {
                var prev = firstIsReset ? w[1].h : first.h
                for p in w.dropFirst(firstIsReset ? 2 : 1) {
                    if p.h.detectsReset(after: prev) {
                        let added = try result.adding(prev)
                        if added.customBoundsReconciled { notes.reconciledSubtraction = true }
                        result = added.result
                    }
                    prev = p.h
                }
            }
        } catch {
            notes.mixedSchemas = true
            return nil
        }
        return extrapolate(result, first: first, last: last, samples: w.count, start: nil, rangeStart: rangeStart,
                           rangeEnd: rangeEnd, rangeSeconds: rangeSeconds, isCounter: isCounter, isRate: isRate)
    }

    /// The extrapolation every `rate` / `increase` / `delta` of histograms ends with: `delta` scaled by
    /// how much of the range the samples cover plus what they are taken to reach at each end (half an
    /// average interval, or for counters no further back than where they would have been zero), and per
    /// second for `rate`, as a gauge histogram. `start` is a start timestamp inside the range that the
    /// first sample counts from: the samples then reach back exactly to it. Nil when they cover no time.
    static func extrapolate(_ delta: FloatHistogram, first: HistogramPoint, last: HistogramPoint, samples: Int,
                            start: Int64?, rangeStart: Int64, rangeEnd: Int64, rangeSeconds: Double,
                            isCounter: Bool, isRate: Bool) -> FloatHistogram? {
        var sampledInterval = Double(last.t - first.t) / 1000
        let average = samples > 1 ? sampledInterval / Double(samples - 1) : 0
        let threshold = average * 1.1
        var durationToStart = Double(first.t - rangeStart) / 1000
        var durationToEnd = Double(rangeEnd - last.t) / 1000
        if let start {
            durationToStart = 0
            sampledInterval = Double(last.t - start) / 1000
        } else {
            if durationToStart >= threshold { durationToStart = average / 2 }
            if isCounter && delta.count > 0 && first.h.count >= 0 {
                let durationToZero = sampledInterval * (first.h.count / delta.count)
                if durationToZero < durationToStart { durationToStart = durationToZero }
            }
        }
        guard sampledInterval > 0 else { return nil }
        if durationToEnd >= threshold { durationToEnd = average / 2 }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate { factor /= rangeSeconds }
        var result = delta.scaled(by: factor)
        result.counterResetHint = .gauge
        return result.compacted()
    }

    /// `irate` / `idelta` of the last two histograms (`irate` takes the last one alone after a reset).
    static func instantDelta(_ prev: FloatHistogram, _ last: FloatHistogram, interval: Int64, isRate: Bool,
                             notes: inout HistogramWindowNotes) -> FloatHistogram? {
        guard interval > 0 else { return nil }
        // After a reset `irate` takes the last histogram alone, so its schema may differ from the previous one.
        let reset = isRate && last.detectsReset(after: prev)
        if !reset && prev.usesCustomBuckets != last.usesCustomBuckets { notes.mixedSchemas = true; return nil }
        if !isRate && (prev.counterResetHint != .gauge || last.counterResetHint != .gauge) { notes.notGauge = true }
        if isRate && (prev.counterResetHint == .gauge || last.counterResetHint == .gauge) { notes.notCounter = true }
        var result: FloatHistogram
        if reset {
            result = last
        } else {
            do {
                let c = try last.subtracting(prev)
                if c.customBoundsReconciled { notes.reconciledSubtraction = true }
                result = c.result
            } catch {
                notes.mixedSchemas = true
                return nil
            }
        }
        if isRate { result = result.scaled(by: 1000 / Double(interval)) }
        result.counterResetHint = .gauge
        return result.compacted()
    }

    /// Equality of the values, ignoring the counter-reset hint and empty buckets.
    static func sameValue(_ a: FloatHistogram, _ b: FloatHistogram) -> Bool {
        var x = a.compacted(), y = b.compacted()
        x.counterResetHint = .unknown
        y.counterResetHint = .unknown
        return x == y
    }

    /// `resets` / `changes` over a window with floats and histograms in time order; a switch between
    /// a float and a histogram counts as a change (and as a reset).
    static func resetsOrChanges(_ fw: RangeFunctions.Window, _ hw: ArraySlice<HistogramPoint>, changes: Bool) -> Double {
        var n = 0.0
        var fi = fw.startIndex, hi = hw.startIndex
        var prevFloat: Double?
        var prevHistogram: FloatHistogram?
        var first = true
        while fi < fw.endIndex || hi < hw.endIndex {
            let takeFloat = hi >= hw.endIndex || (fi < fw.endIndex && fw[fi].t < hw[hi].t)
            if takeFloat {
                let v = fw[fi].f
                fi += 1
                if !first {
                    if let p = prevFloat {
                        if changes ? (v != p && !(v.isNaN && p.isNaN)) : v < p { n += 1 }
                    } else {
                        n += 1
                    }
                }
                prevFloat = v
                prevHistogram = nil
            } else {
                let h = hw[hi].h
                hi += 1
                if !first {
                    if let p = prevHistogram {
                        if changes ? !sameValue(h, p) : h.detectsReset(after: p) { n += 1 }
                    } else {
                        n += 1
                    }
                }
                prevHistogram = h
                prevFloat = nil
            }
            first = false
        }
        return n
    }
}

/// Sums histograms as Prometheus does: bucket by bucket, with the count and the sum of observations
/// also added with Kahan compensation (so that huge and tiny values do not cancel out).
struct HistogramSummation {
    private(set) var total: FloatHistogram?
    private var count = KahanSum()
    private var sum = KahanSum()
    private var resetSeen = false
    private var notResetSeen = false

    /// Whether the inputs said both "counter reset" and "not reset" (in any order, whatever else came
    /// between), which Prometheus warns about.
    var counterResetCollision: Bool { resetSeen && notResetSeen }

    /// Adds `h`; throws when the schemas cannot be mixed.
    mutating func add(_ h: FloatHistogram) throws(HistogramArithmeticError) -> HistogramCombination? {
        if h.counterResetHint == .counterReset { resetSeen = true }
        if h.counterResetHint == .notCounterReset { notResetSeen = true }
        count.add(h.count)
        sum.add(h.sum)
        guard let current = total else {
            total = h
            return nil
        }
        let c = try current.adding(h)
        total = c.result
        return c
    }

    /// The sum, with the compensated count and sum.
    var result: FloatHistogram? {
        guard var t = total else { return nil }
        t.count = count.value
        t.sum = sum.value
        return t
    }
}

extension HistogramSummation {
    /// The mean of `hs` from their sum, or, when the sum overflows where the inputs do not, as the sum
    /// of each histogram divided by their number first.
    static func mean(of hs: [FloatHistogram], sum: FloatHistogram) -> FloatHistogram {
        let n = Double(hs.count)
        let mean = sum.scaled(by: 1 / n)
        guard !sum.count.isFinite || !sum.sum.isFinite, hs.allSatisfy({ $0.count.isFinite && $0.sum.isFinite }) else {
            return mean
        }
        var scaled = HistogramSummation()
        for h in hs { _ = try? scaled.add(h.scaled(by: 1 / n)) }
        return scaled.result ?? mean
    }
}
