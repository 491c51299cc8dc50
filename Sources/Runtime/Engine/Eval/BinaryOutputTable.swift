import PromModel
import PromQL

/// The result series of a vector-vector operation, filled step by step: output labels are computed
/// once per (many, one) pair and series with equal labels are merged.
struct BinaryOutputTable {
    let op: BinaryOperator
    let returnBool: Bool
    let matching: VectorMatching
    /// `group_right`: the "many" side is the right-hand operand.
    let swapped: Bool
    let dropByOp: Bool
    let delayedNameRemoval: Bool
    let many: [StepSeries]
    let one: [StepSeries]
    /// The match-group labels by signature.
    let keys: [Labels]
    var pairOut: [Int: Int] = [:]
    var outIndex: [OutputKey: Int] = [:]
    var outs: [StepSeries] = []
    var outStep: [Int] = []
    var outGroup: [Int] = []

    init(op: BinaryOperator, returnBool: Bool, matching: VectorMatching, swapped: Bool, dropByOp: Bool,
         delayedNameRemoval: Bool, many: [StepSeries], one: [StepSeries], keys: [Labels]) {
        self.op = op
        self.returnBool = returnBool
        self.matching = matching
        self.swapped = swapped
        self.dropByOp = dropByOp
        self.delayedNameRemoval = delayedNameRemoval
        self.many = many
        self.one = one
        self.keys = keys
    }

    /// Adds `many op one` at step `st` (time `t`); `mi`/`oi` are -1 for a filled side, which then
    /// carries the labels of match group `sig`.
    @inline(__always)
    mutating func emit(many mi: Int, one oi: Int, sig: Int, _ manyValue: Double, _ oneValue: Double,
                       at t: Int64, step st: Int) throws {
        let (lv, rv) = swapped ? (oneValue, manyValue) : (manyValue, oneValue)
        var (v, keep) = Evaluator.apply(op, lv, rv)
        if returnBool {
            v = keep ? 1 : 0
            keep = true
        }
        if !keep { return }
        let o = try output(many: mi, one: oi, sig: sig, step: st)
        outs[o].points.append(FloatPoint(t: t, f: v))
    }

    /// The output series of the pair at step `st`, failing when it already has a value there.
    mutating func output(many mi: Int, one oi: Int, sig: Int, step st: Int) throws -> Int {
        let pairKey = mi >= 0 ? mi &* (one.count &+ 1) &+ (oi >= 0 ? oi : one.count) : -(oi &+ 1)
        let o: Int
        if let existing = pairOut[pairKey] {
            o = existing
        } else {
            o = newOutput(many: mi, one: oi, sig: sig)
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
        return o
    }

    /// The output series for a new pair, shared with earlier pairs that give the same labels.
    private mutating func newOutput(many mi: Int, one oi: Int, sig: Int) -> Int {
        let manyLabels = mi >= 0 ? many[mi].metric : keys[sig]
        let oneLabels = oi >= 0 ? one[oi].metric : keys[sig]
        var metric = Evaluator.resultMetric(manyLabels, oneLabels, op, matching)
        var drop = (mi >= 0 && many[mi].dropName) || dropByOp
        if drop && !delayedNameRemoval {
            metric = metric.droppingMetricName
            drop = false
        }
        let key = OutputKey(metric: metric, dropName: drop)
        if let found = outIndex[key] { return found }
        let o = outs.count
        outIndex[key] = o
        outs.append(StepSeries(metric: metric, dropName: drop))
        outStep.append(-1)
        outGroup.append(sig)
        return o
    }
}
