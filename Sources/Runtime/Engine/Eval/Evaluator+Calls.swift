import Foundation
import PromModel
import PromQL

// MARK: - Function calls

extension Evaluator {
    func evalCall(_ c: Call) throws -> EvalValue {
        let name = c.function.name
        guard let implementation = Evaluator.functions[name] else {
            throw QueryError(.execution, "function \(name) is not supported")
        }
        if let idx = c.function.argTypes.firstIndex(of: .matrix), idx < c.args.count {
            return try evalRangeCall(c, argIndex: idx)
        }
        if name.hasPrefix("sort") && ctx.queryStep != 0 {
            ctx.annotations.warn("sort is ineffective for range queries since results are always ordered by labels", c.span)
        }
        switch implementation {
        case .call(let evaluate):
            return try evaluate(self, c)
        case .elementwise(let fn):
            var series = try evalVector(c.args[0])
            for i in series.indices {
                for j in series[i].points.indices { series[i].points[j].f = fn(series[i].points[j].f) }
                dropName(&series[i])
            }
            return .vector(series)
        case .rangeVector:
            throw QueryError(.execution, "expected range vector")
        }
    }

    // MARK: - scalar, timestamp

    /// `scalar(v)`: the value of the only element at each step, NaN otherwise.
    func scalarOf(_ series: [StepSeries]) throws -> [Double] {
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
    func evalTimestamp(_ arg: Expr) throws -> [StepSeries] {
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

    func evalRound(_ c: Call) throws -> [StepSeries] {
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

    func evalClamp(_ c: Call) throws -> [StepSeries] {
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
