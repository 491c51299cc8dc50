import PromModel
import PromQL

// MARK: - Aggregation folded over a series stream

extension Evaluator {
    /// Operators whose per-step result can be folded one value at a time.
    static let streamableAggregations: Set<AggregationOp> = [.sum, .avg, .count, .group, .min, .max, .stddev, .stdvar]

    /// Most (groups × steps) folding cells kept before streaming stops paying off unless the groups
    /// are few compared with the series (`sum by (job)`-like queries).
    static let streamingCellLimit = 1 << 22

    /// Aggregates `stream` series by series, folding each series' points into per-group, per-step
    /// state; the intermediate series × steps matrix is never held. Returns `nil` (having computed
    /// nothing) when the groups are too many for the state to be smaller than the input.
    func aggregateStream(_ a: AggregateExpr, _ stream: SeriesStream) throws -> [StepSeries]? {
        var ids: [Labels: Int] = [:]
        var groupLabels: [Labels] = []
        var groupOf: [Int] = []
        var dropNames: [Bool] = []
        groupOf.reserveCapacity(stream.count)
        for i in 0..<stream.count {
            let h = stream.header(i)
            let k = self.groupLabels(h.metric, a)
            dropNames.append(h.dropName)
            if let id = ids[k] {
                groupOf.append(id)
            } else {
                ids[k] = groupLabels.count
                groupOf.append(groupLabels.count)
                groupLabels.append(k)
            }
        }
        let groups = groupLabels.count
        guard groups.multipliedReportingOverflow(by: max(1, steps)).partialValue <= Evaluator.streamingCellLimit
              || groups * 8 <= stream.count else { return nil }
        let keepsName = !a.without && a.grouping.contains(Label.metricName)
        switch a.op {
        case .sum: return try fold(KahanFold.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .avg: return try fold(MeanAccumulator.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .count: return try fold(CountFold.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .group: return try fold(GroupFold.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .min: return try fold(MinFold.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .max: return try fold(MaxFold.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .stddev: return try fold(VarianceFold<StddevOutput>.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        case .stdvar: return try fold(VarianceFold<StdvarOutput>.self, a, stream, groupOf, groupLabels, dropNames, keepsName)
        default: return nil
        }
    }

    private func fold<F: StepFold>(_: F.Type, _ a: AggregateExpr, _ stream: SeriesStream, _ groupOf: [Int],
                                   _ groupLabels: [Labels], _ dropNames: [Bool], _ keepsName: Bool) throws -> [StepSeries] {
        let steps = self.steps
        // State of group g lives at slot[g] * steps ..< (slot[g] + 1) * steps, slots in first-output order.
        var slot = [Int](repeating: -1, count: groupLabels.count)
        var order: [Int] = []
        var state: [F] = []
        var counts: [Int32] = []
        var dropName = [Bool](repeating: false, count: groupLabels.count)
        var pts: [FloatPoint] = []
        for i in 0..<stream.count {
            try stream.produce(i, &pts)
            if pts.isEmpty { continue }
            try ctx.hold(pts.count)
            defer { ctx.release(pts.count) }
            let g = groupOf[i]
            if slot[g] < 0 {
                slot[g] = order.count
                order.append(g)
                state.append(contentsOf: repeatElement(F(), count: steps))
                counts.append(contentsOf: repeatElement(0, count: steps))
            }
            if keepsName && dropNames[i] { dropName[g] = true }
            let base = slot[g] * steps
            let start = self.start, interval = self.interval
            state.withUnsafeMutableBufferPointer { st in
                counts.withUnsafeMutableBufferPointer { n in
                    for p in pts {
                        let s = Int((p.t - start) / interval)
                        guard s >= 0 && s < steps else { continue }
                        let c = n[base + s]
                        st[base + s].add(p.f, first: c == 0)
                        n[base + s] = c + 1
                    }
                }
            }
        }
        var out: [StepSeries] = []
        out.reserveCapacity(order.count)
        var held = 0
        for (k, g) in order.enumerated() {
            var s = StepSeries(metric: groupLabels[g], dropName: dropName[g])
            let base = k * steps
            for st in 0..<steps where counts[base + st] > 0 {
                s.points.append(FloatPoint(t: time(ofStep: st), f: state[base + st].value(count: counts[base + st])))
            }
            held += s.points.count
            out.append(s)
        }
        try ctx.hold(held)
        return out
    }
}
