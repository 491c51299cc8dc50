import PromModel
import PromQL
import Storage

// MARK: - Instant selectors over series with native histograms

extension Evaluator {
    /// An instant selector over a selection where some series hold histograms: at each step the latest
    /// sample of either kind in the lookback window, unless it is a staleness marker. With
    /// `timestampValues` every sample gives its time in seconds (`timestamp()`).
    func histogramVectorSelector(_ selection: VectorSelection, timestampValues: Bool) throws -> [StepSeries] {
        var out: [StepSeries] = []
        let lookback = selection.lookback
        for series in selection.set {
            try ctx.checkInterrupt()
            var it = series.makeIterator()
            var pendingFloat = it.next()
            let hs = series.histograms
            var hi = 0
            var lastFloat: Sample?
            var lastHistogram: Int?
            var result = StepSeries(metric: series.labels)
            for i in 0..<steps {
                let t = evalTime(step: i, fixed: selection.fixed, offset: selection.offset)
                while let p = pendingFloat, p.t <= t {
                    lastFloat = p
                    pendingFloat = it.next()
                }
                while hi < hs.count, hs[hi].t <= t {
                    lastHistogram = hi
                    hi += 1
                }
                let floatT = lastFloat?.t ?? .min
                let histT = lastHistogram.map { hs[$0].t } ?? .min
                let sampleT = max(floatT, histT)
                guard sampleT != .min, sampleT > t - lookback else { continue }
                let stepT = time(ofStep: i)
                if histT > floatT, let h = lastHistogram {
                    if timestampValues {
                        result.points.append(FloatPoint(t: stepT, f: Double(histT) / 1000))
                    } else {
                        result.histograms.append(HistogramPoint(t: stepT, h: hs[h].h))
                    }
                } else if let f = lastFloat, !isStaleNaN(f.v) {
                    result.points.append(FloatPoint(t: stepT, f: timestampValues ? Double(f.t) / 1000 : f.v))
                }
            }
            guard !result.isEmpty else { continue }
            try ctx.hold(result.points.count + result.histograms.count)
            out.append(result)
        }
        return out
    }
}
