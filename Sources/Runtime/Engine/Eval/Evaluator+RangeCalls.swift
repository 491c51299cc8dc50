import PromModel
import PromQL

// MARK: - Functions over range vectors

extension Evaluator {
    /// A function of one window: the samples in `(evalT - range, evalT]`, the step and `evalT`.
    typealias WindowFunction = (_ window: RangeFunctions.Window, _ step: Int, _ evalT: Int64) throws -> Double?
    /// A window function that also reads the start timestamps of the series' samples.
    typealias StartTimeWindowFunction = (_ window: RangeFunctions.Window, _ sts: RangeFunctions.StartTimes,
                                         _ evalT: Int64) -> Double?

    /// Evaluates a call whose argument `argIndex` is a range vector, one series at a time: the
    /// series' samples are decoded once and the window slides across the steps.
    func evalRangeCall(_ c: Call, argIndex: Int) throws -> EvalValue {
        let (scalars, arg) = try rangeCallInputs(c, argIndex: argIndex)
        let stream = try rangeCallStream(c, argIndex: argIndex, scalars: scalars, arg: arg)
        let out = arg.containsHistograms
            ? try histogramRangeCall(c, argIndex: argIndex, scalars: scalars, arg: arg, floats: stream)
            : try collect(stream)
        if c.function.name == "absent_over_time" { return .vector(absentSeries(present: out, arg: c.args[argIndex])) }
        return .vector(out)
    }

    /// The scalar arguments and the range-vector argument of a call.
    func rangeCallInputs(_ c: Call, argIndex: Int) throws -> (scalars: [[Double]], arg: RangeArg) {
        var scalars: [[Double]] = []
        for (i, a) in c.args.enumerated() where i != argIndex { scalars.append(try evalScalar(a)) }
        return (scalars, try rangeArg(c.args[argIndex], function: c.function.name))
    }

    /// A call whose argument `argIndex` is a range vector, as a stream of its output series; `nil` when
    /// the argument holds native histograms (streams carry floats only).
    func rangeCallStream(_ c: Call, argIndex: Int) throws -> SeriesStream? {
        let (scalars, arg) = try rangeCallInputs(c, argIndex: argIndex)
        if arg.containsHistograms { return nil }
        return try rangeCallStream(c, argIndex: argIndex, scalars: scalars, arg: arg)
    }

