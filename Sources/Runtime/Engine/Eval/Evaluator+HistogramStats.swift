import PromModel
import PromQL
import Storage

// MARK: - Counter-reset hints made on the fly (Prometheus's HistogramStatsIterator)

extension Evaluator {
    /// The selectors whose histograms are read only for their count and sum: those under
    /// `histogram_count`, `histogram_sum` or `histogram_avg` with no subquery and no function that needs
    /// the buckets (`histogram_quantile`, `histogram_quantiles`, `histogram_fraction`) above them.
    /// Prometheus reads these through an iterator that works out each sample's counter-reset hint
    /// against the sample before it, so their hints say "reset" or "not reset" where storage said
    /// "unknown"; the engine does the same for them (it shows in the conflicting-resets warning).
    static func histogramStatsSelectors(_ expr: Expr) -> Set<SourceSpan> {
        var out = Set<SourceSpan>()
        // An explicit stack, not recursion: a 20,000-term binary chain is a 20,000-deep tree.
        var stack: [(e: Expr, stats: Bool, blocked: Bool)] = [(expr, false, false)]
        while let (e, stats, blocked) = stack.popLast() {
            switch e {
            case .vectorSelector(let vs):
                if stats && !blocked { out.insert(vs.span) }
            case .subquery(let sq):
                stack.append((sq.expr, stats, true))
            case .call(let c):
                let name = c.function.name
                let isStats = ["histogram_count", "histogram_sum", "histogram_avg"].contains(name)
                let needsBuckets = ["histogram_quantile", "histogram_quantiles", "histogram_fraction"].contains(name)
                for a in c.args { stack.append((a, stats || isStats, blocked || needsBuckets)) }
            default:
                for child in e.children { stack.append((child, stats, blocked)) }
            }
        }
        return out
    }

    /// Whether selector `vs` is read for histogram statistics only.
    func readsHistogramStats(_ vs: VectorSelector) -> Bool {
        ctx.histogramStatsSelectors.contains(vs.span)
    }

    /// For a selector read for statistics: per series, the last histogram sample in the lookback delta
    /// before `mint` (the sample the first one in the selection is compared with).
    func histogramsBefore(_ matchers: [LabelMatcher], mint: Int64) throws -> [Labels: FloatHistogram] {
        let low = SaturatingTime.subtract(mint, options.lookbackDelta)
        guard low < mint - 1 else { return [:] }
        let set = try select(matchers, mint: low, maxt: mint - 1, range: 0)
        var out: [Labels: FloatHistogram] = [:]
        for series in set {
            if let last = series.histograms.last { out[series.labels] = last.h }
        }
        return out
    }

    /// The histogram samples with their unknown counter-reset hints worked out against the sample before
    /// each (`previous` for the first): "reset" or "not reset". Hints that are set stay.
    static func withComputedHints(_ samples: [HistogramSample], previous: FloatHistogram?) -> [HistogramPoint] {
        var prev = previous
        var out: [HistogramPoint] = []
        out.reserveCapacity(samples.count)
        for s in samples {
            var h = s.h
            if h.counterResetHint == .unknown, let p = prev {
                h.counterResetHint = s.h.detectsReset(after: p) ? .counterReset : .notCounterReset
            }
            prev = s.h
            out.append(HistogramPoint(t: s.t, h: h))
        }
        return out
    }
}
