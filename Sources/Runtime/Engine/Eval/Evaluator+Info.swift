import PromModel
import PromQL

// MARK: - info (experimental)

extension Evaluator {
    /// `info(v [, selector])`: adds the data labels of matching info series (default `target_info`),
    /// matched on `instance` and `job`, to each series of `v`. Labels the series already has win.
    func evalInfo(_ c: Call) throws -> [StepSeries] {
        let input = try evalVector(c.args[0])
        var matchers: [LabelMatcher] = []
        if c.args.count > 1 {
            var arg = c.args[1]
            while case .paren(let p) = arg { arg = p.expr }
            if case .vectorSelector(let vs) = arg { matchers = vs.matchers }
        }
        let hasName = matchers.contains { $0.name == Label.metricName }
        if !hasName, let m = try? LabelMatcher(.equal, Label.metricName, "target_info") { matchers.append(m) }
        let identifying = ["instance", "job"]
        let infoSelector = VectorSelector(name: "", matchers: matchers, span: c.span)
        let infos = try evalVectorSelector(infoSelector)
        guard !infos.isEmpty else { return input }
        let dataFilter = matchers.filter { $0.name != Label.metricName }
        var out: [StepSeries] = []
        for s in input {
            var byLabels: [Labels: [FloatPoint]] = [:]
            var order: [Labels] = []
            for p in s.points {
                let st = step(of: p.t)
                var metric = s.metric
                var conflict: Labels?
                for info in infos where identifying.allSatisfy({ info.metric[$0] == s.metric[$0] })
                    && pointAt(info, step: st) != nil {
                    for l in info.metric where l.name != Label.metricName && !identifying.contains(l.name) {
                        if !dataFilter.isEmpty && !dataFilter.contains(where: { $0.name == l.name }) { continue }
                        if s.metric[l.name] != nil { continue }
                        if let existing = metric[l.name], existing != l.value { conflict = info.metric }
                        metric = metric.setting(l.name, to: l.value)
                    }
                }
                if conflict != nil {
                    throw QueryError(.execution, "found duplicate series for info metric: conflicting label values for \(promLabelsString(s.metric))")
                }
                if byLabels[metric] == nil { order.append(metric) }
                byLabels[metric, default: []].append(p)
            }
            for m in order { out.append(StepSeries(metric: m, dropName: s.dropName, points: byLabels[m] ?? [])) }
        }
        return out
    }
}
