import PromModel
import Storage
import PromQL

/// Evaluates expressions over a grid of steps `start, start+interval, ..., end` (one step for instant
/// queries). Every subexpression is evaluated once for all steps; selectors read storage once.
final class Evaluator {
    let ctx: QueryContext
    let start: Int64
    let end: Int64
    let interval: Int64
    /// Number of steps in the grid.
    let steps: Int
    /// Whether aggregations may fold a streamed argument series by series (switched off only by
    /// tests that cross-check the two ways of evaluating).
    var streamsAggregations = true

    init(ctx: QueryContext, start: Int64, end: Int64, interval: Int64) {
        self.ctx = ctx
        self.start = SaturatingTime.clamp(start)
        self.end = SaturatingTime.clamp(end)
        self.interval = max(1, interval)
        self.steps = SaturatingTime.stepCount(start: self.start, end: self.end, interval: self.interval)
    }

    /// The top-level evaluator of a query.
    convenience init(options: EngineOptions, querier: any Querier, start: Int64, end: Int64, interval: Int64,
                     shouldCancel: (@Sendable () -> Bool)?) {
        let ctx = QueryContext(options: options, querier: querier, start: start, end: end,
                               step: start == end ? 0 : interval, shouldCancel: shouldCancel)
        self.init(ctx: ctx, start: start, end: end, interval: interval)
    }

    var annotations: AnnotationSet { ctx.annotations }
    var options: EngineOptions { ctx.options }

    /// The timestamp of step `i`.
    @inline(__always)
    func time(ofStep i: Int) -> Int64 { start + Int64(i) * interval }

    /// The step index of timestamp `t` (which must lie on the grid).
    @inline(__always)
    func step(of t: Int64) -> Int { Int(SaturatingTime.subtract(t, start) / interval) }

    /// Hook for tree rewrites before evaluation.
    func prepare(_ expr: Expr) -> Expr {
        ctx.histogramStatsSelectors = Evaluator.histogramStatsSelectors(expr)
        return expr
    }

    // MARK: - Dispatch

    func evaluate(_ expr: Expr) throws -> EvalValue {
        try ctx.checkInterrupt()
        switch expr {
        case .number(let n):
            return .scalar([Double](repeating: n.value, count: steps))
        case .string(let s):
            return .string(s.value)
        case .paren(let p):
            return try evaluate(p.expr)
        case .stepInvariant(let s):
            return try evaluate(s.expr)
        case .unary(let u):
            return try evalUnary(u)
        case .vectorSelector(let vs):
            return .vector(try evalVectorSelector(vs))
        case .matrixSelector(let ms):
            return .range(try evalRangeSelectorRaw(ms))
        case .subquery(let sq):
            return .range(try evalSubqueryRaw(sq))
        case .aggregate(let a):
            return try evalAggregate(a)
        case .binary(let b):
            return try evalBinary(b)
        case .call(let c):
            return try evalCall(c)
        }
    }

    /// Evaluates an expression that must give an instant vector, keeping only its float points (as
    /// Prometheus's float-only functions and operators skip histogram samples).
    func evalVector(_ expr: Expr) throws -> [StepSeries] {
        Evaluator.floatsOnly(try evalVectorWithHistograms(expr))
    }

    /// The series without their histogram points; series left empty are dropped.
    static func floatsOnly(_ series: [StepSeries]) -> [StepSeries] {
        guard series.contains(where: { !$0.histograms.isEmpty }) else { return series }
        var out: [StepSeries] = []
        out.reserveCapacity(series.count)
        for var s in series {
            s.histograms = []
            if !s.points.isEmpty { out.append(s) }
        }
        return out
    }

