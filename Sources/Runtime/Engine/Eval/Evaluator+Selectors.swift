import PromModel
import Storage
import PromQL

// MARK: - Instant and range selectors

extension Evaluator {
    /// Reads the series matching `matchers` with samples in `[mint, maxt]`.
    func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64, range: Int64,
                function: String? = nil) throws -> SeriesSet {
        let hints = SelectHints(start: mint, end: maxt, step: interval, range: range, function: function)
        do {
            return try ctx.querier.select(matchers, mint: mint, maxt: maxt, hints: hints)
        } catch let e as QueryError {
            throw e
        } catch {
            throw QueryError(.execution, "\(error)")
        }
    }

    /// The evaluation time of step `i` for a node with an optional `@` time and an offset.
    @inline(__always)
    func evalTime(step i: Int, fixed: Int64?, offset: Int64) -> Int64 {
        (fixed ?? time(ofStep: i)) - offset
    }

    /// An instant selector at every step: the latest sample in `(t - lookback, t]` unless it is a
    /// staleness marker. With `timestampValues` the value is the sample's time in seconds (`timestamp()`).
    func evalVectorSelector(_ vs: VectorSelector, timestampValues: Bool = false) throws -> [StepSeries] {
        if vs.smoothed && !timestampValues {
            let selection = try smoothedSelection(vs)
            if selection.set.containsHistograms {
                return try smoothedHistogramVectorSelector(vs, set: selection.set, offset: selection.offset,
                                                           fixed: selection.fixed)
            }
            return try collect(smoothedVectorSelectorStream(selection))
        }
        let selection = try vectorSelection(vs)
        if selection.set.containsHistograms {
            return try histogramVectorSelector(selection, timestampValues: timestampValues)
        }
        return try collect(vectorSelectorStream(selection, timestampValues: timestampValues))
    }

    /// An instant selector as a stream of its series; `nil` when a selected series holds native
    /// histograms (streams carry floats only).
    func vectorSelectorStream(_ vs: VectorSelector) throws -> SeriesStream? {
        if vs.smoothed {
            let selection = try smoothedSelection(vs)
            return selection.set.containsHistograms ? nil : smoothedVectorSelectorStream(selection)
        }
        let selection = try vectorSelection(vs)
        if selection.set.containsHistograms { return nil }
        return vectorSelectorStream(selection, timestampValues: false)
    }

    /// What an instant selector reads: the series and where its lookback windows sit.
    struct VectorSelection {
        let set: SeriesSet
        let offset: Int64
        let fixed: Int64?
        let lookback: Int64
        /// For a selector read for histogram statistics: the histogram before the selection, per series.
        var previous: [Labels: FloatHistogram]? = nil
    }

    func vectorSelection(_ vs: VectorSelector) throws -> VectorSelection {
        let off = vs.offset.map(ctx.milliseconds) ?? 0
        let fixed = vs.at.map(ctx.time(of:))
        let lookback = options.lookbackDelta
        let minT = SaturatingTime.subtract(fixed ?? start, off), maxT = SaturatingTime.subtract(fixed ?? end, off)
        let mint = SaturatingTime.subtract(minT, lookback) + 1
        let set = try select(vs.matchers, mint: mint, maxt: maxT, range: 0)
        var selection = VectorSelection(set: set, offset: off, fixed: fixed, lookback: lookback)
        if readsHistogramStats(vs) && set.containsHistograms {
            selection.previous = try histogramsBefore(vs.matchers, mint: mint)
        }
        return selection
    }

    /// The float-only stream of a selection.
    func vectorSelectorStream(_ selection: VectorSelection, timestampValues: Bool) -> SeriesStream {
        let set = selection.set, off = selection.offset, fixed = selection.fixed, lookback = selection.lookback
        return SeriesStream(count: set.count, header: { i in (set[i].labels, false) }, produce: { [self] i, pts in
            pts.removeAll(keepingCapacity: true)
            try ctx.checkInterrupt()
            var it = set[i].makeIterator()
            var last: Sample?
            var pending = it.next()
            for i in 0..<steps {
                if i & 0xFFF == 0xFFF { try ctx.checkProgress(pending: pts.count) }
                let t = evalTime(step: i, fixed: fixed, offset: off)
                while let p = pending, p.t <= t {
                    last = p
                    pending = it.next()
                }
                guard let l = last, l.t > t - lookback, !isStaleNaN(l.v) else { continue }
                pts.append(FloatPoint(t: time(ofStep: i), f: timestampValues ? Double(l.t) / 1000 : l.v))
            }
        })
    }

    /// A range selector evaluated at the single step of an instant query: the raw samples in
    /// `(t - range, t]`, staleness markers removed.
    func evalRangeSelectorRaw(_ ms: MatrixSelector) throws -> [StepSeries] {
        let arg = try rangeArg(ms, function: nil)
        if arg.isExtended { return try extendedRangeSelectorRaw(arg) }
        var out: [StepSeries] = []
        let t = evalTime(step: steps - 1, fixed: arg.fixed, offset: arg.offset)
        for i in 0..<arg.count {
            let pts = arg.samples(i).filter { $0.t > t - arg.range && $0.t <= t }
            let hs = arg.histogramSamples(i).filter { $0.t > t - arg.range && $0.t <= t }
            guard !pts.isEmpty || !hs.isEmpty else { continue }
            try ctx.hold(pts.count + hs.count)
            out.append(StepSeries(metric: arg.labels(i), dropName: arg.dropName(i), points: pts, histograms: hs))
        }
        return out
    }

    /// The data behind a range selector, for all steps.
    func rangeArg(_ ms: MatrixSelector, function: String?) throws -> RangeArg {
        let vs = ms.vectorSelector
        let range = ctx.milliseconds(ms.range)
        let off = vs.offset.map(ctx.milliseconds) ?? 0
        let fixed = vs.at.map(ctx.time(of:))
        // `anchored` and `smoothed` also read one lookback delta before the range (and, for `smoothed`,
        // after its end) for the samples the boundaries are anchored on or interpolated from.
        let lookback = options.lookbackDelta
        let before = vs.anchored || vs.smoothed ? lookback : 0
        let after = vs.smoothed ? lookback : 0
        let minT = SaturatingTime.subtract(SaturatingTime.subtract(fixed ?? start, off), range + before)
        let maxT = SaturatingTime.add(SaturatingTime.subtract(fixed ?? end, off), after)
        let set = try select(vs.matchers, mint: minT + 1, maxt: maxT, range: range, function: function)
        var arg = RangeArg(source: .storage(set), range: range, offset: off, fixed: fixed, span: ms.span,
                           anchored: vs.anchored, smoothed: vs.smoothed, extendBefore: before, extendAfter: after)
        if readsHistogramStats(vs) && set.containsHistograms {
            let previous = try histogramsBefore(vs.matchers, mint: minT + 1)
            arg.hintedHistograms = (0..<set.count).map {
                Evaluator.withComputedHints(set[$0].histograms, previous: previous[set[$0].labels])
            }
        }
        return arg
    }

    /// The data behind a range-vector argument: a range selector or a subquery (possibly in parentheses).
    func rangeArg(_ expr: Expr, function: String?) throws -> RangeArg {
        switch expr {
        case .matrixSelector(let ms): return try rangeArg(ms, function: function)
        case .subquery(let sq): return try subqueryArg(sq)
        case .paren(let p): return try rangeArg(p.expr, function: function)
        case .stepInvariant(let s): return try rangeArg(s.expr, function: function)
        default: throw QueryError(.execution, "expected range vector")
        }
    }
}

