import PromModel
import PromQL

// MARK: - Functions over range vectors that hold native histograms

extension Evaluator {
    /// What one window of a series gives.
    enum WindowOutput {
        case none
        case float(Double)
        case histogram(FloatHistogram)
    }

    /// A range call whose argument holds histograms: series without histograms come from the float
    /// stream `floats`; the others are evaluated window by window over both kinds of samples.
    func histogramRangeCall(_ c: Call, argIndex: Int, scalars: [[Double]], arg: RangeArg,
                            floats: SeriesStream) throws -> [StepSeries] {
        let name = c.function.name
        let fn: WindowFunction
        if arg.isExtended {
            try checkExtendedRange(name: name, arg: arg)
            fn = try extendedWindowFunction(name, arg: arg)
        } else {
            fn = try windowFunction(name, arg: arg, scalars: scalars, span: c.span)
        }
        // The window at evaluation time t is (t - range - extendBefore, t + extendAfter].
        let reachBack = arg.range + arg.extendBefore, reachAhead = arg.extendAfter
        let span = c.args[argIndex].span
        let readsStartTimes = options.useStartTimestamps && !arg.isExtended
            && ["rate", "increase", "irate", "resets"].contains(name)
        var out: [StepSeries] = []
        var buf: [FloatPoint] = []
        for i in 0..<arg.count {
            try ctx.checkInterrupt()
            let header = floats.header(i)
            guard arg.hasHistograms(i) else {
                try floats.produce(i, &buf)
                if !buf.isEmpty { out.append(StepSeries(metric: header.metric, dropName: header.dropName, points: buf)) }
                continue
            }
            let samples = arg.samples(i)
            try ctx.hold(samples.count)
            defer { ctx.release(samples.count) }
            var result = StepSeries(metric: header.metric, dropName: header.dropName)
            let metricName = arg.labels(i).metricName ?? ""
            var notes = HistogramWindowNotes()
            var hb = arg.histogramWindowBuffer(i)
            var held = 0
            defer { ctx.release(held) }
            try samples.withUnsafeBufferPointer { floatBuffer in
                var flo = 0, fhi = 0
                for step in 0..<steps {
                    let t = evalTime(step: step, fixed: arg.fixed, offset: arg.offset)
                    while fhi < floatBuffer.count && floatBuffer[fhi].t <= t + reachAhead { fhi += 1 }
                    while flo < fhi && floatBuffer[flo].t <= t - reachBack { flo += 1 }
                    hb.slide(from: t - reachBack, to: t + reachAhead)
                    if hb.peak > held {
                        try ctx.hold(hb.peak - held)
                        held = hb.peak
                    }
                    let hw = hb.window
                    if flo == fhi && hw.isEmpty { continue }
                    let fw = floatBuffer[flo..<fhi]
                    let output: WindowOutput
                    if arg.isExtended {
                        output = try extendedHistogramWindow(name, fw, hw, step: step, t: t, arg: arg, fn: fn, notes: &notes)
                    } else if readsStartTimes, fw.isEmpty, !hw.isEmpty, hb.windowHasStartTimes {
                        output = startTimedHistogramWindow(name, hw, sts: hb.startTimes, t: t, range: arg.range, notes: &notes)
                    } else {
                        output = try histogramWindow(name, fw, hw, step: step, t: t, range: arg.range, fn: fn, notes: &notes)
                    }
                    switch output {
                    case .none: break
                    case .float(let v): result.points.append(FloatPoint(t: time(ofStep: step), f: v))
                    case .histogram(let h): result.histograms.append(HistogramPoint(t: time(ofStep: step), h: h))
                    }
                }
            }
            notes.report(to: &ctx.annotations, metricName: metricName, span: span)
            if !result.isEmpty { out.append(result) }
        }
        return out
    }

    /// One window of an `anchored` or `smoothed` range over a series with histograms; the window reaches
    /// past the range as `arg` says.
    private func extendedHistogramWindow(_ name: String, _ fw: RangeFunctions.Window, _ hw: ArraySlice<HistogramPoint>,
                                         step: Int, t: Int64, arg: RangeArg, fn: WindowFunction,
                                         notes: inout HistogramWindowNotes) throws -> WindowOutput {
        let rangeStart = t - arg.range
        switch name {
        case "rate", "increase", "delta":
            if hw.isEmpty { return try fn(fw, step, t).map(WindowOutput.float) ?? .none }
            if !fw.isEmpty { notes.mixedFloats = true; return .none }
            let result = HistogramRangeFunctions.extendedDelta(
                hw, rangeStart: rangeStart, rangeEnd: t, rangeSeconds: Double(arg.range) / 1000, smoothed: arg.smoothed,
                isCounter: name != "delta", isRate: name == "rate", notes: &notes)
            return result.map(WindowOutput.histogram) ?? .none
        case "resets", "changes":
            let n = HistogramRangeFunctions.anchoredResetsOrChanges(fw, hw, rangeStart: rangeStart,
                                                                    changes: name == "changes")
            return n.map(WindowOutput.float) ?? .none
        default:
            return .none
        }
    }

