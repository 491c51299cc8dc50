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
        var table = BinaryOutputTable(op: b.op, returnBool: b.returnBool, matching: matching, swapped: swapped,
                                      dropByOp: dropByOp, delayedNameRemoval: options.enableDelayedNameRemoval,
                                      many: many, one: one, keys: keys)

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
                    try table.emit(many: mi, one: Int(oneIdx.series[oe]), sig: sig, manyIdx.values[e], oneIdx.values[oe],
                                   at: time(ofStep: st), step: st)
                } else if let oneFill {
                    try table.emit(many: mi, one: -1, sig: sig, manyIdx.values[e], oneFill, at: time(ofStep: st), step: st)
                }
            }
            if let manyFill {
                for sig in touched where matchedAt[sig] != st {
                    let oe = oneAt[sig]
                    try table.emit(many: -1, one: Int(oneIdx.series[oe]), sig: sig, manyFill, oneIdx.values[oe],
                                   at: time(ofStep: st), step: st)
                }
            }
            for sig in touched { oneAt[sig] = -1 }
            touched.removeAll(keepingCapacity: true)
        }
        let total = table.outs.reduce(0) { $0 + $1.points.count }
        try ctx.hold(total)
        return table.outs.filter { !$0.points.isEmpty }
    }

    /// The labels of a result element: the "many" side's labels, reduced for one-to-one matching,
    /// plus the `group_left`/`group_right` labels copied from the "one" side.
    static func resultMetric(_ many: Labels, _ one: Labels, _ op: BinaryOperator, _ matching: VectorMatching) -> Labels {
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
