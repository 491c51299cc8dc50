import PromModel
import PromQL

// MARK: - Running queries

extension PromQLTestRunState {
    func runRange(_ eval: PromQLTestEval, start: Int64, end: Int64, step: Int64) -> PromQLTestFailure? {
        let result: QueryResult
        do {
            result = try engine.rangeQuery(eval.expr, start: start, end: end, step: step, querier: storage)
        } catch {
            return errorOutcome(error, eval)
        }
        let grid = PromQLTestComparator.grid(eval)
        let actual = PromQLTestFormat.actualLines(result.value, grid: grid)
        if eval.fail != nil { return PromQLTestFailure(reason: "expected the query to fail, but it succeeded", actual: actual) }
        if let m = PromQLTestComparator.checkAnnotations(result.annotations, query: eval.exprText, with: eval) {
            return PromQLTestFailure(reason: m, actual: actual + annotationLines(result, eval))
        }
        if let m = PromQLTestComparator.compare(result.value, with: eval) { return PromQLTestFailure(reason: m, actual: actual) }
        return nil
    }

    func runInstant(_ eval: PromQLTestEval, at: Int64) -> PromQLTestFailure? {
        var queries: [(expr: Expr, t: Int64, variant: String?)] = [(eval.expr, at, nil)]
        let functions = PromQLTestQueryAnalysis.functionNames(eval.expr)
        if options.extraChecks && functions.isDisjoint(with: PromQLTestQueryAnalysis.atUnsafeFunctions) {
            let pinned = PromQLTestQueryAnalysis.pinned(eval.expr, at: at)
            for t in PromQLTestQueryAnalysis.atEvalTimes(at) {
                queries.append((pinned, t, "with @ \(PromQLTestFormat.seconds(at)) on every selector, evaluated at \(PromQLTestFormat.time(t))"))
            }
        }
        let rangeMode = options.extraChecks && !eval.ordered && eval.expectedString == nil && eval.rangeVector == nil
            && functions.isDisjoint(with: PromQLTestQueryAnalysis.rangeUnsafeFunctions)
            && !PromQLTestQueryAnalysis.usesStepOrRangeDurations(eval.expr)
            && (eval.expr.type == .scalar || eval.expr.type == .vector)
        for (index, query) in queries.enumerated() {
            let result: QueryResult
            do {
                result = try engine.instantQuery(query.expr, at: query.t, querier: storage)
            } catch {
                return errorOutcome(error, eval).map { qualified($0, query.variant) }
            }
            let actual = PromQLTestFormat.actualLines(result.value, grid: PromQLTestComparator.grid(eval))
            if eval.fail != nil {
                return qualified(PromQLTestFailure(reason: "expected the query to fail, but it succeeded", actual: actual), query.variant)
            }
            if index == 0, let m = PromQLTestComparator.checkAnnotations(result.annotations, query: eval.exprText, with: eval) {
                return PromQLTestFailure(reason: m, actual: actual + annotationLines(result, eval))
            }
            if let m = PromQLTestComparator.compare(result.value, with: eval) {
                return qualified(PromQLTestFailure(reason: m, actual: actual), query.variant)
            }
            if rangeMode, let failure = checkRangeMode(eval, query.expr, at: query.t, instant: result.value) {
                let variant = "in range mode (\(PromQLTestFormat.time(query.t - 60_000)) to \(PromQLTestFormat.time(query.t + 60_000)) step 1m)"
                return qualified(failure, query.variant.map { variant + ", " + $0 } ?? variant)
            }
        }
        return nil
    }

    /// Upstream's range-mode check: the middle step of a t-1m..t+1m range query equals the instant result.
    func checkRangeMode(_ eval: PromQLTestEval, _ expr: Expr, at t: Int64, instant: QueryValue) -> PromQLTestFailure? {
        let result: QueryResult
        do {
            result = try engine.rangeQuery(expr, start: t - 60_000, end: t + 60_000, step: 60_000, querier: storage)
        } catch {
            return PromQLTestFailure(reason: "unexpected error: \(error)", actual: ["error: \(error)"])
        }
        guard case .matrix(let series) = result.value else {
            return PromQLTestFailure(reason: "range query returned a \(result.value.typeName), not a matrix",
                                     actual: PromQLTestFormat.actualLines(result.value, grid: nil))
        }
        if let m = PromQLTestComparator.checkSorted(series) {
            return PromQLTestFailure(reason: m, actual: PromQLTestFormat.actualLines(result.value, grid: nil))
        }
        var vector: [VectorSample] = []
        for s in series {
            if let p = s.points.first(where: { $0.t == t }) {
                vector.append(VectorSample(metric: s.metric, t: p.t, f: p.f))
            } else if let p = s.histograms.first(where: { $0.t == t }) {
                vector.append(VectorSample(metric: s.metric, t: p.t, h: p.h))
            }
        }
        let value: QueryValue
        if case .scalar = instant {
            guard let first = vector.first else {
                return PromQLTestFailure(reason: "range query has no point at \(PromQLTestFormat.time(t))",
                                         actual: PromQLTestFormat.actualLines(result.value, grid: nil))
            }
            value = .scalar(t: t, f: first.f)
        } else {
            value = .vector(vector)
        }
        if let m = PromQLTestComparator.compare(value, with: eval) {
            return PromQLTestFailure(reason: m, actual: PromQLTestFormat.actualLines(value, grid: nil))
        }
        return nil
    }

    /// A query error: `nil` when the eval expects it, else the failure.
    func errorOutcome(_ error: Error, _ eval: PromQLTestEval) -> PromQLTestFailure? {
        let message = "\(error)"
        guard let m = PromQLTestComparator.checkFailure(message, with: eval) else { return nil }
        return PromQLTestFailure(reason: m, actual: ["error: \(message)"])
    }

    func qualified(_ failure: PromQLTestFailure, _ variant: String?) -> PromQLTestFailure {
        guard let variant else { return failure }
        return PromQLTestFailure(reason: failure.reason + " [\(variant)]", actual: failure.actual)
    }

    func annotationLines(_ result: QueryResult, _ eval: PromQLTestEval) -> [String] {
        result.annotations.map { $0.rendered(query: eval.exprText) }
    }
}
