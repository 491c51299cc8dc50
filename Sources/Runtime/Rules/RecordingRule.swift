import PromModel
import PromQL

/// A recording rule: evaluates `expr` and writes each result series under the name `record`, with
/// the rule's labels added (they win over the series' own).
public final class RecordingRule {
    /// The `record` name.
    public let name: String
    public let expr: Expr
    /// The rule's labels (group labels merged in; the rule's own win).
    public let labels: [Label]
    /// The last evaluation's error message, `nil` after a success.
    public internal(set) var lastError: String?
    public internal(set) var health: RuleHealth = .unknown
    /// The time of the last evaluation (milliseconds).
    public internal(set) var lastEvaluation: Int64?

    public init(name: String, expr: Expr, labels: [Label] = []) {
        self.name = name
        self.expr = expr
        self.labels = labels
    }

    /// Evaluates at `ts - queryOffset` and returns the series to write (stamped at that time).
    /// - Throws: the query's error, ``RuleEvaluationError/duplicateRecordedSeries``, or the limit error.
    public func eval(at ts: Int64, queryOffset: Int64, query: @escaping QueryFunc, limit: Int) throws -> [VectorSample] {
        let t = ts.subtractingSaturated(queryOffset)
        let samples = try RuleQuery.vector(try query(expr, t), at: t)
        var out: [VectorSample] = []
        out.reserveCapacity(samples.count)
        var seen = Set<Labels>()
        for sample in samples {
            var pairs = sample.metric.pairs.filter { $0.name != Label.metricName }
            pairs.append(Label(Label.metricName, name))
            for label in labels { pairs.removeAll { $0.name == label.name }; pairs.append(label) }
            let metric = Labels(pairs)
            if !seen.insert(metric).inserted { throw RuleEvaluationError.duplicateRecordedSeries }
            var recorded = VectorSample(metric: metric, t: t, f: sample.f)
            recorded.h = sample.h  // a native histogram is recorded as one
            out.append(recorded)
        }
        if limit > 0 && out.count > limit {
            throw RuleEvaluationError("exceeded limit of \(limit) with \(out.count) series")
        }
        return out
    }
}

extension Int64 {
    /// `self - other`, clamped to the representable range.
    func subtractingSaturated(_ other: Int64) -> Int64 {
        let (r, o) = subtractingReportingOverflow(other)
        return o ? (other > 0 ? .min : .max) : r
    }

    /// `self + other`, clamped to the representable range.
    func addingSaturated(_ other: Int64) -> Int64 {
        let (r, o) = addingReportingOverflow(other)
        return o ? (other > 0 ? .max : .min) : r
    }

    /// `self * other`, clamped to the representable range.
    func multipliedSaturated(by other: Int64) -> Int64 {
        let (r, o) = multipliedReportingOverflow(by: other)
        return o ? ((self < 0) != (other < 0) ? .min : .max) : r
    }
}
