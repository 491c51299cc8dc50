import PromModel
import PromQL

// MARK: - Series streams

extension Evaluator {
    /// Computes every series of `stream` and keeps the non-empty ones (each counted against the
    /// sample limit).
    func collect(_ stream: SeriesStream) throws -> [StepSeries] {
        var out: [StepSeries] = []
        var buf: [FloatPoint] = []
        for i in 0..<stream.count {
            try stream.produce(i, &buf)
            if buf.isEmpty { continue }
            try ctx.hold(buf.count)
            let h = stream.header(i)
            out.append(StepSeries(metric: h.metric, dropName: h.dropName, points: Array(buf)))
        }
        return out
    }

    /// The stream behind an instant-vector expression when it has one: an instant selector or a
    /// function over a range vector (except `absent_over_time`, which needs every series at once).
    func seriesStream(_ expr: Expr) throws -> SeriesStream? {
        switch expr {
        case .paren(let p): return try seriesStream(p.expr)
        case .stepInvariant(let s): return try seriesStream(s.expr)
        case .vectorSelector(let vs):
            try ctx.checkInterrupt()
            return try vectorSelectorStream(vs)
        case .call(let c):
            guard c.function.name != "absent_over_time",
                  let idx = c.function.argTypes.firstIndex(of: .matrix), idx < c.args.count else { return nil }
            try ctx.checkInterrupt()
            return try rangeCallStream(c, argIndex: idx)
        default:
            return nil
        }
    }
}
