import PromModel
import PromQL

/// One operand value of a binary operation over inputs with native histograms.
enum BinarySample {
    case float(Double)
    case histogram(FloatHistogram)

    var typeName: String {
        switch self {
        case .float: return "float"
        case .histogram: return "histogram"
        }
    }
}

/// Annotations gathered by one binary operation over histograms.
struct BinaryHistogramNotes {
    var incompatible: Set<String> = []
    var incompatibleLayout = false
    var collision = false
    var reconciled = false

    func report(to annotations: inout AnnotationSet, op: BinaryOperator, span: SourceSpan) {
        for pair in incompatible.sorted() {
            annotations.info("incompatible sample types encountered for binary operator \(goQuote(op.rawValue)): \(pair)", span)
        }
        let verb = op == .sub ? "subtraction" : "addition"
        if incompatibleLayout { annotations.warn("incompatible bucket layout encountered for binary operator \(op.rawValue)", span) }
        if collision { annotations.warn("conflicting counter resets during histogram \(verb)", span) }
        if reconciled { annotations.info("mismatched custom buckets were reconciled during \(verb)", span) }
    }
}

// MARK: - Binary operators with native histograms

extension Evaluator {
    /// `l op r` when one side is a histogram: `h ± h`, `h * f`, `f * h`, `h / f`, the trims `h </ f` and
    /// `h >/ f`, and `==`/`!=` between histograms (filtering, or 1/0 with `bool`). Anything else gives nothing and an info.
    static func histogramBinop(_ op: BinaryOperator, _ l: BinarySample, _ r: BinarySample, returnBool: Bool,
                               notes: inout BinaryHistogramNotes) -> BinarySample? {
        switch (l, r) {
        case (.float(let a), .float(let b)):
            var (v, keep) = apply(op, a, b)
            if returnBool { v = keep ? 1 : 0; keep = true }
            return keep ? .float(v) : nil
        case (.histogram(let a), .histogram(let b)):
            switch op {
            case .add, .sub:
                do {
                    let c = op == .add ? try a.adding(b) : try a.subtracting(b)
                    if c.counterResetCollision { notes.collision = true }
                    if c.customBoundsReconciled { notes.reconciled = true }
                    return .histogram(c.result.compacted())
                } catch {
                    notes.incompatibleLayout = true
                    return nil
                }
            case .eql, .neq:
                let equal = HistogramRangeFunctions.sameValue(a, b)
                let keep = op == .eql ? equal : !equal
                if returnBool { return .float(keep ? 1 : 0) }
                return keep ? l : nil
            default: break
            }
        case (.histogram(let h), .float(let f)):
            if op == .mul { return .histogram(h.scaled(by: f)) }
            if op == .div { return .histogram(divided(h, by: f)) }
            if op == .trimUpper || op == .trimLower {
                return .histogram(HistogramTrim.trim(h, at: f, keepBelow: op == .trimUpper))
            }
        case (.float(let f), .histogram(let h)):
            if op == .mul { return .histogram(h.scaled(by: f)) }
        }
        notes.incompatible.insert("\(l.typeName) \(op.rawValue) \(r.typeName)")
        return nil
    }

    /// `h / f`; dividing by zero leaves no buckets (the counts and sum become ±Inf or NaN).
    static func divided(_ h: FloatHistogram, by f: Double) -> FloatHistogram {
        var out = h.scaled(by: 1 / f)
        if f == 0 {
            out.zeroCount = h.zeroCount / f
            out.count = h.count / f
            out.sum = h.sum / f
            out.positive = []
            out.negative = []
        }
        return out
    }

    /// Whether an evaluated operand holds histogram points.
    static func hasHistograms(_ v: EvalValue) -> Bool {
        if case .vector(let s) = v { return s.contains { !$0.histograms.isEmpty } }
        return false
    }

    /// Vector and scalar with histograms in the vector.
    func vectorScalarWithHistograms(_ b: BinaryExpr, _ series: [StepSeries], _ s: [Double],
                                    scalarOnLeft: Bool) -> [StepSeries] {
        var notes = BinaryHistogramNotes()
        let drop = Evaluator.dropsName(b.op) || b.returnBool
        var out: [StepSeries] = []
        for var ser in series {
            var pts: [FloatPoint] = []
            var hs: [HistogramPoint] = []
            func add(_ t: Int64, _ v: BinarySample, _ own: BinarySample) {
                let sv = BinarySample.float(s[step(of: t)])
                let result = scalarOnLeft
                    ? Evaluator.histogramBinop(b.op, sv, v, returnBool: b.returnBool, notes: &notes)
                    : Evaluator.histogramBinop(b.op, v, sv, returnBool: b.returnBool, notes: &notes)
                var value = result
                // A comparison filters: the vector's own value is kept.
                if b.op.isComparison && !b.returnBool && result != nil { value = own }
                switch value {
                case .float(let f)?: pts.append(FloatPoint(t: t, f: f))
                case .histogram(let h)?: hs.append(HistogramPoint(t: t, h: h))
                case nil: break
                }
            }
            for p in ser.points { add(p.t, .float(p.f), .float(p.f)) }
            for p in ser.histograms { add(p.t, .histogram(p.h), .histogram(p.h)) }
            if pts.isEmpty && hs.isEmpty { continue }
            ser.points = pts.sorted { $0.t < $1.t }
            ser.histograms = hs
            if drop { dropName(&ser) }
            out.append(ser)
        }
        notes.report(to: &ctx.annotations, op: b.op, span: b.span)
        return out
    }

