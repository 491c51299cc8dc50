import GoCompat
import PromModel
import PromQL

// MARK: - histogram_quantile, histogram_quantiles, histogram_fraction over classic buckets

extension Evaluator {
    /// Series of one classic histogram: the input series sharing labels apart from `le`.
    private struct BucketGroups {
        var groups: [Labels] = []
        var dropName: [Bool] = []
        /// Per input series: its group, or -1 when its `le` is missing or malformed.
        var groupOf: [Int] = []
        var bound: [Double] = []
    }

    private func bucketGroups(_ input: [StepSeries], span: SourceSpan) -> BucketGroups {
        var g = BucketGroups()
        var ids: [Labels: Int] = [:]
        for s in input {
            let le = s.metric["le"] ?? ""
            guard let bound = Evaluator.parseBucketBound(le) else {
                let name = s.metric.metricName ?? ""
                var msg = "bucket label \"le\" is missing or has a malformed value of " + goQuote(le)
                if !name.isEmpty { msg += " for metric name " + goQuote(name) }
                ctx.annotations.warn(msg, span)
                g.groupOf.append(-1)
                g.bound.append(.nan)
                continue
            }
            let key = s.metric.removing(["le"])
            let id: Int
            if let existing = ids[key] {
                id = existing
            } else {
                id = g.groups.count
                ids[key] = id
                g.groups.append(key)
                g.dropName.append(s.dropName)
            }
            g.groupOf.append(id)
            g.bound.append(bound)
        }
        return g
    }

