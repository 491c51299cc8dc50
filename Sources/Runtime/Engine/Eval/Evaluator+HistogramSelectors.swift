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
            let hs = selection.previous.map { Evaluator.withComputedHints(series.histograms, previous: $0[series.labels]) }
                ?? series.histograms.map { HistogramPoint(t: $0.t, h: $0.h) }
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

// MARK: - `smoothed` instant selectors over series with native histograms

extension Evaluator {
    /// One sample of either kind.
    private enum AnySample {
        case float(FloatPoint)
        case histogram(HistogramPoint)

        var t: Int64 {
            switch self {
            case .float(let p): return p.t
            case .histogram(let p): return p.t
            }
        }
    }

    /// A `smoothed` instant selector over a selection where some series hold histograms: at each step the
    /// sample at the evaluation time, else the value interpolated between the samples just before and just
    /// after it (within one lookback delta on each side; histograms bucket by bucket, a counter restarting
    /// from zero after a reset), else the earlier sample's value. A float next to a histogram, or exponential
    /// next to custom buckets, gives nothing and a warning.
    func smoothedHistogramVectorSelector(_ vs: VectorSelector, set: SeriesSet, offset: Int64,
                                         fixed: Int64?) throws -> [StepSeries] {
        let lookback = options.lookbackDelta
        var out: [StepSeries] = []
        for series in set {
            try ctx.checkInterrupt()
            var samples: [AnySample] = []
            var it = series.makeIterator()
            while let s = it.next() {
                if !isStaleNaN(s.v) { samples.append(.float(FloatPoint(t: s.t, f: s.v))) }
            }
            samples.append(contentsOf: series.histograms.map { .histogram(HistogramPoint(t: $0.t, h: $0.h)) })
            samples.sort { $0.t < $1.t }
            if samples.isEmpty { continue }
            try ctx.hold(samples.count)
            defer { ctx.release(samples.count) }
            var result = StepSeries(metric: series.labels)
            var notes = HistogramWindowNotes()
            var next = 0
            for step in 0..<steps {
                let t = evalTime(step: step, fixed: fixed, offset: offset)
                while next < samples.count && samples[next].t < t { next += 1 }
                let stepT = time(ofStep: step)
                let prev = next > 0 && samples[next - 1].t > t - lookback ? samples[next - 1] : nil
                if next < samples.count && samples[next].t == t {
                    append(samples[next], at: stepT, to: &result)
                    continue
                }
                guard let prev else { continue }
                guard next < samples.count, samples[next].t <= t + lookback else {
                    append(prev, at: stepT, to: &result)
                    continue
                }
                switch (prev, samples[next]) {
                case (.float(let a), .float(let b)):
                    let v = RangeFunctions.interpolate(a, b, at: t, isCounter: false)
                    result.points.append(FloatPoint(t: stepT, f: v))
                case (.histogram(let a), .histogram(let b)):
                    let isCounter = a.h.counterResetHint != .gauge && b.h.counterResetHint != .gauge
                    do {
                        let h = try HistogramRangeFunctions.interpolate(a, b, at: t, isCounter: isCounter)
                        result.histograms.append(HistogramPoint(t: stepT, h: h))
                    } catch {
                        notes.mixedSchemas = true
                    }
                default:
                    notes.mixedFloats = true
                }
            }
            notes.report(to: &ctx.annotations, metricName: series.labels.metricName ?? "", span: vs.span)
            if !result.isEmpty { out.append(result) }
        }
        return out
    }

    private func append(_ s: AnySample, at t: Int64, to result: inout StepSeries) {
        switch s {
        case .float(let p): result.points.append(FloatPoint(t: t, f: p.f))
        case .histogram(let p): result.histograms.append(HistogramPoint(t: t, h: p.h))
        }
    }
}
