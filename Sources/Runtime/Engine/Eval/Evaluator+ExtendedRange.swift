import PromModel
import Storage
import PromQL

// MARK: - Extended range selectors (`anchored`, `smoothed`)

extension Evaluator {
    /// Functions that accept a range selector with the `anchored` modifier.
    static let anchoredFunctionNames: Set<String> = ["changes", "delta", "increase", "rate", "resets"]
    /// Functions that accept a range selector with the `smoothed` modifier.
    static let smoothedFunctionNames: Set<String> = ["delta", "increase", "rate"]

    /// The per-window computation of range function `name` over an `anchored` or `smoothed` selector.
    /// The window it gets reaches one lookback delta before the range (and after it, for `smoothed`).
    func extendedWindowFunction(_ name: String, arg: RangeArg) throws -> WindowFunction {
        let range = arg.range
        let rangeSeconds = Double(range) / 1000
        let smoothed = arg.smoothed
        switch name {
        case "rate", "increase", "delta":
            let isCounter = name != "delta", isRate = name == "rate"
            return { w, _, t in
                RangeFunctions.extendedDelta(w, rangeStart: t - range, rangeEnd: t, rangeSeconds: rangeSeconds,
                                             smoothed: smoothed, isCounter: isCounter, isRate: isRate)
            }
        case "resets":
            return { w, _, t in RangeFunctions.anchoredWindow(w, rangeStart: t - range).map(RangeFunctions.resets) }
        case "changes":
            return { w, _, t in RangeFunctions.anchoredWindow(w, rangeStart: t - range).map(RangeFunctions.changes) }
        default:
            throw QueryError(.execution, "function \(name) does not support the anchored and smoothed modifiers")
        }
    }

    /// A range selector with `anchored` or `smoothed` at the single step of an instant query: the samples
    /// inside the range framed by points at both range boundaries.
    func extendedRangeSelectorRaw(_ arg: RangeArg) throws -> [StepSeries] {
        var out: [StepSeries] = []
        let t = evalTime(step: steps - 1, fixed: arg.fixed, offset: arg.offset)
        let low = t - arg.range - arg.extendBefore, high = t + arg.extendAfter
        for i in 0..<arg.count {
            try ctx.checkInterrupt()
            let window = arg.samples(i).filter { $0.t > low && $0.t <= high }
            let pts = window.withUnsafeBufferPointer {
                RangeFunctions.extendedPoints($0[...], rangeStart: t - arg.range, rangeEnd: t, smoothed: arg.smoothed)
            }
            guard !pts.isEmpty else { continue }
            try ctx.hold(pts.count)
            out.append(StepSeries(metric: arg.labels(i), dropName: arg.dropName(i), points: pts))
        }
        return out
    }

    /// What a `smoothed` instant selector reads: the series within one lookback delta of every step, on
    /// both sides.
    struct SmoothedSelection {
        let set: SeriesSet
        let offset: Int64
        let fixed: Int64?
    }

    func smoothedSelection(_ vs: VectorSelector) throws -> SmoothedSelection {
        let off = vs.offset.map(ctx.milliseconds) ?? 0
        let fixed = vs.at.map(ctx.time(of:))
        let lookback = options.lookbackDelta
        let minT = SaturatingTime.subtract(fixed ?? start, off), maxT = SaturatingTime.subtract(fixed ?? end, off)
        let set = try select(vs.matchers, mint: SaturatingTime.subtract(minT, lookback) + 1,
                             maxt: SaturatingTime.add(maxT, lookback), range: 0)
        return SmoothedSelection(set: set, offset: off, fixed: fixed)
    }

    /// An instant selector with `smoothed` over floats: at each step the value is interpolated linearly between the
    /// samples just before and just after the evaluation time (within one lookback delta on each side);
    /// with no later sample the earlier one's value carries forward; with no earlier sample there is no
    /// value. Staleness markers are ignored.
    func smoothedVectorSelectorStream(_ selection: SmoothedSelection) -> SeriesStream {
        let set = selection.set, off = selection.offset, fixed = selection.fixed
        let lookback = options.lookbackDelta
        var scratch: [FloatPoint] = []
        return SeriesStream(count: set.count, header: { i in (set[i].labels, false) }, produce: { [self] i, pts in
            pts.removeAll(keepingCapacity: true)
            try ctx.checkInterrupt()
            // A local buffer (swapped with the captured one) avoids dynamic exclusivity checks per access.
            var buf: [FloatPoint] = []
            swap(&buf, &scratch)
            defer { swap(&buf, &scratch) }
            set[i].decodeFloatPoints(into: &buf)
            if buf.isEmpty { return }
            try ctx.hold(buf.count)
            defer { ctx.release(buf.count) }
            // `lo`: first sample after t - lookback; `next`: first sample at or after t;
            // `hi`: first sample after t + lookback.
            var lo = 0, next = 0, hi = 0
            for step in 0..<steps {
                if step & 0xFFF == 0xFFF { try ctx.checkProgress(pending: pts.count) }
                let t = evalTime(step: step, fixed: fixed, offset: off)
                while hi < buf.count && buf[hi].t <= t + lookback { hi += 1 }
                while lo < hi && buf[lo].t <= t - lookback { lo += 1 }
                if next < lo { next = lo }
                while next < hi && buf[next].t < t { next += 1 }
                if lo == hi { continue }
                let value: Double
                if next < hi && buf[next].t == t {
                    value = buf[next].f
                } else if next > lo && next < hi {
                    value = RangeFunctions.interpolate(buf[next - 1], buf[next], at: t, isCounter: false)
                } else if next > lo {
                    value = buf[next - 1].f
                } else {
                    continue
                }
                pts.append(FloatPoint(t: time(ofStep: step), f: value))
            }
        })
    }
}