    /// One histogram-only window of `rate`, `increase`, `irate` or `resets` over a series whose histograms
    /// have start timestamps (`sts`, index for index with the series' histograms).
    private func startTimedHistogramWindow(_ name: String, _ hw: ArraySlice<HistogramPoint>, sts: [Int64], t: Int64,
                                           range: Int64, notes: inout HistogramWindowNotes) -> WindowOutput {
        switch name {
        case "rate", "increase":
            let result = HistogramRangeFunctions.extrapolatedDelta(
                hw, sts: sts, rangeStart: t - range, rangeEnd: t, rangeSeconds: Double(range) / 1000,
                isRate: name == "rate", notes: &notes)
            return result.map(WindowOutput.histogram) ?? .none
        case "irate":
            return HistogramRangeFunctions.instantRate(hw, sts: sts, notes: &notes).map(WindowOutput.histogram) ?? .none
        default:
            return .float(HistogramRangeFunctions.resets(hw, sts: sts))
        }
    }

    /// One window of a series with histograms.
    private func histogramWindow(_ name: String, _ fw: RangeFunctions.Window, _ hw: ArraySlice<HistogramPoint>,
                                 step: Int, t: Int64, range: Int64, fn: WindowFunction,
                                 notes: inout HistogramWindowNotes) throws -> WindowOutput {
        func floats() throws -> WindowOutput {
            if fw.isEmpty { return .none }
            return try fn(fw, step, t).map(WindowOutput.float) ?? .none
        }
        switch name {
        case "rate", "increase", "delta":
            if hw.isEmpty { return try floats() }
            if !fw.isEmpty { notes.mixedFloats = true; return .none }
            let result = HistogramRangeFunctions.extrapolatedDelta(
                Array(hw), rangeStart: t - range, rangeEnd: t, rangeSeconds: Double(range) / 1000,
                isCounter: name != "delta", isRate: name == "rate", notes: &notes)
            return result.map(WindowOutput.histogram) ?? .none
        case "irate", "idelta":
            let lastFloat = fw.last?.t ?? .min
            if hw.count >= 2, hw[hw.endIndex - 2].t > lastFloat {
                let result = HistogramRangeFunctions.instantDelta(hw[hw.endIndex - 2].h, hw[hw.endIndex - 1].h,
                                                                  interval: hw[hw.endIndex - 1].t - hw[hw.endIndex - 2].t,
                                                                  isRate: name == "irate", notes: &notes)
                return result.map(WindowOutput.histogram) ?? .none
            }
            if fw.count >= 2, fw[fw.endIndex - 2].t > (hw.last?.t ?? .min) { return try floats() }
            if !fw.isEmpty && !hw.isEmpty { notes.mixedFloats = true }
            return .none
        case "sum_over_time", "avg_over_time":
            if hw.isEmpty { return try floats() }
            if !fw.isEmpty { notes.mixedFloats = true; return .none }
            var summation = HistogramSummation()
            for p in hw {
                do {
                    if let c = try summation.add(p.h) {
                        if c.customBoundsReconciled { notes.reconciledAggregation = true }
                    }
                } catch {
                    notes.mixedSchemas = true
                    return .none
                }
            }
            if summation.counterResetCollision { notes.counterResetCollision = true }
            guard var sum = summation.result else { return .none }
            if name == "avg_over_time" { sum = HistogramSummation.mean(of: hw.map(\.h), sum: sum) }
            return .histogram(sum.compacted())
        case "count_over_time": return .float(Double(fw.count + hw.count))
        case "present_over_time", "absent_over_time": return .float(1)
        case "last_over_time", "ts_of_last_over_time":
            let f = fw.last, h = hw.last
            if let h, h.t > (f?.t ?? .min) {
                return name == "last_over_time" ? .histogram(h.h) : .float(Double(h.t) / 1000)
            }
            return try floats()
        case "first_over_time", "ts_of_first_over_time":
            let f = fw.first, h = hw.first
            if let h, h.t < (f?.t ?? .max) {
                return name == "first_over_time" ? .histogram(h.h) : .float(Double(h.t) / 1000)
            }
            return try floats()
        case "resets", "changes":
            return .float(HistogramRangeFunctions.resetsOrChanges(fw, hw, changes: name == "changes"))
        default:
            if !hw.isEmpty && !fw.isEmpty { notes.ignoredHistograms = true }
            return try floats()
        }
    }
}

/// Annotations gathered over the windows of one series, reported once.
struct HistogramWindowNotes {
    var mixedFloats = false
    var mixedSchemas = false
    var notCounter = false
    var notGauge = false
    var ignoredHistograms = false
    var reconciledSubtraction = false
    var reconciledAggregation = false
    var counterResetCollision = false

    func report(to annotations: inout AnnotationSet, metricName: String, span: SourceSpan) {
        let forName = metricName.isEmpty ? "" : " for metric name " + goQuote(metricName)
        if mixedFloats { annotations.warn("encountered a mix of histograms and floats" + forName, span) }
        if mixedSchemas {
            annotations.warn("vector contains a mix of histograms with exponential and custom buckets schemas" + forName, span)
        }
        if notCounter { annotations.warn("this native histogram metric is not a counter: " + goQuote(metricName), span) }
        if notGauge { annotations.warn("this native histogram metric is not a gauge: " + goQuote(metricName), span) }
        if ignoredHistograms {
            annotations.info("ignored histograms in a range containing both floats and histograms" + forName, span)
        }
        if counterResetCollision { annotations.warn("conflicting counter resets during histogram aggregation", span) }
        if reconciledSubtraction { annotations.info("mismatched custom buckets were reconciled during subtraction", span) }
        if reconciledAggregation { annotations.info("mismatched custom buckets were reconciled during aggregation", span) }
    }
}