/// The series of a range-vector argument and how its windows sit relative to the steps:
/// at step `i` the window is `(evalT - range, evalT]` with `evalT = (fixed ?? t_i) - offset`.
struct RangeArg {
    enum Source {
        case storage(SeriesSet)
        case materialized([StepSeries])
    }

    let source: Source
    let range: Int64
    let offset: Int64
    let fixed: Int64?
    let span: SourceSpan
    var anchored = false
    var smoothed = false
    /// How far before the range start the window of an `anchored`/`smoothed` selector reaches.
    var extendBefore: Int64 = 0
    /// How far past the range end the window of a `smoothed` selector reaches.
    var extendAfter: Int64 = 0

    /// The histogram samples with counter-reset hints worked out, for a selector read for statistics.
    var hintedHistograms: [[HistogramPoint]]?

    /// Whether the selector has the `anchored` or `smoothed` modifier.
    var isExtended: Bool { anchored || smoothed }

    var count: Int {
        switch source {
        case .storage(let s): return s.count
        case .materialized(let m): return m.count
        }
    }

    func labels(_ i: Int) -> Labels {
        switch source {
        case .storage(let s): return s[i].labels
        case .materialized(let m): return m[i].metric
        }
    }

    func dropName(_ i: Int) -> Bool {
        switch source {
        case .storage: return false
        case .materialized(let m): return m[i].dropName
        }
    }

