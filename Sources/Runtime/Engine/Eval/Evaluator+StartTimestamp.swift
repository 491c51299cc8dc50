import PromModel
import Storage
import PromQL

// MARK: - start_timestamp()

extension Evaluator {
    /// `start_timestamp(v)`: for an instant selector, the start timestamp (in seconds; 0 when the sample
    /// has none) of the sample the selector picks at each step, float or histogram; the metric name is
    /// dropped. Any other argument is an expression whose samples carry no start timestamps: no result.
    func evalStartTimestamp(_ c: Call) throws -> [StepSeries] {
        guard let vs = Evaluator.plainVectorSelector(c.args[0]), !vs.smoothed else {
            _ = try evalVector(c.args[0])
            return []
        }
        let selection = try vectorSelection(vs)
        var out: [StepSeries] = []
        for series in selection.set {
            try ctx.checkInterrupt()
            let samples = Evaluator.startTimedSamples(series)
            var result = StepSeries(metric: series.labels)
            dropName(&result)
            var next = 0
            var last: StartTimedSample?
            for i in 0..<steps {
                let t = evalTime(step: i, fixed: selection.fixed, offset: selection.offset)
                while next < samples.count, samples[next].t <= t {
                    last = samples[next]
                    next += 1
                }
                guard let l = last, l.t > t - selection.lookback, !l.stale else { continue }
                result.points.append(FloatPoint(t: time(ofStep: i), f: Double(l.st) / 1000))
            }
            guard !result.isEmpty else { continue }
            try ctx.hold(result.points.count)
            out.append(result)
        }
        return out
    }

    /// One sample of a series as `start_timestamp` sees it.
    struct StartTimedSample {
        var t: Int64
        var st: Int64
        var stale: Bool
    }

    /// The float and histogram samples of `series` in time order, with their start timestamps.
    static func startTimedSamples(_ series: Series) -> [StartTimedSample] {
        var floats: [StartTimedSample] = []
        for chunk in series.chunks {
            var it = chunk.makeIterator()
            var k = 0
            while let x = it.next() {
                let st = chunk.startTimes.flatMap { k < $0.count ? $0[k] : nil } ?? 0
                k += 1
                if x.t < series.mint || x.t > series.maxt { continue }
                floats.append(StartTimedSample(t: x.t, st: st, stale: isStaleNaN(x.v)))
            }
        }
        guard series.hasHistograms else { return floats }
        let histograms = series.histograms
        var out: [StartTimedSample] = []
        out.reserveCapacity(floats.count + histograms.count)
        var fi = 0
        for h in histograms {
            while fi < floats.count, floats[fi].t < h.t {
                out.append(floats[fi])
                fi += 1
            }
            out.append(StartTimedSample(t: h.t, st: h.st, stale: isStaleNaN(h.h.sum)))
        }
        out.append(contentsOf: floats[fi...])
        return out
    }

    /// The instant selector `e` is (inside parentheses), or `nil` for any other expression.
    static func plainVectorSelector(_ e: Expr) -> VectorSelector? {
        switch e {
        case .vectorSelector(let vs): return vs
        case .paren(let p): return plainVectorSelector(p.expr)
        default: return nil
        }
    }
}
