import PromModel
import PromQL

// MARK: - Arithmetic and comparisons between two vectors

extension Evaluator {
    /// `lhs op rhs` with one-to-one, many-to-one or one-to-many matching, step by step over
    /// precomputed match signatures; output labels are computed once per matched pair.
    ///
    /// `fill_left(v)` stands in for a missing "many" side and `fill_right(v)` for a missing "one" side
    /// (for `group_right` the operands are swapped first, as in Prometheus, so `fill_left` then fills the
    /// right-hand operand). A filled series carries the labels of the match group.
    func vectorVector(_ b: BinaryExpr, _ l: [StepSeries], _ r: [StepSeries]) throws -> [StepSeries] {
        let matching = b.matching ?? VectorMatching()
        if matching.cardinality == .manyToMany {
            throw QueryError(.execution, "many-to-many only allowed for set operators")
        }
        if b.op == .trimUpper || b.op == .trimLower { return [] }
        let (ls, rs, keys) = signatures(l, r, matching)
        let swapped = matching.cardinality == .oneToMany
        let many = swapped ? r : l, one = swapped ? l : r
        let manySig = swapped ? rs : ls, oneSig = swapped ? ls : rs
        let manyIdx = StepIndex(many, start: start, interval: interval, steps: steps)
        let oneIdx = StepIndex(one, start: start, interval: interval, steps: steps)
        let dropByOp = Evaluator.dropsName(b.op) || b.returnBool
        let manyFill = matching.fill.lhs, oneFill = matching.fill.rhs

        var oneAt = [Int](repeating: -1, count: keys.count)
        var matchedAt = [Int](repeating: -1, count: keys.count)
        var touched: [Int] = []
        var pairOut: [Int: Int] = [:]
        var outIndex: [OutputKey: Int] = [:]
        var outs: [StepSeries] = []
        var outStep: [Int] = []
        var outGroup: [Int] = []

        /// Adds `many op one` at step `st`; `mi`/`oi` are -1 for a filled side.
        func emit(many mi: Int, one oi: Int, sig: Int, _ manyValue: Double, _ oneValue: Double, step st: Int) throws {
            let (lv, rv) = swapped ? (oneValue, manyValue) : (manyValue, oneValue)
            var (v, keep) = Evaluator.apply(b.op, lv, rv)
            if b.returnBool {
                v = keep ? 1 : 0
                keep = true
            }
            if !keep { return }
            let pairKey = mi >= 0 ? mi &* (one.count &+ 1) &+ (oi >= 0 ? oi : one.count) : -(oi &+ 1)
            let o: Int
            if let existing = pairOut[pairKey] {
                o = existing
            } else {
                let manyLabels = mi >= 0 ? many[mi].metric : keys[sig]
                let oneLabels = oi >= 0 ? one[oi].metric : keys[sig]
                var metric = resultMetric(manyLabels, oneLabels, b.op, matching)
                var drop = (mi >= 0 && many[mi].dropName) || dropByOp
                if drop && !options.enableDelayedNameRemoval {
                    metric = metric.droppingMetricName
                    drop = false
                }
                let key = OutputKey(metric: metric, dropName: drop)
                if let found = outIndex[key] {
                    o = found
                } else {
                    o = outs.count
                    outIndex[key] = o
                    outs.append(StepSeries(metric: metric, dropName: drop))
                    outStep.append(-1)
                    outGroup.append(sig)
                }
                pairOut[pairKey] = o
            }
            if outStep[o] == st {
                if matching.cardinality != .oneToOne && outGroup[o] == sig {
                    throw QueryError(.execution, "multiple matches for labels: grouping labels must ensure unique matches")
                }
                throw QueryError(.execution, "vector cannot contain metrics with the same labelset")
            }
            outStep[o] = st
            outGroup[o] = sig
            outs[o].points.append(FloatPoint(t: time(ofStep: st), f: v))
        }

        for st in 0..<steps {
            try ctx.checkInterrupt()
            let manyRange = manyIdx.range(ofStep: st), oneRange = oneIdx.range(ofStep: st)
            if (manyRange.isEmpty && manyFill == nil) || (oneRange.isEmpty && oneFill == nil) { continue }
            for e in oneRange {
                let si = Int(oneIdx.series[e]), sig = oneSig[si]
                if oneAt[sig] >= 0 {
                    let other = one[Int(oneIdx.series[oneAt[sig]])].metric
                    let pair = [other, one[si].metric].sorted()
                    throw QueryError(.execution, "found duplicate series for the match group \(promLabelsString(keys[sig])) on the "
                        + "\(swapped ? "left" : "right") hand-side of the operation: [\(promLabelsString(pair[0])), "
                        + "\(promLabelsString(pair[1]))];many-to-many matching not allowed: matching labels must be unique on one side")
                }
                oneAt[sig] = e
                touched.append(sig)
            }
            for e in manyRange {
                let mi = Int(manyIdx.series[e]), sig = manySig[mi]
                let oe = oneAt[sig]
                if oe >= 0 {
                    if matching.cardinality == .oneToOne && matchedAt[sig] == st {
                        throw QueryError(.execution, "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                    }
                    matchedAt[sig] = st
                    try emit(many: mi, one: Int(oneIdx.series[oe]), sig: sig, manyIdx.values[e], oneIdx.values[oe], step: st)
                } else if let oneFill {
                    try emit(many: mi, one: -1, sig: sig, manyIdx.values[e], oneFill, step: st)
                }
            }
            if let manyFill {
                for sig in touched where matchedAt[sig] != st {
                    let oe = oneAt[sig]
                    try emit(many: -1, one: Int(oneIdx.series[oe]), sig: sig, manyFill, oneIdx.values[oe], step: st)
                }
            }
            for sig in touched { oneAt[sig] = -1 }
            touched.removeAll(keepingCapacity: true)
        }
        let total = outs.reduce(0) { $0 + $1.points.count }
        try ctx.hold(total)
        return outs.filter { !$0.points.isEmpty }
    }

    /// The labels of a result element: the "many" side's labels, reduced for one-to-one matching,
    /// plus the `group_left`/`group_right` labels copied from the "one" side.
    func resultMetric(_ many: Labels, _ one: Labels, _ op: BinaryOperator, _ matching: VectorMatching) -> Labels {
        var m = many
        if matching.cardinality == .oneToOne {
            m = matching.on ? m.keeping(matching.matchingLabels) : m.removing(matching.matchingLabels)
        }
        for name in matching.include {
            m = m.setting(name, to: one[name] ?? "")
        }
        return m
    }
}

/// Identity of an output series: labels plus the pending name removal.
struct OutputKey: Hashable {
    var metric: Labels
    var dropName: Bool
}
