import Foundation
import PromModel
import Storage
import PromQL

/// The PromQL engine: evaluates parsed expressions over a `Querier`, like Prometheus 3.x
/// (float and native-histogram samples).
///
/// Range queries select each series once over the whole range and slide windows across the steps;
/// instant queries are range queries with one step.
public final class Engine: Sendable {
    /// The settings the engine was created with.
    public let options: EngineOptions

    public init(options: EngineOptions = .standard) {
        self.options = options
    }

    // MARK: - Queries

    /// Evaluates `expr` at time `at` (milliseconds). Range selectors at the top give a matrix.
    /// - Parameter shouldCancel: polled while evaluating; returning `true` ends the query with `.canceled`.
    public func instantQuery(_ expr: Expr, at: Int64, querier: any Querier,
                             shouldCancel: (@Sendable () -> Bool)? = nil) throws -> QueryResult {
        let ev = Evaluator(options: options, querier: querier, start: at, end: at, interval: 1,
                           shouldCancel: shouldCancel)
        try ev.ctx.checkDurations(expr)
        let root = ev.prepare(expr)
        let value = try ev.evaluate(root)
        switch value {
        case .scalar(let values):
            return QueryResult(value: .scalar(t: at, f: values.first ?? .nan), annotations: ev.annotations.list)
        case .string(let s):
            return QueryResult(value: .string(t: at, s: s), annotations: ev.annotations.list)
        case .range(let series):
            let out = series.map { RangeSeries(metric: ev.finalLabels($0.metric, dropName: $0.dropName),
                                               points: $0.points, histograms: $0.histograms) }
            try ev.checkDuplicateOutput(out.map(\.metric))
            return QueryResult(value: .matrix(out.sorted { $0.metric < $1.metric }), annotations: ev.annotations.list)
        case .vector(let series):
            var out: [VectorSample] = []
            out.reserveCapacity(series.count)
            for s in series {
                if let p = s.points.first {
                    out.append(VectorSample(metric: ev.finalLabels(s.metric, dropName: s.dropName), t: at, f: p.f))
                } else if let p = s.histograms.first {
                    out.append(VectorSample(metric: ev.finalLabels(s.metric, dropName: s.dropName), t: at, h: p.h))
                }
            }
            try ev.checkDuplicateOutput(out.map(\.metric))
            return QueryResult(value: .vector(out), annotations: ev.annotations.list)
        }
    }

    /// Evaluates `expr` at every step from `start` to `end` (milliseconds, inclusive). The result is a
    /// matrix sorted by labels (a scalar expression gives one series without labels).
    public func rangeQuery(_ expr: Expr, start: Int64, end: Int64, step: Int64, querier: any Querier,
                           shouldCancel: (@Sendable () -> Bool)? = nil) throws -> QueryResult {
        guard step > 0 else {
            throw QueryError(.execution, "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        guard end >= start else { throw QueryError(.execution, "end timestamp must not be before start time") }
        let steps = SaturatingTime.stepCount(start: start, end: end, interval: step)
        guard steps <= options.maxSteps else { throw QueryError.tooManySteps(steps, limit: options.maxSteps, subquery: false) }
        if expr.type != .scalar && expr.type != .vector {
            throw QueryError(.execution, "invalid expression type \"\(expr.type.documentedName)\" for range query, must be Scalar or instant Vector")
        }
        let ev = Evaluator(options: options, querier: querier, start: start, end: end, interval: step,
                           shouldCancel: shouldCancel)
        try ev.ctx.checkDurations(expr)
        let root = ev.prepare(expr)
        let value = try ev.evaluate(root)
        switch value {
        case .scalar(let values):
            var points: [FloatPoint] = []
            points.reserveCapacity(values.count)
            for (i, v) in values.enumerated() { points.append(FloatPoint(t: ev.time(ofStep: i), f: v)) }
            return QueryResult(value: .matrix([RangeSeries(metric: .empty, points: points)]),
                               annotations: ev.annotations.list)
        case .string(let s):
            return QueryResult(value: .string(t: end, s: s), annotations: ev.annotations.list)
        case .vector(let series), .range(let series):
            let out = series.filter { !$0.isEmpty }
                .map { RangeSeries(metric: ev.finalLabels($0.metric, dropName: $0.dropName), points: $0.points,
                                   histograms: $0.histograms) }
            let merged = try ev.mergeSameLabels(out)
            return QueryResult(value: .matrix(merged.sorted { $0.metric < $1.metric }), annotations: ev.annotations.list)
        }
    }
}
