import Foundation
import PromModel
import PromQL

// MARK: - Binary operators

extension Evaluator {
    /// Evaluates a binary chain in a loop over its left spine: the innermost left operand first, then each
    /// node's right operand and the node itself, outwards (the order recursion would take, without one
    /// stack frame per term of `a + a + … + a`).
    func evalBinary(_ top: BinaryExpr) throws -> EvalValue {
        let spine = BinarySpine(top)
        var value = try evaluate(spine.leaf)
        for node in spine.nodes.reversed() {
            try ctx.checkInterrupt()
            let rhs = try evaluate(node.rhs)
            value = try combine(node, value, rhs)
        }
        return value
    }

    /// `lhs op rhs` for evaluated operands.
    func combine(_ b: BinaryExpr, _ lhs: EvalValue, _ rhs: EvalValue) throws -> EvalValue {
        switch (lhs, rhs) {
        case (.scalar(let l), .scalar(let r)):
            var out = [Double](repeating: 0, count: steps)
            for i in 0..<steps {
                let (v, keep) = Evaluator.apply(b.op, l[i], r[i])
                out[i] = b.op.isComparison ? (keep ? 1 : 0) : v
            }
            return .scalar(out)
        case (.vector(let v), .scalar(let s)):
            if Evaluator.hasHistograms(lhs) { return .vector(vectorScalarWithHistograms(b, v, s, scalarOnLeft: false)) }
            return .vector(vectorScalar(b, v, s, scalarOnLeft: false))
        case (.scalar(let s), .vector(let v)):
            if Evaluator.hasHistograms(rhs) { return .vector(vectorScalarWithHistograms(b, v, s, scalarOnLeft: true)) }
            return .vector(vectorScalar(b, v, s, scalarOnLeft: true))
        case (.vector(let l), .vector(let r)):
            switch b.op {
            case .and, .or, .unless: return .vector(try setOperation(b, l, r))
            default:
                if Evaluator.hasHistograms(lhs) || Evaluator.hasHistograms(rhs) {
                    return .vector(try vectorVectorWithHistograms(b, l, r))
                }
                return .vector(try vectorVector(b, l, r))
            }
        default:
            throw QueryError(.execution, "invalid operand types for binary operator \(b.op.rawValue)")
        }
    }

    /// The value of `l op r` and whether the element is kept (comparisons filter; their value is `l`).
    @inline(__always)
    static func apply(_ op: BinaryOperator, _ l: Double, _ r: Double) -> (Double, Bool) {
        switch op {
        case .add: return (l + r, true)
        case .sub: return (l - r, true)
        case .mul: return (l * r, true)
        case .div: return (l / r, true)
        case .pow: return (Foundation.pow(l, r), true)
        case .mod: return (fmod(l, r), true)
        case .atan2: return (Foundation.atan2(l, r), true)
        case .eql: return (l, l == r)
        case .neq: return (l, l != r)
        case .gtr: return (l, l > r)
        case .lss: return (l, l < r)
        case .gte: return (l, l >= r)
        case .lte: return (l, l <= r)
        case .trimUpper, .trimLower, .and, .or, .unless: return (l, false)
        }
    }

    /// Whether the operator changes what the value means (so the metric name goes).
    static func dropsName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .sub, .mul, .div, .mod, .pow, .atan2: return true
        default: return false
        }
    }

    // MARK: - Vector and scalar

    private func vectorScalar(_ b: BinaryExpr, _ series: [StepSeries], _ s: [Double],
                              scalarOnLeft: Bool) -> [StepSeries] {
        var out: [StepSeries] = []
        out.reserveCapacity(series.count)
        let drop = Evaluator.dropsName(b.op) || b.returnBool
        for var ser in series {
            var pts: [FloatPoint] = []
            pts.reserveCapacity(ser.points.count)
            for p in ser.points {
                let sv = s[step(of: p.t)]
                var (v, keep) = scalarOnLeft ? Evaluator.apply(b.op, sv, p.f) : Evaluator.apply(b.op, p.f, sv)
                if b.op.isComparison && scalarOnLeft { v = p.f }
                if b.returnBool {
                    v = keep ? 1 : 0
                    keep = true
                }
                if keep { pts.append(FloatPoint(t: p.t, f: v)) }
            }
            if pts.isEmpty { continue }
            ser.points = pts
            if drop { dropName(&ser) }
            out.append(ser)
        }
        return out
    }

    // MARK: - Matching signatures

    /// The labels two series are matched on.
    func matchKey(_ m: Labels, _ matching: VectorMatching?) -> Labels {
        guard let matching else { return m.droppingMetricName }
        if matching.on { return m.keeping(matching.matchingLabels) }
        return m.removing(matching.matchingLabels + [Label.metricName])
    }

    /// Assigns each series an integer id of its match key, shared between both sides.
    func signatures(_ l: [StepSeries], _ r: [StepSeries], _ matching: VectorMatching?)
        -> (lhs: [Int], rhs: [Int], keys: [Labels]) {
        var ids: [Labels: Int] = [:]
        var keys: [Labels] = []
        func id(_ s: StepSeries) -> Int {
            let k = matchKey(s.metric, matching)
            if let i = ids[k] { return i }
            ids[k] = keys.count
            keys.append(k)
            return keys.count - 1
        }
        let ls = l.map(id), rs = r.map(id)
        return (ls, rs, keys)
    }

    // MARK: - and, or, unless

    private func setOperation(_ b: BinaryExpr, _ l: [StepSeries], _ r: [StepSeries]) throws -> [StepSeries] {
        let (ls, rs, keys) = signatures(l, r, b.matching)
        // present[sig * steps + step]: the other side has that signature at that step.
        func presence(_ side: [StepSeries], _ sigs: [Int]) -> [Bool] {
            var p = [Bool](repeating: false, count: keys.count * steps)
            for (i, s) in side.enumerated() {
                for pt in s.points {
                    let st = step(of: pt.t)
                    if st >= 0 && st < steps { p[sigs[i] * steps + st] = true }
                }
                for pt in s.histograms {
                    let st = step(of: pt.t)
                    if st >= 0 && st < steps { p[sigs[i] * steps + st] = true }
                }
            }
            return p
        }
        switch b.op {
        case .and, .unless:
            let want = b.op == .and
            let present = presence(r, rs)
            var out: [StepSeries] = []
            for (i, var s) in l.enumerated() {
                s.points = s.points.filter { present[ls[i] * steps + step(of: $0.t)] == want }
                s.histograms = s.histograms.filter { present[ls[i] * steps + step(of: $0.t)] == want }
                if !s.isEmpty { out.append(s) }
            }
            return out
        default:
            let present = presence(l, ls)
            var out = l
            for (i, var s) in r.enumerated() {
                s.points = s.points.filter { !present[rs[i] * steps + step(of: $0.t)] }
                s.histograms = s.histograms.filter { !present[rs[i] * steps + step(of: $0.t)] }
                if !s.isEmpty { out.append(s) }
            }
            return out
        }
    }
}

/// Prometheus's `labels.String()`: `{__name__="x", a="1"}`.
func promLabelsString(_ m: Labels) -> String {
    "{" + m.map { Labels.formatName($0.name) + "=" + Labels.quote($0.value) }.joined(separator: ", ") + "}"
}