    /// Evaluates an expression that must give an instant vector, float and histogram points.
    func evalVectorWithHistograms(_ expr: Expr) throws -> [StepSeries] {
        switch try evaluate(expr) {
        case .vector(let v): return v
        case .scalar: throw QueryError(.execution, "expected instant vector, got scalar")
        case .string: throw QueryError(.execution, "expected instant vector, got string")
        case .range: throw QueryError(.execution, "expected instant vector, got range vector")
        }
    }

    /// Evaluates an expression that must give a scalar (one value per step).
    func evalScalar(_ expr: Expr) throws -> [Double] {
        switch try evaluate(expr) {
        case .scalar(let v): return v
        default: throw QueryError(.execution, "expected scalar")
        }
    }

    /// Evaluates a string expression.
    func evalString(_ expr: Expr) throws -> String {
        switch try evaluate(expr) {
        case .string(let s): return s
        default: throw QueryError(.execution, "expected string")
        }
    }

    // MARK: - Unary

    private func evalUnary(_ u: UnaryExpr) throws -> EvalValue {
        let v = try evaluate(u.expr)
        guard u.op == .minus else { return v }
        switch v {
        case .scalar(let xs): return .scalar(xs.map { -$0 })
        case .vector(var series):
            for i in series.indices {
                for j in series[i].points.indices { series[i].points[j].f = -series[i].points[j].f }
                for j in series[i].histograms.indices { series[i].histograms[j].h = series[i].histograms[j].h.scaled(by: -1) }
                dropName(&series[i])
            }
            return .vector(series)
        default: return v
        }
    }

    // MARK: - Metric names

    /// Marks a series whose metric name a function or operator removes (now, or at the end with
    /// delayed name removal).
    @inline(__always)
    func dropName(_ s: inout StepSeries) {
        if options.enableDelayedNameRemoval {
            s.dropName = true
        } else {
            s.metric = Evaluator.withoutName(s.metric)
        }
    }

    /// The labels a result series shows: without `__name__` when it was marked for removal.
    func finalLabels(_ metric: Labels, dropName: Bool) -> Labels {
        dropName ? Evaluator.withoutName(metric) : metric
    }

    /// Labels without the metric name and the type and unit metadata labels that go with it.
    static func withoutName(_ m: Labels) -> Labels {
        guard m.contains(where: { $0.name.hasPrefix("__") }) else { return m }
        return m.removing(["__name__", "__type__", "__unit__"])
    }

    /// Fails when two series of an instant result have the same labels.
    func checkDuplicateOutput(_ metrics: [Labels]) throws {
        guard metrics.count > 1 else { return }
        var seen = Set<Labels>()
        seen.reserveCapacity(metrics.count)
        for m in metrics where !seen.insert(m).inserted {
            throw QueryError(.execution, "vector cannot contain metrics with the same labelset")
        }
    }

    /// Merges range-query series that ended with the same labels (after delayed name removal);
    /// fails when they have points at the same time.
    func mergeSameLabels(_ series: [RangeSeries]) throws -> [RangeSeries] {
        var index: [Labels: Int] = [:]
        var out: [RangeSeries] = []
        out.reserveCapacity(series.count)
        for s in series {
            if let i = index[s.metric] {
                var hs = out[i].histograms + s.histograms
                hs.sort { $0.t < $1.t }
                out[i].histograms = hs
                var merged = out[i].points + s.points
                merged.sort { $0.t < $1.t }
                for k in merged.indices.dropFirst() where merged[k].t == merged[k - 1].t {
                    throw QueryError(.execution, "vector cannot contain metrics with the same labelset")
                }
                out[i].points = merged
            } else {
                index[s.metric] = out.count
                out.append(s)
            }
        }
        return out
    }

    /// A series for each step of a scalar (for `vector()` and scalar/vector mixing).
    func points(fromScalar xs: [Double]) -> [FloatPoint] {
        var out: [FloatPoint] = []
        out.reserveCapacity(xs.count)
        for (i, v) in xs.enumerated() { out.append(FloatPoint(t: time(ofStep: i), f: v)) }
        return out
    }
}
