import Foundation
import PromModel
import PromQL

// MARK: - Function calls

extension Evaluator {
    func evalCall(_ c: Call) throws -> EvalValue {
        let name = c.function.name
        if let idx = c.function.argTypes.firstIndex(of: .matrix), idx < c.args.count {
            return try evalRangeCall(c, argIndex: idx)
        }
        if name.hasPrefix("sort") && ctx.queryStep != 0 {
            ctx.annotations.warn("sort is ineffective for range queries since results are always ordered by labels", c.span)
        }
        switch name {
        case "time": return .scalar((0..<steps).map { Double(time(ofStep: $0)) / 1000 })
        case "pi": return .scalar([Double](repeating: Double.pi, count: steps))
        case "start": return .scalar([Double](repeating: Double(ctx.queryStart) / 1000, count: steps))
        case "end": return .scalar([Double](repeating: Double(ctx.queryEnd) / 1000, count: steps))
        case "range": return .scalar([Double](repeating: Double(ctx.queryEnd - ctx.queryStart) / 1000, count: steps))
        case "step": return .scalar([Double](repeating: Double(ctx.queryStep) / 1000, count: steps))
        case "min_of", "max_of":
            let a = try evalScalar(c.args[0]), b = try evalScalar(c.args[1])
            return .scalar(zip(a, b).map { name == "min_of" ? goMin($0, $1) : goMax($0, $1) })
        case "scalar": return .scalar(try scalarOf(try evalVector(c.args[0])))
        case "vector":
            return .vector([StepSeries(metric: .empty, points: points(fromScalar: try evalScalar(c.args[0])))])
        case "timestamp": return .vector(try evalTimestamp(c.args[0]))
        case "absent": return .vector(absentSeries(present: try evalVector(c.args[0]), arg: c.args[0]))
        case "label_replace": return .vector(try evalLabelReplace(c))
        case "label_join": return .vector(try evalLabelJoin(c))
        case "sort", "sort_desc": return .vector(sortByValue(try evalVector(c.args[0]), descending: name == "sort_desc"))
        case "sort_by_label", "sort_by_label_desc":
            var labels: [String] = []
            for a in c.args.dropFirst() { labels.append(try evalString(a)) }
            return .vector(sortByLabels(try evalVector(c.args[0]), labels: labels, descending: name == "sort_by_label_desc"))
        case "histogram_quantile": return .vector(try evalHistogramQuantile(c))
        case "histogram_fraction": return .vector(try evalHistogramFraction(c))
        case "histogram_quantiles": return .vector(try evalHistogramQuantiles(c))
        case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar":
            return .vector(try evalHistogramProperty(c))
        case "start_timestamp":
            // Start timestamps of instant samples are not exposed by this engine.
            _ = try evalVector(c.args[0])
            return .vector([])
        case "info": return .vector(try evalInfo(c))
        case "round": return .vector(try evalRound(c))
        case "clamp", "clamp_min", "clamp_max": return .vector(try evalClamp(c))
        case "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year":
            return .vector(try evalDateFunction(c))
        default:
            guard let fn = Evaluator.mathFunctions[name] else {
                throw QueryError(.execution, "function \(name) is not supported")
            }
            var series = try evalVector(c.args[0])
            for i in series.indices {
                for j in series[i].points.indices { series[i].points[j].f = fn(series[i].points[j].f) }
                dropName(&series[i])
            }
            return .vector(series)
        }
    }

    /// Element-wise functions of one float.
    static let mathFunctions: [String: @Sendable (Double) -> Double] = [
        "abs": { abs($0) }, "ceil": { ceil($0) }, "floor": { floor($0) }, "exp": { exp($0) },
        "sqrt": { sqrt($0) }, "ln": { log($0) }, "log2": { log2($0) }, "log10": { log10($0) },
        "sin": { sin($0) }, "cos": { cos($0) }, "tan": { tan($0) }, "asin": { asin($0) }, "acos": { acos($0) },
        "atan": { atan($0) }, "sinh": { sinh($0) }, "cosh": { cosh($0) }, "tanh": { tanh($0) },
        "asinh": { asinh($0) }, "acosh": { acosh($0) }, "atanh": { atanh($0) },
        "deg": { $0 * 180 / Double.pi }, "rad": { $0 * Double.pi / 180 },
        "sgn": { $0 < 0 ? -1 : ($0 > 0 ? 1 : $0) },
    ]

