import Diagnostics
import PromModel
import PromQL

/// A metric selector in one of the lab's queries (a dashboard target or a rule expression): the metric
/// name, the `job` it is restricted to, and where it is written.
public struct LabQueryReference: Sendable {
    /// The metric name (from the selector's name or an `__name__="…"` matcher).
    public var metric: String
    /// The value of a `job="…"` matcher, if any.
    public var job: String?
    public var location: SourceLocation?
    /// "dashboard \"API\" panel \"Latency\"" or "rule \"HighErrorRate\"".
    public var context: String
}

extension Lab {
    /// Every selector with a literal metric name in every dashboard query, rule expression and PromQL answer.
    public var queryReferences: [LabQueryReference] {
        var out: [LabQueryReference] = []
        for file in dashboards {
            let title = file.value.title ?? LabPath.fileName(of: file.path)
            for q in file.value.queries {
                guard let expr = q.expr else { continue }
                // Variables expand to their own name (`$job` → `job`): such values are not literal.
                let variables = Set(q.expansion.references.map(\.name))
                for v in Self.selectors(in: expr) {
                    guard let name = Self.metricName(v), !variables.contains(name) else { continue }
                    let job = Self.jobMatcher(v).flatMap { variables.contains($0) ? nil : $0 }
                    out.append(LabQueryReference(metric: name, job: job,
                                                 location: q.location(ofExpanded: v.span.start),
                                                 context: "dashboard \"\(title)\" panel \"\(q.panel.title)\""))
                }
            }
        }
        for (_, rule) in rules {
            guard let expr = rule.parsedExpr else { continue }
            for v in Self.selectors(in: expr) {
                guard let name = Self.metricName(v) else { continue }
                out.append(LabQueryReference(metric: name, job: Self.jobMatcher(v),
                                             location: rule.location(of: v.span) ?? rule.location,
                                             context: "rule \"\(rule.name)\""))
            }
        }
        for file in answerFiles {
            for answer in file.value.answers {
                guard let expr = answer.rule.parsedExpr else { continue }
                for v in Self.selectors(in: expr) {
                    guard let name = Self.metricName(v) else { continue }
                    out.append(LabQueryReference(metric: name, job: Self.jobMatcher(v),
                                                 location: answer.rule.location(of: v.span) ?? answer.rule.location,
                                                 context: "answer \"\(answer.key)\""))
                }
            }
        }
        return out
    }

    static func selectors(in expr: Expr) -> [VectorSelector] {
        var out: [VectorSelector] = []
        expr.forEachNode { node in
            if case .vectorSelector(let v) = node { out.append(v) }
        }
        return out
    }

    static func metricName(_ v: VectorSelector) -> String? {
        if !v.name.isEmpty { return v.name }
        return v.matchers.first { $0.name == "__name__" && $0.type == .equal }?.value
    }

    static func jobMatcher(_ v: VectorSelector) -> String? {
        v.matchers.first { $0.name == "job" && $0.type == .equal }?.value
    }
}
