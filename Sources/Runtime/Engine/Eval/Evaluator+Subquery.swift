import PromModel
import PromQL

// MARK: - Subqueries

extension Evaluator {
    /// Evaluates a subquery's inner expression once over every step the outer windows need, on a
    /// grid aligned to absolute multiples of the subquery step (as Prometheus does).
    func subqueryArg(_ sq: SubqueryExpr) throws -> RangeArg {
        let range = ctx.milliseconds(sq.range)
        let off = sq.offset.map(ctx.milliseconds) ?? 0
        let fixed = sq.at.map(ctx.time(of:))
        var subStep = sq.step.map(ctx.milliseconds) ?? options.noStepSubqueryInterval
        if subStep <= 0 { subStep = options.noStepSubqueryInterval }
        let low = SaturatingTime.subtract(SaturatingTime.subtract(fixed ?? start, off), range)
        var subStart = subStep * (low / subStep)
        if subStart <= low { subStart += subStep }
        let subEnd = SaturatingTime.subtract(fixed ?? end, off)
        let child = Evaluator(ctx: ctx, start: subStart, end: subEnd, interval: subStep)
        if child.steps > options.maxSteps {
            throw QueryError.tooManySteps(child.steps, limit: options.maxSteps, subquery: true)
        }
        let series: [StepSeries]
        switch try child.evaluate(sq.expr) {
        case .vector(let v): series = v.map(Evaluator.withoutRepeatedResets)
        case .scalar(let xs): series = [StepSeries(metric: .empty, points: child.points(fromScalar: xs))]
        default: throw QueryError(.execution, "subquery is only allowed on instant vector")
        }
        return RangeArg(source: .materialized(series), range: range, offset: off, fixed: fixed, span: sq.span)
    }

    /// A histogram sample repeated at later steps (the lookback reaching the same sample) is a reset
    /// only at its first step: the copies after it say "not reset", so a reset is counted once.
    static func withoutRepeatedResets(_ s: StepSeries) -> StepSeries {
        guard s.histograms.count > 1 else { return s }
        var out = s
        for i in 1..<s.histograms.count where s.histograms[i].h.counterResetHint == .counterReset
            && s.histograms[i].h == s.histograms[i - 1].h {
            out.histograms[i].h.counterResetHint = .notCounterReset
        }
        return out
    }

    /// A subquery at the single step of an instant query: its points in `(t - range, t]`.
    func evalSubqueryRaw(_ sq: SubqueryExpr) throws -> [StepSeries] {
        let arg = try subqueryArg(sq)
        let t = evalTime(step: max(0, steps - 1), fixed: arg.fixed, offset: arg.offset)
        var out: [StepSeries] = []
        for i in 0..<arg.count {
            try ctx.checkInterrupt()
            let pts = arg.samples(i).filter { $0.t > t - arg.range && $0.t <= t }
            guard !pts.isEmpty else { continue }
            out.append(StepSeries(metric: arg.labels(i), dropName: arg.dropName(i), points: pts))
        }
        return out
    }
}
