import GoCompat
import PromModel
import PromQL

// MARK: - Aggregation operators

extension Evaluator {
    func evalAggregate(_ a: AggregateExpr) throws -> EvalValue {
        var params: [Double] = []
        var label = ""
        if let p = a.param {
            if a.op == .countValues { label = try evalString(p) } else { params = try evalScalar(p) }
        }
        let input: [StepSeries]
        if streamsAggregations, Evaluator.streamableAggregations.contains(a.op),
           let stream = try seriesStream(a.expr) {
            if let out = try aggregateStream(a, stream) { return .vector(out) }
            input = try collect(stream)
        } else {
            let all = try evalVectorWithHistograms(a.expr)
            if all.contains(where: { !$0.histograms.isEmpty }) {
                return .vector(try aggregateWithHistograms(a, all, params, label: label))
            }
            input = all
        }
        switch a.op {
        case .topk, .bottomk, .limitk, .limitRatio:
            return .vector(try selectK(a, input, params))
        case .countValues:
            return .vector(try countValues(a, input, label: label))
        default:
            return .vector(try aggregateValues(a, input, params))
        }
    }

    /// The labels of a series' group: the `by` labels, or all but the `without` labels and the name.
    func groupLabels(_ m: Labels, _ a: AggregateExpr) -> Labels {
        a.without ? m.removing(a.grouping + [Label.metricName]) : m.keeping(a.grouping)
    }

    /// Assigns each input series a group id (computed once per series).
    func groups(_ input: [StepSeries], _ a: AggregateExpr) -> (of: [Int], labels: [Labels]) {
        var ids: [Labels: Int] = [:]
        var labels: [Labels] = []
        var of: [Int] = []
        of.reserveCapacity(input.count)
        for s in input {
            let k = groupLabels(s.metric, a)
            if let id = ids[k] {
                of.append(id)
            } else {
                ids[k] = labels.count
                of.append(labels.count)
                labels.append(k)
            }
        }
        return (of, labels)
    }

    // MARK: - sum, avg, count, group, min, max, stddev, stdvar, quantile

    func aggregateValues(_ a: AggregateExpr, _ input: [StepSeries], _ params: [Double]) throws -> [StepSeries] {
        let (groupOf, groupLabels) = groups(input, a)
        let keepsName = !a.without && a.grouping.contains(Label.metricName)
        var out = groupLabels.map { StepSeries(metric: $0) }
        if keepsName {
            for (i, s) in input.enumerated() where s.dropName { out[groupOf[i]].dropName = true }
        }
        if a.op == .quantile {
            for q in Set(params.map(\.bitPattern)).map(Double.init(bitPattern:)) where !(q >= 0 && q <= 1) {
                ctx.annotations.warn("quantile value should be between 0 and 1, got \(goG(q))", a.param?.span ?? a.span)
            }
        }
        // Walk every series with a cursor instead of regrouping points by step (no extra copy).
        var cursor = [Int](repeating: 0, count: input.count)
        var values = [[Double]](repeating: [], count: groupLabels.count)
        var touched: [Int] = []
        for st in 0..<steps {
            try ctx.checkInterrupt()
            let t = time(ofStep: st)
            for i in input.indices {
                let c = cursor[i]
                guard c < input[i].points.count, input[i].points[c].t == t else { continue }
                cursor[i] = c + 1
                let g = groupOf[i]
                if values[g].isEmpty { touched.append(g) }
                values[g].append(input[i].points[c].f)
            }
            touched.sort()
            for g in touched {
                let v = Evaluator.aggregate(a.op, values[g], param: params.isEmpty ? 0 : params[st])
                out[g].points.append(FloatPoint(t: t, f: v))
                values[g].removeAll(keepingCapacity: true)
            }
            touched.removeAll(keepingCapacity: true)
        }
        let result = out.filter { !$0.points.isEmpty }
        try ctx.hold(result.reduce(0) { $0 + $1.points.count })
        return result
    }

