import PromModel
import PromQL

// MARK: - Functions of native histograms

extension Evaluator {
    /// `histogram_count`, `histogram_sum`, `histogram_avg`, `histogram_stddev`, `histogram_stdvar`: one
    /// float per histogram sample; float samples are ignored.
    func evalHistogramProperty(_ c: Call) throws -> [StepSeries] {
        let property: (FloatHistogram) -> Double
        switch c.function.name {
        case "histogram_count": property = { $0.count }
        case "histogram_sum": property = { $0.sum }
        case "histogram_avg": property = { $0.sum / $0.count }
        case "histogram_stddev": property = { NativeHistogramStatistics.variance($0).squareRoot() }
        default: property = { NativeHistogramStatistics.variance($0) }
        }
        var out: [StepSeries] = []
        for s in try evalVectorWithHistograms(c.args[0]) where !s.histograms.isEmpty {
            var r = StepSeries(metric: s.metric, dropName: s.dropName,
                               points: s.histograms.map { FloatPoint(t: $0.t, f: property($0.h)) })
            dropName(&r)
            out.append(r)
        }
        return out
    }

    /// `histogram_quantile` over the histogram samples of `all` (quantile `qs[step]`), except the series
    /// in `conflicts`.
    func nativeQuantiles(_ all: [StepSeries], _ qs: [Double], excluding conflicts: Set<Labels>,
                         span: SourceSpan) -> [StepSeries] {
        var out: [StepSeries] = []
        for s in all where !s.histograms.isEmpty && !conflicts.contains(s.metric) {
            var r = StepSeries(metric: s.metric, dropName: s.dropName)
            for p in s.histograms {
                let i = step(of: p.t)
                let q = i >= 0 && i < qs.count ? qs[i] : .nan
                let (v, note) = NativeHistogramStatistics.quantile(q, p.h)
                switch note {
                case .none: break
                case .skewed: nanInfo("input to histogram_quantile has NaN observations, result is skewed higher", s.metric, span)
                case .resultIsNaN: nanInfo("input to histogram_quantile has NaN observations, result is NaN", s.metric, span)
                }
                r.points.append(FloatPoint(t: p.t, f: v))
            }
            dropName(&r)
            out.append(r)
        }
        return out
    }

    /// `histogram_fraction` over the histogram samples of `all`, except the series in `conflicts`.
    func nativeFractions(_ all: [StepSeries], _ lower: [Double], _ upper: [Double], excluding conflicts: Set<Labels>,
                         span: SourceSpan) -> [StepSeries] {
        var out: [StepSeries] = []
        for s in all where !s.histograms.isEmpty && !conflicts.contains(s.metric) {
            var r = StepSeries(metric: s.metric, dropName: s.dropName)
            for p in s.histograms {
                let i = step(of: p.t)
                guard i >= 0 && i < lower.count && i < upper.count else { continue }
                let (v, excludedNaN) = NativeHistogramStatistics.fraction(lower: lower[i], upper: upper[i], p.h)
                if excludedNaN {
                    nanInfo("input to histogram_fraction has NaN observations, which are excluded from all fractions", s.metric, span)
                }
                r.points.append(FloatPoint(t: p.t, f: v))
            }
            dropName(&r)
            out.append(r)
        }
        return out
    }

    private func nanInfo(_ text: String, _ metric: Labels, _ span: SourceSpan) {
        var msg = text
        if let name = metric.metricName { msg += " for metric name " + goQuote(name) }
        ctx.annotations.info(msg, span)
    }
}
