import PromModel
import PromQL

// MARK: - topk, bottomk, limitk, limit_ratio

extension Evaluator {
    /// Selects input series per group and step; selected series keep their labels.
    func selectK(_ a: AggregateExpr, _ input: [StepSeries], _ params: [Double]) throws -> [StepSeries] {
        if a.op != .limitRatio, try Evaluator.selectsNothing(k: params) { return [] }
        var groupIds: [Labels: Int] = [:]
        var groupOf: [Int] = []
        var firstSeen: [Int] = []
        for s in input {
            let k = groupLabels(s.metric, a)
            if let id = groupIds[k] {
                groupOf.append(id)
            } else {
                groupIds[k] = firstSeen.count
                groupOf.append(firstSeen.count)
                firstSeen.append(firstSeen.count)
            }
        }
        let index = StepIndex(input, start: start, interval: interval, steps: steps)
        var selected = [[FloatPoint]](repeating: [], count: input.count)
        var order: [Int] = []
        var members = [[(series: Int, value: Double)]](repeating: [], count: firstSeen.count)
        var touched: [Int] = []
        for st in 0..<steps {
            try ctx.checkInterrupt()
            let param = params.isEmpty ? 0 : params[st]
            if a.op == .limitRatio {
                if param.isNaN { throw QueryError(.execution, "Ratio value is NaN") }
            } else if param.isNaN {
                throw QueryError(.execution, "Parameter value is NaN")
            }
            let range = index.range(ofStep: st)
            if range.isEmpty { continue }
            for e in range {
                let si = Int(index.series[e]), g = groupOf[si]
                if members[g].isEmpty { touched.append(g) }
                members[g].append((si, index.values[e]))
            }
            touched.sort()
            order.removeAll(keepingCapacity: true)
            for g in touched {
                let picked = try pick(a, members[g], param: param, input: input)
                for (si, v) in picked {
                    selected[si].append(FloatPoint(t: time(ofStep: st), f: v))
                    order.append(si)
                }
                members[g].removeAll(keepingCapacity: true)
            }
            touched.removeAll(keepingCapacity: true)
        }
        var out: [StepSeries] = []
        // For instant queries keep the selection order (groups by first appearance, values sorted).
        let sequence = steps == 1 ? order : Array(0..<input.count)
        for si in sequence where !selected[si].isEmpty {
            var s = input[si]
            s.points = selected[si]
            out.append(s)
        }
        try ctx.hold(out.reduce(0) { $0 + $1.points.count })
        return out
    }

    private func pick(_ a: AggregateExpr, _ members: [(series: Int, value: Double)],
                      param: Double, input: [StepSeries]) throws -> [(Int, Double)] {
        switch a.op {
        case .limitRatio:
            var r = param
            if r < -1 || r > 1 {
                let capped = r < -1 ? -1.0 : 1.0
                ctx.annotations.warn("ratio value should be between -1 and 1, got \(goG(r)), capping to \(goG(capped))",
                                     a.param?.span ?? a.span)
                r = capped
            }
            return members.filter { m in
                let position = Evaluator.ratioPosition(input[m.series].metric)
                return r >= 0 ? position < r : position >= 1 + r
            }.map { ($0.series, $0.value) }
        default:
            // `param` was checked by `selectsNothing(k:)`: not NaN, and inside Int64's range.
            guard param >= 1 else { return [] }
            let k = param >= 9.2e18 ? Int.max : Int(param)
            if a.op == .limitk { return members.prefix(k).map { ($0.series, $0.value) } }
            let top = a.op == .topk
            let sorted = members.sorted { x, y in
                // NaN ranks last for both topk and bottomk.
                if x.value.isNaN { return false }
                if y.value.isNaN { return true }
                if x.value == y.value { return false }
                return top ? x.value > y.value : x.value < y.value
            }
            return sorted.prefix(k).map { ($0.series, $0.value) }
        }
    }

    /// Checks the `k` of `topk`, `bottomk` and `limitk` over all steps as Prometheus does: `true` (an
    /// empty result) when every k is below 1, otherwise an error for a NaN k, then for a k at or below
    /// -2^63 or at or above the largest float below 2^63 (which is what makes `Int(k)` safe).
    static func selectsNothing(k params: [Double]) throws -> Bool {
        var low = params.isEmpty ? 0.0 : Double.infinity, high = params.isEmpty ? 0.0 : -Double.infinity
        var hasNaN = false
        for p in params {
            if p.isNaN { hasNaN = true; continue }
            low = Swift.min(low, p)
            high = Swift.max(high, p)
        }
        if !hasNaN && high < 1 { return true }
        if hasNaN { throw QueryError(.execution, "Parameter value is NaN") }
        if low <= -9_223_372_036_854_775_808 { throw QueryError(.execution, "Scalar value \(goG(low)) underflows int64") }
        if high >= 9_223_372_036_854_774_784 { throw QueryError(.execution, "Scalar value \(goG(high)) overflows int64") }
        return false
    }

    /// The position of a series in [0, 1] for `limit_ratio`, as in Prometheus: its label-set hash
    /// (XXH64 of the labels) divided by `UInt64.max` as a float (2^64, so 1 is reachable only by rounding).
    static func ratioPosition(_ metric: Labels) -> Double {
        Double(XXHash64.labelsHash(metric)) / Double(UInt64.max)
    }
}
