import Foundation
import PromModel
import PromQL

/// How the evaluator computes one PromQL function. The parser owns the signatures
/// (`FunctionTable`); this is the engine's one name → implementation table (`Evaluator.functions`).
enum FunctionImplementation: Sendable {
    /// Evaluates the call as a whole (scalar or vector arguments).
    case call(@Sendable (Evaluator, Call) throws -> EvalValue)
    /// A float function applied to every float sample of its one vector argument (the name goes).
    case elementwise(@Sendable (Double) -> Double)
    /// A function of one window of a range-vector argument: makes the per-window computation from the
    /// argument, the other (scalar) arguments per step and the call's span.
    case rangeVector(@Sendable (Evaluator, RangeArg, [[Double]], SourceSpan) throws -> Evaluator.WindowFunction)
}

extension Evaluator {
    /// Every function the engine implements, by name.
    static let functions: [String: FunctionImplementation] = {
        var table: [String: FunctionImplementation] = [:]
        for (name, fn) in elementwiseFunctions { table[name] = .elementwise(fn) }
        for (name, fn) in callFunctions { table[name] = .call(fn) }
        for (name, fn) in rangeVectorFunctions { table[name] = .rangeVector(fn) }
        return table
    }()

    // MARK: - Element-wise

    static let elementwiseFunctions: [String: @Sendable (Double) -> Double] = [
        "abs": { abs($0) }, "ceil": { ceil($0) }, "floor": { floor($0) }, "exp": { exp($0) },
        "sqrt": { sqrt($0) }, "ln": { log($0) }, "log2": { log2($0) }, "log10": { log10($0) },
        "sin": { sin($0) }, "cos": { cos($0) }, "tan": { tan($0) }, "asin": { asin($0) }, "acos": { acos($0) },
        "atan": { atan($0) }, "sinh": { sinh($0) }, "cosh": { cosh($0) }, "tanh": { tanh($0) },
        "asinh": { asinh($0) }, "acosh": { acosh($0) }, "atanh": { atanh($0) },
        "deg": { $0 * 180 / Double.pi }, "rad": { $0 * Double.pi / 180 },
        "sgn": { $0 < 0 ? -1 : ($0 > 0 ? 1 : $0) },
    ]

    // MARK: - Whole calls

