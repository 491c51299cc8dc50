import Diagnostics
import PromModel

/// Histogram buckets without an `le` label, with an `le` that is not a number, or a histogram
/// series group that lacks the `le="+Inf"` bucket.
///
/// Triggers: `latency_bucket{le="0.5"} 3` with no `latency_bucket{le="+Inf"}`.
/// Does not trigger: buckets `le="0.5"` and `le="+Inf"` followed by `_sum` and `_count`.
public struct HistogramBucketsLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/histogram-buckets" }
    public var summary: String { "histogram buckets need a numeric \"le\" label and a \"+Inf\" bucket" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        guard family.type == .histogram || family.type == .gaugeHistogram else { return [] }
        var out: [Diagnostic] = []
        // Bucket groups: labels without `le` → (first line, has +Inf).
        var groups: [Labels: (line: Int, hasInf: Bool)] = [:]
        var order: [Labels] = []
        for sample in family.samples where sample.name == family.name + "_bucket" {
            guard let le = sample.labels["le"] else {
                out.append(.warning(code, "\(family.name): histogram bucket without \"le\" label",
                                    at: context.location(line: sample.line)))
                continue
            }
            guard let bound = ExpositionNumber.parseValue(le, format: .prometheusText), !bound.isNaN else {
                out.append(.warning(code, "\(family.name): bucket bound le=\"\(le)\" is not a number",
                                    at: context.location(line: sample.line)))
                continue
            }
            let key = sample.labels.removing(["le"])
            if groups[key] == nil { order.append(key) }
            let previous = groups[key] ?? (sample.line, false)
            groups[key] = (previous.line, previous.hasInf || bound == .infinity)
        }
        for key in order {
            guard let group = groups[key], !group.hasInf else { continue }
            out.append(.warning(code, "\(family.name)\(key.isEmpty ? "" : key.description): histogram has no le=\"+Inf\" bucket",
                                at: context.location(line: group.line)))
        }
        return out
    }
}