    /// Vector and vector with histograms on either side (one-to-one, `group_left`/`group_right`;
    /// `fill_*` modifiers are not applied to histograms).
    func vectorVectorWithHistograms(_ b: BinaryExpr, _ l: [StepSeries], _ r: [StepSeries]) throws -> [StepSeries] {
        let matching = b.matching ?? VectorMatching()
        if matching.cardinality == .manyToMany {
            throw QueryError(.execution, "many-to-many only allowed for set operators")
        }
        let (ls, rs, keys) = signatures(l, r, matching)
        let swapped = matching.cardinality == .oneToMany
        let many = swapped ? r : l, one = swapped ? l : r
        let manySig = swapped ? rs : ls, oneSig = swapped ? ls : rs
        let dropByOp = Evaluator.dropsName(b.op) || b.returnBool
        var table = BinaryOutputTable(op: b.op, returnBool: b.returnBool, matching: matching, swapped: swapped,
                                      dropByOp: dropByOp, delayedNameRemoval: options.enableDelayedNameRemoval,
                                      many: many, one: one, keys: keys)
        var notes = BinaryHistogramNotes()
        var manyCursor = SampleCursors(many), oneCursor = SampleCursors(one)
        var oneAt: [Int: (series: Int, value: BinarySample)] = [:]
        var matched: Set<Int> = []
        for st in 0..<steps {
            try ctx.checkInterrupt()
            let t = time(ofStep: st)
            oneAt.removeAll(keepingCapacity: true)
            matched.removeAll(keepingCapacity: true)
            for (si, v) in oneCursor.advance(to: t) {
                let sig = oneSig[si]
                if let other = oneAt[sig] {
                    let pair = [one[other.series].metric, one[si].metric].sorted()
                    throw QueryError(.execution, "found duplicate series for the match group \(promLabelsString(keys[sig])) on the "
                        + "\(swapped ? "left" : "right") hand-side of the operation: [\(promLabelsString(pair[0])), "
                        + "\(promLabelsString(pair[1]))];many-to-many matching not allowed: matching labels must be unique on one side")
                }
                oneAt[sig] = (si, v)
            }
            for (mi, v) in manyCursor.advance(to: t) {
                let sig = manySig[mi]
                guard let o = oneAt[sig] else { continue }
                if matching.cardinality == .oneToOne && !matched.insert(sig).inserted {
                    throw QueryError(.execution, "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                }
                let (lv, rv) = swapped ? (o.value, v) : (v, o.value)
                guard var result = Evaluator.histogramBinop(b.op, lv, rv, returnBool: b.returnBool, notes: &notes) else {
                    continue
                }
                if b.op.isComparison && !b.returnBool { result = v }
                let out = try table.output(many: mi, one: o.series, sig: sig, step: st)
                switch result {
                case .float(let f): table.outs[out].points.append(FloatPoint(t: t, f: f))
                case .histogram(let h): table.outs[out].histograms.append(HistogramPoint(t: t, h: h))
                }
            }
        }
        notes.report(to: &ctx.annotations, op: b.op, span: b.span)
        let result = table.outs.filter { !$0.isEmpty }
        try ctx.hold(result.reduce(0) { $0 + $1.points.count + $1.histograms.count })
        return result
    }
}

/// Per-series cursors over step-aligned float and histogram points.
struct SampleCursors {
    let series: [StepSeries]
    var floats: [Int]
    var histograms: [Int]

    init(_ series: [StepSeries]) {
        self.series = series
        floats = [Int](repeating: 0, count: series.count)
        histograms = [Int](repeating: 0, count: series.count)
    }

    /// The series with a point at `t` (moving past it) and that point.
    mutating func advance(to t: Int64) -> [(Int, BinarySample)] {
        var out: [(Int, BinarySample)] = []
        for i in series.indices {
            let s = series[i]
            while floats[i] < s.points.count && s.points[floats[i]].t < t { floats[i] += 1 }
            while histograms[i] < s.histograms.count && s.histograms[histograms[i]].t < t { histograms[i] += 1 }
            if floats[i] < s.points.count && s.points[floats[i]].t == t {
                out.append((i, .float(s.points[floats[i]].f)))
            } else if histograms[i] < s.histograms.count && s.histograms[histograms[i]].t == t {
                out.append((i, .histogram(s.histograms[histograms[i]].h)))
            }
        }
        return out
    }
}