    /// Go's `strconv.ParseFloat` for the values `le` takes.
    static func parseBucketBound(_ s: String) -> Double? {
        if s.isEmpty { return nil }
        switch s.lowercased() {
        case "+inf", "inf", "+infinity", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        let cleaned = s.contains("_") ? s.replacingOccurrences(of: "_", with: "") : s
        return Double(cleaned)
    }

    /// Walks the steps, handing each group's buckets to `body` (with the step index).
    private func forEachHistogram(_ input: [StepSeries], _ g: BucketGroups,
                                  _ body: (_ group: Int, _ step: Int, _ buckets: [BucketQuantile.Bucket]) throws -> Void) throws {
        let index = StepIndex(input, start: start, interval: interval, steps: steps)
        var perGroup = [[BucketQuantile.Bucket]](repeating: [], count: g.groups.count)
        var touched: [Int] = []
        for step in 0..<steps {
            for e in index.range(ofStep: step) {
                let si = Int(index.series[e])
                let gid = g.groupOf[si]
                guard gid >= 0 else { continue }
                if perGroup[gid].isEmpty { touched.append(gid) }
                perGroup[gid].append(BucketQuantile.Bucket(upperBound: g.bound[si], count: index.values[e]))
            }
            touched.sort()
            for gid in touched {
                try body(gid, step, perGroup[gid])
                perGroup[gid].removeAll(keepingCapacity: true)
            }
            touched.removeAll(keepingCapacity: true)
        }
    }

    private func output(_ g: BucketGroups, _ points: [[FloatPoint]], extra: (String, String)? = nil,
                        excluding conflicts: Set<Labels> = []) -> [StepSeries] {
        var out: [StepSeries] = []
        for (gid, pts) in points.enumerated() where !pts.isEmpty && !conflicts.contains(g.groups[gid]) {
            var metric = g.groups[gid]
            if let extra { metric = metric.setting(extra.0, to: extra.1) }
            var s = StepSeries(metric: metric, dropName: g.dropName[gid], points: pts)
            dropName(&s)
            out.append(s)
        }
        return out
    }

    func evalHistogramQuantile(_ c: Call) throws -> [StepSeries] {
        let qs = try evalScalar(c.args[0])
        let all = try evalVectorWithHistograms(c.args[1])
        let input = Evaluator.floatsOnly(all)
        for q in Set(qs.map(\.bitPattern)).map(Double.init(bitPattern:)) where !(q >= 0 && q <= 1) {
            ctx.annotations.warn("quantile value should be between 0 and 1, got \(goG(q))", c.args[0].span)
        }
        let g = bucketGroups(input, span: c.args[1].span)
        let conflicts = mixedHistogramConflicts(all, g, span: c.args[1].span)
        let native = nativeQuantiles(all, qs, excluding: conflicts, span: c.args[1].span)
        var points = [[FloatPoint]](repeating: [], count: g.groups.count)
        try forEachHistogram(input, g) { gid, step, raw in
            var buckets = raw
            let (valid, forced) = BucketQuantile.normalize(&buckets)
            if forced { monotonicityInfo(g.groups[gid], c.args[1].span) }
            let v = valid ? BucketQuantile.quantile(qs[step], buckets) : .nan
            points[gid].append(FloatPoint(t: time(ofStep: step), f: v))
        }
        return output(g, points, excluding: conflicts) + native
    }

    /// `histogram_quantiles(v, "label", q1, q2, ...)`: one output series per quantile.
    func evalHistogramQuantiles(_ c: Call) throws -> [StepSeries] {
        let all = try evalVectorWithHistograms(c.args[0])
        let input = Evaluator.floatsOnly(all)
        let label = try evalString(c.args[1])
        var qss: [[Double]] = []
        for a in c.args.dropFirst(2) {
            let qs = try evalScalar(a)
            for q in qs where !(q >= 0 && q <= 1) {
                ctx.annotations.warn("quantile value should be between 0 and 1, got \(goG(q))", a.span)
            }
            qss.append(qs)
        }
        let g = bucketGroups(input, span: c.args[0].span)
        let conflicts = mixedHistogramConflicts(all, g, span: c.args[0].span)
        var out: [StepSeries] = []
        for qs in qss {
            var points = [[FloatPoint]](repeating: [], count: g.groups.count)
            try forEachHistogram(input, g) { gid, step, raw in
                var buckets = raw
                let (valid, forced) = BucketQuantile.normalize(&buckets)
                if forced { monotonicityInfo(g.groups[gid], c.args[0].span) }
                let v = valid ? BucketQuantile.quantile(qs[step], buckets) : .nan
                points[gid].append(FloatPoint(t: time(ofStep: step), f: v))
            }
            let value = Evaluator.floatLabelValue(qs.first ?? .nan)
            out += output(g, points, extra: (label, value), excluding: conflicts)
            out += nativeQuantiles(all, qs, excluding: conflicts, span: c.args[0].span).map { s in
                var s = s
                s.metric = s.metric.setting(label, to: value)
                return s
            }
        }
        return out
    }

    func evalHistogramFraction(_ c: Call) throws -> [StepSeries] {
        let lower = try evalScalar(c.args[0]), upper = try evalScalar(c.args[1])
        let all = try evalVectorWithHistograms(c.args[2])
        let input = Evaluator.floatsOnly(all)
        let g = bucketGroups(input, span: c.args[2].span)
        let conflicts = mixedHistogramConflicts(all, g, span: c.args[2].span)
        let native = nativeFractions(all, lower, upper, excluding: conflicts, span: c.args[2].span)
        var points = [[FloatPoint]](repeating: [], count: g.groups.count)
        try forEachHistogram(input, g) { gid, step, raw in
            var buckets = raw
            let (valid, _) = BucketQuantile.normalize(&buckets)
            let v = valid ? BucketQuantile.fraction(lower: lower[step], upper: upper[step], buckets) : .nan
            points[gid].append(FloatPoint(t: time(ofStep: step), f: v))
        }
        return output(g, points, excluding: conflicts) + native
    }

    /// Labels that name both a classic histogram (its buckets' labels without `le`) and a native one:
    /// both are left out of the result, with a warning.
    private func mixedHistogramConflicts(_ all: [StepSeries], _ g: BucketGroups, span: SourceSpan) -> Set<Labels> {
        let native = all.filter { !$0.histograms.isEmpty }.map(\.metric)
        guard !native.isEmpty, !g.groups.isEmpty else { return [] }
        let classic = Set(g.groups)
        var out = Set<Labels>()
        for m in native where classic.contains(m) && out.insert(m).inserted {
            var msg = "vector contains a mix of classic and native histograms"
            if let name = m.metricName { msg += " for metric name " + goQuote(name) }
            ctx.annotations.warn(msg, span)
        }
        return out
    }

    /// A float as Prometheus writes it in `le`-like labels: always with a decimal point (`0.0`, `1.5`).
    static func floatLabelValue(_ v: Double) -> String {
        let s = GoFloatFormat.f(v)
        if s.contains(".") || s.contains("e") || s.contains("Inf") || s.contains("NaN") { return s }
        return s + ".0"
    }

    private func monotonicityInfo(_ metric: Labels, _ span: SourceSpan) {
        var msg = "input to histogram_quantile needed to be fixed for monotonicity "
            + "(see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
        if let name = metric.metricName { msg += " for metric name " + goQuote(name) }
        ctx.annotations.info(msg, span)
    }
}
