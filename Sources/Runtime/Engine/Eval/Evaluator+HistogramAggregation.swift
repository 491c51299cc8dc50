import PromModel
import PromQL

// MARK: - Aggregations over inputs with native histograms

extension Evaluator {
    /// `sum`, `avg`, `count` and `group` aggregate histograms too (a group with both floats and
    /// histograms at a step gives nothing and a warning); `count_values` counts a histogram by its text;
    /// `limitk` and `limit_ratio` keep histograms; the other aggregations drop the histograms with an info.
    func aggregateWithHistograms(_ a: AggregateExpr, _ all: [StepSeries], _ params: [Double],
                                 label: String) throws -> [StepSeries] {
        switch a.op {
        case .sum, .avg, .count, .group:
            break
        case .limitk, .limitRatio:
            return try selectKWithHistograms(a, all, params)
        case .countValues:
            return try countValues(a, all, label: label)
        default:
            ctx.annotations.info("ignored histogram in \(a.op.rawValue) aggregation", a.span)
            let floats = Evaluator.floatsOnly(all)
            switch a.op {
            case .topk, .bottomk: return try selectK(a, floats, params)
            default: return try aggregateValues(a, floats, params)
            }
        }
        let (groupOf, groupLabels) = groups(all, a)
        let keepsName = !a.without && a.grouping.contains(Label.metricName)
        var out = groupLabels.map { StepSeries(metric: $0) }
        if keepsName {
            for (i, s) in all.enumerated() where s.dropName { out[groupOf[i]].dropName = true }
        }
        var floatCursor = [Int](repeating: 0, count: all.count)
        var histCursor = [Int](repeating: 0, count: all.count)
        var floats = [[Double]](repeating: [], count: groupLabels.count)
        var hists = [[FloatHistogram]](repeating: [], count: groupLabels.count)
        var touched: [Int] = []
        var mixedSchemas = false, collision = false, reconciled = false
        for st in 0..<steps {
            try ctx.checkInterrupt()
            let t = time(ofStep: st)
            for i in all.indices {
                let g = groupOf[i]
                let fc = floatCursor[i]
                if fc < all[i].points.count, all[i].points[fc].t == t {
                    floatCursor[i] = fc + 1
                    if floats[g].isEmpty && hists[g].isEmpty { touched.append(g) }
                    floats[g].append(all[i].points[fc].f)
                }
                let hc = histCursor[i]
                if hc < all[i].histograms.count, all[i].histograms[hc].t == t {
                    histCursor[i] = hc + 1
                    if floats[g].isEmpty && hists[g].isEmpty { touched.append(g) }
                    hists[g].append(all[i].histograms[hc].h)
                }
            }
            touched.sort()
            for g in touched {
                defer { floats[g].removeAll(keepingCapacity: true); hists[g].removeAll(keepingCapacity: true) }
                let n = floats[g].count + hists[g].count
                switch a.op {
                case .count: out[g].points.append(FloatPoint(t: t, f: Double(n))); continue
                case .group: out[g].points.append(FloatPoint(t: t, f: 1)); continue
                default: break
                }
                if hists[g].isEmpty {
                    out[g].points.append(FloatPoint(t: t, f: Evaluator.aggregate(a.op, floats[g], param: 0)))
                    continue
                }
                if !floats[g].isEmpty {
                    ctx.annotations.warn("encountered a mix of histograms and floats for aggregation", a.span)
                    continue
                }
                var summation = HistogramSummation()
                var failed = false
                for h in hists[g] {
                    do {
                        if let c = try summation.add(h) {
                            if c.customBoundsReconciled { reconciled = true }
                        }
                    } catch {
                        mixedSchemas = true
                        failed = true
                        break
                    }
                }
                if summation.counterResetCollision { collision = true }
                guard !failed, var sum = summation.result else { continue }
                if a.op == .avg { sum = HistogramSummation.mean(of: hists[g], sum: sum) }
                out[g].histograms.append(HistogramPoint(t: t, h: sum.compacted()))
            }
            touched.removeAll(keepingCapacity: true)
        }
        let span = a.expr.span
        if mixedSchemas {
            ctx.annotations.warn("vector contains a mix of histograms with exponential and custom buckets schemas"
                                 + metricNameSuffix(all), span)
        }
        if collision { ctx.annotations.warn("conflicting counter resets during histogram aggregation", span) }
        if reconciled { ctx.annotations.info("mismatched custom buckets were reconciled during aggregation", span) }
        let result = out.filter { !$0.isEmpty }
        try ctx.hold(result.reduce(0) { $0 + $1.points.count + $1.histograms.count })
        return result
    }

    /// `limitk` and `limit_ratio` pick series, not values: histograms take part through float stand-ins
    /// and are put back in the selected series.
    private func selectKWithHistograms(_ a: AggregateExpr, _ all: [StepSeries], _ params: [Double]) throws -> [StepSeries] {
        var standIns = all
        var byMetric: [OutputKey: Int] = [:]
        for i in standIns.indices {
            byMetric[OutputKey(metric: all[i].metric, dropName: all[i].dropName)] = i
            guard !standIns[i].histograms.isEmpty else { continue }
            standIns[i].points += standIns[i].histograms.map { FloatPoint(t: $0.t, f: 0) }
            standIns[i].points.sort { $0.t < $1.t }
            standIns[i].histograms = []
        }
        var out = try selectK(a, standIns, params)
        for k in out.indices {
            guard let i = byMetric[OutputKey(metric: out[k].metric, dropName: out[k].dropName)],
                  !all[i].histograms.isEmpty else { continue }
            let histogramAt = Dictionary(all[i].histograms.map { ($0.t, $0) }, uniquingKeysWith: { x, _ in x })
            var points: [FloatPoint] = []
            var hs: [HistogramPoint] = []
            for p in out[k].points {
                if let h = histogramAt[p.t] { hs.append(h) } else { points.append(p) }
            }
            out[k].points = points
            out[k].histograms = hs
        }
        return out
    }

    /// ` for metric name "x"` when the first series with histograms has a name.
    private func metricNameSuffix(_ all: [StepSeries]) -> String {
        guard let name = all.first(where: { !$0.histograms.isEmpty })?.metric.metricName else { return "" }
        return " for metric name " + goQuote(name)
    }
}