    static let callFunctions: [String: @Sendable (Evaluator, Call) throws -> EvalValue] = {
        var t: [String: @Sendable (Evaluator, Call) throws -> EvalValue] = [
            "time": { ev, _ in .scalar((0..<ev.steps).map { Double(ev.time(ofStep: $0)) / 1000 }) },
            "pi": { ev, _ in .scalar([Double](repeating: Double.pi, count: ev.steps)) },
            "start": { ev, _ in .scalar([Double](repeating: Double(ev.ctx.queryStart) / 1000, count: ev.steps)) },
            "end": { ev, _ in .scalar([Double](repeating: Double(ev.ctx.queryEnd) / 1000, count: ev.steps)) },
            "range": { ev, _ in .scalar([Double](repeating: Double(ev.ctx.queryEnd - ev.ctx.queryStart) / 1000, count: ev.steps)) },
            "step": { ev, _ in .scalar([Double](repeating: Double(ev.ctx.queryStep) / 1000, count: ev.steps)) },
            "scalar": { ev, c in .scalar(try ev.scalarOf(try ev.evalVector(c.args[0]))) },
            "vector": { ev, c in
                .vector([StepSeries(metric: .empty, points: ev.points(fromScalar: try ev.evalScalar(c.args[0])))])
            },
            "timestamp": { ev, c in .vector(try ev.evalTimestamp(c.args[0])) },
            "absent": { ev, c in .vector(ev.absentSeries(present: try ev.evalVectorWithHistograms(c.args[0]), arg: c.args[0])) },
            "label_replace": { ev, c in .vector(try ev.evalLabelReplace(c)) },
            "label_join": { ev, c in .vector(try ev.evalLabelJoin(c)) },
            "sort": { ev, c in .vector(ev.sortByValue(try ev.evalVector(c.args[0]), descending: false)) },
            "sort_desc": { ev, c in .vector(ev.sortByValue(try ev.evalVector(c.args[0]), descending: true)) },
            "sort_by_label": { ev, c in .vector(try ev.evalSortByLabel(c, descending: false)) },
            "sort_by_label_desc": { ev, c in .vector(try ev.evalSortByLabel(c, descending: true)) },
            "histogram_quantile": { ev, c in .vector(try ev.evalHistogramQuantile(c)) },
            "histogram_fraction": { ev, c in .vector(try ev.evalHistogramFraction(c)) },
            "histogram_quantiles": { ev, c in .vector(try ev.evalHistogramQuantiles(c)) },
            "start_timestamp": { ev, c in .vector(try ev.evalStartTimestamp(c)) },
            "info": { ev, c in .vector(try ev.evalInfo(c)) },
            "round": { ev, c in .vector(try ev.evalRound(c)) },
        ]
        for name in ["min_of", "max_of"] {
            t[name] = { ev, c in
                let a = try ev.evalScalar(c.args[0]), b = try ev.evalScalar(c.args[1])
                return .scalar(zip(a, b).map { name == "min_of" ? goMin($0, $1) : goMax($0, $1) })
            }
        }
        for name in ["histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar"] {
            t[name] = { ev, c in .vector(try ev.evalHistogramProperty(c)) }
        }
        for name in ["clamp", "clamp_min", "clamp_max"] { t[name] = { ev, c in .vector(try ev.evalClamp(c)) } }
        for name in ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"] {
            t[name] = { ev, c in .vector(try ev.evalDateFunction(c)) }
        }
        return t
    }()

    private func evalSortByLabel(_ c: Call, descending: Bool) throws -> [StepSeries] {
        var labels: [String] = []
        for a in c.args.dropFirst() { labels.append(try evalString(a)) }
        return sortByLabels(try evalVector(c.args[0]), labels: labels, descending: descending)
    }

    // MARK: - Range vectors

    static let rangeVectorFunctions: [String: @Sendable (Evaluator, RangeArg, [[Double]], SourceSpan) throws -> WindowFunction] = {
        typealias Make = @Sendable (Evaluator, RangeArg, [[Double]], SourceSpan) throws -> WindowFunction
        /// A function of the window alone.
        func simple(_ f: @escaping @Sendable (RangeFunctions.Window) -> Double?) -> Make {
            { _, _, _, _ in { w, _, _ in f(w) } }
        }
        var t: [String: Make] = [
            "irate": simple { RangeFunctions.instantDelta($0, isRate: true) },
            "idelta": simple { RangeFunctions.instantDelta($0, isRate: false) },
            "resets": simple { RangeFunctions.resets($0) },
            "changes": simple { RangeFunctions.changes($0) },
            "deriv": simple { w in
                guard w.count >= 2, let first = w.first else { return nil }
                return RangeFunctions.linearRegression(w, interceptTime: first.t).slope
            },
            "avg_over_time": simple { RangeFunctions.avg($0) },
            "sum_over_time": simple { RangeFunctions.sum($0) },
            "min_over_time": simple { RangeFunctions.min($0) },
            "max_over_time": simple { RangeFunctions.max($0) },
            "count_over_time": simple { Double($0.count) },
            "stddev_over_time": simple { RangeFunctions.variance($0).squareRoot() },
            "stdvar_over_time": simple { RangeFunctions.variance($0) },
            "mad_over_time": simple { RangeFunctions.mad($0) },
            "last_over_time": simple { $0.last?.f },
            "first_over_time": simple { $0.first?.f },
            "present_over_time": simple { _ in 1 },
            "absent_over_time": simple { _ in 1 },
            "ts_of_last_over_time": simple { w in w.last.map { Double($0.t) / 1000 } },
            "ts_of_first_over_time": simple { w in w.first.map { Double($0.t) / 1000 } },
            "ts_of_max_over_time": simple { RangeFunctions.timestampOfExtreme($0, max: true) },
            "ts_of_min_over_time": simple { RangeFunctions.timestampOfExtreme($0, max: false) },
            "predict_linear": { ev, _, scalars, _ in
                let durations = scalars.first ?? []
                return { w, step, _ in
                    guard w.count >= 2 else { return nil }
                    let r = RangeFunctions.linearRegression(w, interceptTime: ev.time(ofStep: step))
                    return r.slope * durations[step] + r.intercept
                }
            },
            "quantile_over_time": { ev, _, scalars, span in
                let qs = scalars.first ?? []
                let ctx = ev.ctx
                return { w, step, _ in
                    let q = qs[step]
                    if !(q >= 0 && q <= 1) {
                        ctx.annotations.warn("quantile value should be between 0 and 1, got \(goG(q))", span)
                    }
                    return RangeFunctions.quantile(q, w.map(\.f))
                }
            },
        ]
        for name in ["rate", "increase", "delta"] {
            let isCounter = name != "delta", isRate = name == "rate"
            t[name] = { _, arg, _, _ in
                let range = arg.range
                let rangeSeconds = Double(range) / 1000
                return { w, _, t in
                    RangeFunctions.extrapolatedDelta(w, rangeStart: t - range, rangeEnd: t, rangeSeconds: rangeSeconds,
                                                     isCounter: isCounter, isRate: isRate)
                }
            }
        }
        for name in ["double_exponential_smoothing"] {
            t[name] = { _, _, scalars, _ in
                let sfs = scalars.first ?? [], tfs = scalars.count > 1 ? scalars[1] : []
                return { w, step, _ in
                    let sf = sfs[step], tf = tfs[step]
                    guard sf > 0 && sf < 1 else {
                        throw QueryError(.execution, "invalid smoothing factor. Expected: 0 < sf < 1, got: \(goFloat(sf))")
                    }
                    guard tf > 0 && tf < 1 else {
                        throw QueryError(.execution, "invalid trend factor. Expected: 0 < tf < 1, got: \(goFloat(tf))")
                    }
                    return RangeFunctions.doubleExponentialSmoothing(w, sf: sf, tf: tf)
                }
            }
        }
        return t
    }()
}