    /// The float-only stream of a range call over prepared inputs.
    func rangeCallStream(_ c: Call, argIndex: Int, scalars: [[Double]], arg: RangeArg) throws -> SeriesStream {
        let name = c.function.name
        let fn: WindowFunction
        if arg.isExtended {
            try checkExtendedRange(name: name, arg: arg)
            fn = try extendedWindowFunction(name, arg: arg)
        } else {
            fn = try windowFunction(name, arg: arg, scalars: scalars, span: c.span)
        }
        let stFn = arg.isExtended || !options.useStartTimestamps ? nil : startTimeWindowFunction(name, arg: arg)
        var stScratch: [Int64] = []
        // The window at evaluation time t is (t - range - extendBefore, t + extendAfter].
        let reachBack = arg.range + arg.extendBefore, reachAhead = arg.extendAfter
        let keepsName = name == "last_over_time" || name == "first_over_time"
        let checksCounter = name == "rate" || name == "increase"
        let argSpan = c.args[argIndex].span
        var scratch: [FloatPoint] = []
        return SeriesStream(count: arg.count, header: { [self] i in
            var s = StepSeries(metric: arg.labels(i), dropName: arg.dropName(i))
            if !keepsName { dropName(&s) }
            return (s.metric, s.dropName)
        }, produce: { [self] i, pts in
            pts.removeAll(keepingCapacity: true)
            try ctx.checkInterrupt()
            // A local buffer (swapped with the captured one) avoids dynamic exclusivity checks per access.
            var buf: [FloatPoint] = []
            swap(&buf, &scratch)
            defer { swap(&buf, &scratch) }
            arg.samples(i, into: &buf)
            if buf.isEmpty { return }
            try ctx.hold(buf.count)
            defer { ctx.release(buf.count) }
            if let stFn, arg.startTimes(i, into: &stScratch) {
                try slideWithStartTimes(buf, stScratch, stFn, arg: arg, pts: &pts, warnOverlap: checksCounter,
                                        metric: arg.labels(i).metricName ?? "", span: argSpan)
            } else {
                try buf.withUnsafeBufferPointer { samples in
                    let n = samples.count
                    var lo = 0, hi = 0
                    for step in 0..<steps {
                        if step & 0xFFF == 0xFFF { try ctx.checkProgress(pending: pts.count) }
                        let t = evalTime(step: step, fixed: arg.fixed, offset: arg.offset)
                        while hi < n && samples[hi].t <= t + reachAhead { hi += 1 }
                        while lo < hi && samples[lo].t <= t - reachBack { lo += 1 }
                        if lo == hi { continue }
                        if let v = try fn(samples[lo..<hi], step, t) { pts.append(FloatPoint(t: time(ofStep: step), f: v)) }
                    }
                }
            }
            if checksCounter, !pts.isEmpty, let m = arg.labels(i).metricName, !isCounterName(m) {
                ctx.annotations.info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "
                                     + goQuote(m), argSpan)
            }
        })
    }

    /// The start-timestamp-aware form of range function `name`, if it has one.
    private func startTimeWindowFunction(_ name: String, arg: RangeArg) -> StartTimeWindowFunction? {
        let range = arg.range
        let rangeSeconds = Double(range) / 1000
        switch name {
        case "rate", "increase":
            let isRate = name == "rate"
            return { w, sts, t in
                RangeFunctions.extrapolatedDelta(w, sts: sts, rangeStart: t - range, rangeEnd: t,
                                                 rangeSeconds: rangeSeconds, isRate: isRate)
            }
        case "irate": return { w, sts, _ in RangeFunctions.instantRate(w, sts: sts) }
        case "resets": return { w, sts, _ in RangeFunctions.resets(w, sts: sts) }
        default: return nil
        }
    }

    /// Slides the windows of one series whose samples have start timestamps (`sts`, index for index
    /// with `samples`) across the steps; warns once when a start timestamp overlaps the previous sample.
    private func slideWithStartTimes(_ samples: [FloatPoint], _ sts: [Int64], _ fn: StartTimeWindowFunction,
                                     arg: RangeArg, pts: inout [FloatPoint], warnOverlap: Bool,
                                     metric: String, span: SourceSpan) throws {
        var checkOverlap = warnOverlap
        try samples.withUnsafeBufferPointer { samples in
            try sts.withUnsafeBufferPointer { sts in
                let n = samples.count
                var lo = 0, hi = 0
                for step in 0..<steps {
                    if step & 0xFFF == 0xFFF { try ctx.checkProgress(pending: pts.count) }
                    let t = evalTime(step: step, fixed: arg.fixed, offset: arg.offset)
                    while hi < n && samples[hi].t <= t { hi += 1 }
                    while lo < hi && samples[lo].t <= t - arg.range { lo += 1 }
                    if lo == hi { continue }
                    let w = samples[lo..<hi]
                    if checkOverlap, RangeFunctions.hasStartOverlap(w, sts: sts) {
                        checkOverlap = false
                        ctx.annotations.warn("sample has start time that overlaps with previous sample timestamp "
                                             + "for metric \(goQuote(metric))", span)
                    }
                    if let v = fn(w, sts, t) { pts.append(FloatPoint(t: time(ofStep: step), f: v)) }
                }
            }
        }
    }

    private func isCounterName(_ m: String) -> Bool {
        m.hasSuffix("_total") || m.hasSuffix("_sum") || m.hasSuffix("_count") || m.hasSuffix("_bucket")
    }

    /// The per-window computation of range function `name`.
    func windowFunction(_ name: String, arg: RangeArg, scalars: [[Double]],
                        span: SourceSpan) throws -> WindowFunction {
        guard case .rangeVector(let make)? = Evaluator.functions[name] else {
            throw QueryError(.execution, "function \(name) is not supported")
        }
        return try make(self, arg, scalars, span)
    }

    /// `anchored` and `smoothed` are accepted only by some functions.
    func checkExtendedRange(name: String, arg: RangeArg) throws {
        if arg.anchored && !Evaluator.anchoredFunctionNames.contains(name) {
            throw QueryError(.execution, "anchored modifier can only be used with: "
                             + Evaluator.anchoredFunctionNames.sorted().joined(separator: ", ") + " - not with \(name)")
        }
        if arg.smoothed && !Evaluator.smoothedFunctionNames.contains(name) {
            throw QueryError(.execution, "smoothed modifier can only be used with: "
                             + Evaluator.smoothedFunctionNames.sorted().joined(separator: ", ") + " - not with \(name)")
        }
    }

    // MARK: - absent

    /// One series marked present at the steps where `present` has no point, with the labels of the
    /// equality matchers of the argument's selector.
    func absentSeries(present: [StepSeries], arg: Expr) -> [StepSeries] {
        var has = [Bool](repeating: false, count: steps)
        for s in present {
            for p in s.points {
                let i = step(of: p.t)
                if i >= 0 && i < steps { has[i] = true }
            }
            for p in s.histograms {
                let i = step(of: p.t)
                if i >= 0 && i < steps { has[i] = true }
            }
        }
        var pts: [FloatPoint] = []
        for i in 0..<steps where !has[i] { pts.append(FloatPoint(t: time(ofStep: i), f: 1)) }
        if pts.isEmpty { return [] }
        return [StepSeries(metric: absentLabels(arg), dropName: false, points: pts)]
    }

    /// Labels from the equality matchers of a selector (a name used twice is left out).
    func absentLabels(_ expr: Expr) -> Labels {
        let matchers: [LabelMatcher]
        switch expr {
        case .vectorSelector(let vs): matchers = vs.matchers
        case .matrixSelector(let ms): matchers = ms.vectorSelector.matchers
        case .paren(let p): return absentLabels(p.expr)
        default: return .empty
        }
        var values: [String: String] = [:]
        var repeated = Set<String>()
        var seen = Set<String>()
        for m in matchers where m.name != Label.metricName {
            if !seen.insert(m.name).inserted { repeated.insert(m.name) }
            if m.type == .equal { values[m.name] = m.value }
        }
        for r in repeated { values[r] = nil }
        return Labels(values)
    }
}
