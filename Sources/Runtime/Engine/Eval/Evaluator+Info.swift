import PromModel
import Storage
import PromQL

// MARK: - info (experimental)

extension Evaluator {
    /// `info(v [, {matchers}])`: adds to each series of `v` the data labels of the info series
    /// (default `target_info`) that share its `instance` and `job` values, as of the time its samples
    /// are read (`@` and offsets included). Per info metric the series with the newest sample wins;
    /// labels already on the series are kept; info metrics that disagree on a label are an error.
    /// With data-label matchers only those labels are added, and a sample without any matching info
    /// series is dropped unless every data matcher accepts the empty value.
    func evalInfo(_ c: Call) throws -> [StepSeries] {
        guard let first = c.args.first else { throw QueryError(.execution, "info() needs an argument") }
        let input = try evalVector(first)
        var matchers: [LabelMatcher]?
        if c.args.count > 1 {
            var arg = c.args[1]
            while case .paren(let p) = arg { arg = p.expr }
            guard case .vectorSelector(let vs) = arg else {
                throw QueryError(.execution, "the second argument of info() must be a label selector")
            }
            matchers = vs.matchers
        }
        let selection = InfoSelection(matchers)
        let ignored = input.map { selection.isIgnored($0.metric) }
        let infos = try infoSeries(for: input, ignored: ignored, selection, reference: first)
        return try combineInfo(input, ignored: ignored, infos: infos, selection)
    }

    // MARK: - Info series

    /// An info series with, per step, the time of its sample current at the reference time (-1: none).
    struct InfoSeries {
        var metric: Labels
        var sampleTimes: [Int64]
    }