    /// One group's aggregate at one step.
    static func aggregate(_ op: AggregationOp, _ xs: [Double], param: Double) -> Double {
        switch op {
        case .sum:
            var k = KahanSum()
            for x in xs { k.add(x) }
            return k.value
        case .avg:
            var m = MeanAccumulator()
            for x in xs { m.add(x) }
            return m.value
        case .count: return Double(xs.count)
        case .group: return 1
        case .min:
            var m = xs[0]
            for x in xs where x < m || m.isNaN { m = x }
            return m
        case .max:
            var m = xs[0]
            for x in xs where x > m || m.isNaN { m = x }
            return m
        case .stddev, .stdvar:
            var count = 0.0, mean = 0.0, cMean = 0.0, aux = 0.0, cAux = 0.0
            for x in xs {
                count += 1
                let delta = x - (mean + cMean)
                (mean, cMean) = KahanSum.increment(delta / count, mean, cMean)
                (aux, cAux) = KahanSum.increment(delta * (x - (mean + cMean)), aux, cAux)
            }
            let variance = (aux + cAux) / count
            return op == .stddev ? variance.squareRoot() : variance
        case .quantile: return RangeFunctions.quantile(param, xs)
        default: return .nan
        }
    }

    // MARK: - count_values

    /// The string literal `e` is (inside parentheses), or `nil`.
    static func stringLiteral(_ e: Expr) -> StringLiteral? {
        switch e {
        case .string(let s): return s
        case .paren(let p): return stringLiteral(p.expr)
        default: return nil
        }
    }

    func countValues(_ a: AggregateExpr, _ input: [StepSeries], label: String) throws -> [StepSeries] {
        // A literal whose escapes made invalid UTF-8 is quoted from its bytes, as Go prints them.
        if let literal = a.param.flatMap(Evaluator.stringLiteral), literal.invalidUTF8 != nil {
            throw QueryError(.execution, "invalid label name " + literal.goQuoted)
        }
        guard LabelNames.isValidUTF8Name(label) else {
            throw QueryError(.execution, "invalid label name " + goQuote(label))
        }
        let (groupOf, groupLabels) = groups(input, a)
        var outIndex: [Labels: Int] = [:]
        var out: [StepSeries] = []
        var counts: [Int: Double] = [:]
        for st in 0..<steps {
            let t = time(ofStep: st)
            var order: [Int] = []
            for (i, s) in input.enumerated() {
                let value: String
                if let p = pointAt(s, step: st) {
                    value = GoFloatFormat.f(p)
                } else if let h = histogramAt(s, step: st) {
                    value = HistogramText.string(h)
                } else {
                    continue
                }
                let metric = groupLabels[groupOf[i]].setting(label, to: value)
                let o: Int
                if let found = outIndex[metric] {
                    o = found
                } else {
                    o = out.count
                    outIndex[metric] = o
                    out.append(StepSeries(metric: metric))
                }
                if counts[o] == nil { order.append(o) }
                counts[o, default: 0] += 1
            }
            for o in order { out[o].points.append(FloatPoint(t: t, f: counts[o] ?? 0)) }
            counts.removeAll(keepingCapacity: true)
        }
        return out
    }

    /// The histogram of `s` at step `st` (histograms are sorted by step), by binary search.
    func histogramAt(_ s: StepSeries, step st: Int) -> FloatHistogram? {
        guard !s.histograms.isEmpty else { return nil }
        let t = time(ofStep: st)
        var lo = 0, hi = s.histograms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s.histograms[mid].t < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < s.histograms.count && s.histograms[lo].t == t ? s.histograms[lo].h : nil
    }

    /// The value of `s` at step `st` (points are sorted by step), by binary search.
    func pointAt(_ s: StepSeries, step st: Int) -> Double? {
        let t = time(ofStep: st)
        var lo = 0, hi = s.points.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s.points[mid].t < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < s.points.count && s.points[lo].t == t ? s.points[lo].f : nil
    }
}