    /// The samples of series `i`, decoded into `buf` (whose storage is reused), without staleness markers.
    func samples(_ i: Int, into buf: inout [FloatPoint]) {
        switch source {
        case .materialized(let m): buf = m[i].points
        case .storage(let s): s[i].decodeFloatPoints(into: &buf)
        }
    }

    /// The start timestamps (0 = none) of the samples `samples(_:into:)` gives for series `i`, index for
    /// index, decoded into `out`; `false` (and `out` untouched) when the series has none. Only a
    /// selector reading storage has them: subqueries do not pass them on.
    func startTimes(_ i: Int, into out: inout [Int64]) -> Bool {
        guard case .storage(let s) = source, s[i].hasStartTimes else { return false }
        s[i].decodeStartTimes(into: &out)
        return true
    }

    /// The histogram samples of series `i`.
    func histogramSamples(_ i: Int) -> [HistogramPoint] {
        if let hinted = hintedHistograms, i < hinted.count { return hinted[i] }
        switch source {
        case .materialized(let m): return m[i].histograms
        case .storage(let s): return s[i].histograms.map { HistogramPoint(t: $0.t, h: $0.h) }
        }
    }

    /// Whether series `i` holds histogram samples.
    func hasHistograms(_ i: Int) -> Bool {
        if let hinted = hintedHistograms, i < hinted.count { return !hinted[i].isEmpty }
        switch source {
        case .materialized(let m): return !m[i].histograms.isEmpty
        case .storage(let s): return s[i].hasHistograms
        }
    }

    /// The histogram samples of series `i` for a sliding window: decoded from storage as the window
    /// reaches them (with their start timestamps); subqueries and computed hints give theirs in memory,
    /// without start timestamps.
    func histogramWindowBuffer(_ i: Int) -> HistogramWindowBuffer {
        if let hinted = hintedHistograms, i < hinted.count { return HistogramWindowBuffer(points: hinted[i]) }
        switch source {
        case .materialized(let m): return HistogramWindowBuffer(points: m[i].histograms)
        case .storage(let s): return HistogramWindowBuffer(series: s[i])
        }
    }

    /// Whether any series holds histogram samples.
    var containsHistograms: Bool {
        switch source {
        case .materialized(let m): return m.contains { !$0.histograms.isEmpty }
        case .storage(let s): return s.containsHistograms
        }
    }

    /// The samples of series `i`, decoded once, without staleness markers.
    func samples(_ i: Int) -> [FloatPoint] {
        switch source {
        case .materialized(let m): return m[i].points
        case .storage(let s):
            var it = s[i].makeIterator()
            var out: [FloatPoint] = []
            while let x = it.next() {
                if !isStaleNaN(x.v) { out.append(FloatPoint(t: x.t, f: x.v)) }
            }
            return out
        }
    }
}