    // MARK: - scalar, timestamp

    /// `scalar(v)`: the value of the only element at each step, NaN otherwise.
    private func scalarOf(_ series: [StepSeries]) throws -> [Double] {
        var out = [Double](repeating: .nan, count: steps)
        var count = [Int](repeating: 0, count: steps)
        for s in series {
            for p in s.points {
                let i = step(of: p.t)
                guard i >= 0 && i < steps else { continue }
                count[i] += 1
                out[i] = p.f
            }
        }
        for i in 0..<steps where count[i] != 1 { out[i] = .nan }
        return out
    }

    /// `timestamp(v)`: the sample time for a plain selector, the evaluation time otherwise.
    private func evalTimestamp(_ arg: Expr) throws -> [StepSeries] {
        var inner = arg
        while case .paren(let p) = inner { inner = p.expr }
        var series: [StepSeries]
        if case .vectorSelector(let vs) = inner {
            series = try evalVectorSelector(vs, timestampValues: true)
        } else {
            series = try evalVector(arg)
            for i in series.indices {
                for j in series[i].points.indices { series[i].points[j].f = Double(series[i].points[j].t) / 1000 }
            }
        }
        for i in series.indices { dropName(&series[i]) }
        return series
    }

    // MARK: - round, clamp

    private func evalRound(_ c: Call) throws -> [StepSeries] {
        var series = try evalVector(c.args[0])
        let nearest = c.args.count > 1 ? try evalScalar(c.args[1]) : [Double](repeating: 1, count: steps)
        for i in series.indices {
            for j in series[i].points.indices {
                let p = series[i].points[j]
                let inverse = 1 / nearest[step(of: p.t)]
                series[i].points[j].f = floor(p.f * inverse + 0.5) / inverse
            }
            dropName(&series[i])
        }
        return series
    }

    private func evalClamp(_ c: Call) throws -> [StepSeries] {
        let name = c.function.name
        var series = try evalVector(c.args[0])
        let a = try evalScalar(c.args[1])
        let b = c.args.count > 2 ? try evalScalar(c.args[2]) : a
        for i in series.indices {
            series[i].points = series[i].points.compactMap { p in
                let s = step(of: p.t)
                var v = p.f
                switch name {
                case "clamp":
                    let lo = a[s], hi = b[s]
                    if hi < lo { return nil }
                    v = goMax(lo, goMin(hi, v))
                case "clamp_min": v = goMax(a[s], p.f)
                default: v = goMin(a[s], p.f)
                }
                return FloatPoint(t: p.t, f: v)
            }
            dropName(&series[i])
        }
        return series.filter { !$0.points.isEmpty }
    }

    // MARK: - sort

    func sortByValue(_ series: [StepSeries], descending: Bool) -> [StepSeries] {
        series.sorted { a, b in
            let x = a.points.last?.f ?? .nan, y = b.points.last?.f ?? .nan
            if x.isNaN { return false }
            if y.isNaN { return true }
            return descending ? x > y : x < y
        }
    }

    func sortByLabels(_ series: [StepSeries], labels: [String], descending: Bool) -> [StepSeries] {
        series.sorted { a, b in
            for l in labels {
                let x = a.metric[l] ?? "", y = b.metric[l] ?? ""
                if x == y { continue }
                let less = NaturalOrder.less(x, y)
                return descending ? !less : less
            }
            return descending ? b.metric < a.metric : a.metric < b.metric
        }
    }
}

/// Go's `math.Max`: NaN wins.
func goMax(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return Swift.max(a, b)
}

/// Go's `math.Min`: NaN wins.
func goMin(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return Swift.min(a, b)
}