    /// The info series whose identifying labels take values the non-ignored input series have.
    private func infoSeries(for input: [StepSeries], ignored: [Bool], _ selection: InfoSelection,
                            reference: Expr) throws -> [InfoSeries] {
        var wanted: [String: Set<String>] = [:]
        for (i, s) in input.enumerated() where !ignored[i] {
            for name in InfoSelection.identifyingLabels {
                if let v = s.metric[name], !v.isEmpty { wanted[name, default: []].insert(v) }
            }
        }
        guard !wanted.isEmpty, steps > 0 else { return [] }
        let modifiers = InfoSelection.timeModifiers(reference) ?? []
        var refs = [Int64](repeating: 0, count: steps)
        for i in 0..<steps {
            var t = time(ofStep: i)
            for m in modifiers {
                if let at = m.at { t = ctx.time(of: at) }
                if let off = m.offset { t = SaturatingTime.subtract(t, ctx.milliseconds(off)) }
            }
            refs[i] = t
        }
        let lookback = options.lookbackDelta
        let minRef = refs.min() ?? start, maxRef = refs.max() ?? end
        let set = try select(selection.selectMatchers, mint: SaturatingTime.subtract(minRef, lookback) + 1, maxt: maxRef, range: 0,
                             function: "info")
        var out: [InfoSeries] = []
        for series in set where wanted.allSatisfy({ series.labels[$0.key].map($0.value.contains) ?? false }) {
            try ctx.checkInterrupt()
            if series.hasHistograms {
                throw QueryError(.execution, "this should be an info metric, with float samples: "
                                 + promLabelsString(series.labels))
            }
            var samples: [Sample] = []
            var it = series.makeIterator()
            while let s = it.next() { samples.append(s) }
            var times = [Int64](repeating: -1, count: steps)
            var any = false
            for i in 0..<steps {
                if i & 0xFFF == 0xFFF { try ctx.checkInterrupt() }
                // The latest sample at or before the reference time, unless stale or too old.
                var lo = 0, hi = samples.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if samples[mid].t <= refs[i] { lo = mid + 1 } else { hi = mid }
                }
                guard lo > 0 else { continue }
                let s = samples[lo - 1]
                if s.t > refs[i] - lookback && !isStaleNaN(s.v) {
                    times[i] = s.t
                    any = true
                }
            }
            if any { out.append(InfoSeries(metric: series.labels, sampleTimes: times)) }
        }
        return out
    }

    // MARK: - Joining

    /// Enriches every sample of `input` step by step.
    private func combineInfo(_ input: [StepSeries], ignored: [Bool], infos: [InfoSeries],
                             _ selection: InfoSelection) throws -> [StepSeries] {
        // Join keys: an info metric name plus the identifying labels present.
        var sigIDs: [Labels: Int] = [:]
        func joinKey(_ name: String, _ m: Labels) -> Labels {
            var pairs = [Label(Label.metricName, name)]
            for l in InfoSelection.identifyingLabels { if let v = m[l] { pairs.append(Label(l, v)) } }
            return Labels(pairs)
        }
        let infoNames = Set(infos.map { $0.metric.metricName ?? "" }).sorted()
        let infoSig: [Int] = infos.map { info in
            let key = joinKey(info.metric.metricName ?? "", info.metric)
            if let id = sigIDs[key] { return id }
            sigIDs[key] = sigIDs.count
            return sigIDs.count - 1
        }
        let baseSigs: [[Int]] = input.map { s in infoNames.map { sigIDs[joinKey($0, s.metric)] ?? -1 } }

        let index = StepIndex(input, start: start, interval: interval, steps: steps)
        var chosen = [Int](repeating: -1, count: sigIDs.count)
        var outIndex: [[Int]: Int] = [:]
        var outByLabels: [OutputKey: Int] = [:]
        var outs: [StepSeries] = []
        var outStep: [Int] = []
        for st in 0..<steps {
            try ctx.checkInterrupt()
            let range = index.range(ofStep: st)
            if range.isEmpty { continue }
            for i in chosen.indices { chosen[i] = -1 }
            for (j, info) in infos.enumerated() where info.sampleTimes[st] >= 0 {
                let sig = infoSig[j], t = info.sampleTimes[st]
                let existing = chosen[sig]
                if existing < 0 || infos[existing].sampleTimes[st] < t {
                    chosen[sig] = j
                } else if infos[existing].sampleTimes[st] == t {
                    throw QueryError(.execution, "found duplicate series for info metric: existing "
                        + "\(promLabelsString(infos[existing].metric)) @ \(t), new \(promLabelsString(info.metric)) @ \(t)")
                }
            }
            for e in range {
                let si = Int(index.series[e])
                var key = [si]
                if !ignored[si] {
                    for sig in baseSigs[si] where sig >= 0 && chosen[sig] >= 0 { key.append(chosen[sig]) }
                    if key.count == 1 && !selection.keepsUnmatched { continue }
                }
                let o: Int
                if let found = outIndex[key] {
                    o = found
                } else {
                    let metric = try enrichedLabels(input[si].metric, with: key.dropFirst().map { infos[$0].metric },
                                                    selection)
                    let outKey = OutputKey(metric: metric, dropName: input[si].dropName)
                    if let same = outByLabels[outKey] {
                        o = same
                    } else {
                        o = outs.count
                        outByLabels[outKey] = o
                        outs.append(StepSeries(metric: metric, dropName: input[si].dropName))
                        outStep.append(-1)
                    }
                    outIndex[key] = o
                }
                if outStep[o] == st {
                    throw QueryError(.execution, "vector cannot contain metrics with the same labelset")
                }
                outStep[o] = st
                outs[o].points.append(FloatPoint(t: time(ofStep: st), f: index.values[e]))
            }
        }
        try ctx.hold(outs.reduce(0) { $0 + $1.points.count })
        return outs
    }

    /// `base` plus the allowed data labels of `infos` it does not have yet.
    private func enrichedLabels(_ base: Labels, with infos: [Labels], _ selection: InfoSelection) throws -> Labels {
        guard !infos.isEmpty else { return base }
        var added: [String: String] = [:]
        for info in infos {
            for l in info where l.name != Label.metricName && selection.allowsDataLabel(l.name) {
                if let v = added[l.name], v != l.value {
                    throw QueryError(.execution, "conflicting label: \(l.name)")
                }
                if base[l.name] != nil { continue }
                added[l.name] = l.value
            }
        }
        return Labels(Array(base) + added.map { Label($0.key, $0.value) })
    }
}
