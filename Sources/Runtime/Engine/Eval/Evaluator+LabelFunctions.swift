import PromModel
import PromQL
import RE2

// MARK: - label_replace, label_join

extension Evaluator {
    func evalLabelReplace(_ c: Call) throws -> [StepSeries] {
        guard c.args.count == 5 else { throw QueryError(.execution, "label_replace needs 5 arguments") }
        let dst = try evalString(c.args[1]), repl = try evalString(c.args[2])
        let src = try evalString(c.args[3]), pattern = try evalString(c.args[4])
        let regex: CompiledRegex
        do {
            regex = try CompiledRegex(pattern, anchored: true)
        } catch {
            throw QueryError(.execution, "invalid regular expression in label_replace(): \(pattern)")
        }
        guard Evaluator.isValidLabelName(dst) else {
            throw QueryError(.execution, "invalid destination label name in label_replace(): \(dst)")
        }
        var series = try evalVector(c.args[0])
        for i in series.indices {
            let value = series[i].metric[src] ?? ""
            guard let m = regex.firstMatch(in: value) else { continue }
            let result = regex.expand(repl, with: m)
            series[i].metric = series[i].metric.setting(dst, to: result)
            if dst == Label.metricName { series[i].dropName = false }
        }
        return try mergeSameLabels(series)
    }

    func evalLabelJoin(_ c: Call) throws -> [StepSeries] {
        guard c.args.count >= 3 else { throw QueryError(.execution, "label_join needs at least 3 arguments") }
        let dst = try evalString(c.args[1]), sep = try evalString(c.args[2])
        var srcs: [String] = []
        for a in c.args.dropFirst(3) {
            let s = try evalString(a)
            guard Evaluator.isValidLabelName(s) else {
                throw QueryError(.execution, "invalid source label name in label_join(): \(s)")
            }
            srcs.append(s)
        }
        guard Evaluator.isValidLabelName(dst) else {
            throw QueryError(.execution, "invalid destination label name in label_join(): \(dst)")
        }
        var series = try evalVector(c.args[0])
        for i in series.indices {
            let joined = srcs.map { series[i].metric[$0] ?? "" }.joined(separator: sep)
            series[i].metric = series[i].metric.setting(dst, to: joined)
            if dst == Label.metricName { series[i].dropName = false }
        }
        return try mergeSameLabels(series)
    }

    /// A non-empty, valid UTF-8 label name (strings from the parser carry U+FFFD for invalid bytes).
    static func isValidLabelName(_ s: String) -> Bool {
        LabelNames.isValidUTF8Name(s) && !s.unicodeScalars.contains("\u{FFFD}")
    }

    /// Joins series that now have the same labels (and drop-name flag) when their points do not
    /// overlap; fails when two of them have a point at the same step.
    func mergeSameLabels(_ series: [StepSeries]) throws -> [StepSeries] {
        var index: [Labels: Int] = [:]
        var out: [StepSeries] = []
        out.reserveCapacity(series.count)
        for s in series {
            let key = s.dropName ? s.metric.droppingMetricName : s.metric
            guard let i = index[key] else {
                index[key] = out.count
                out.append(s)
                continue
            }
            var merged = out[i].points + s.points
            merged.sort { $0.t < $1.t }
            for k in merged.indices.dropFirst() where merged[k].t == merged[k - 1].t {
                throw QueryError(.execution, "vector cannot contain metrics with the same labelset")
            }
            out[i].points = merged
        }
        return out
    }
}
