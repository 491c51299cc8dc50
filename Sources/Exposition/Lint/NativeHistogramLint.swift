import Diagnostics
import PromModel

/// Native histograms (protobuf exposition) whose counts are impossible: a negative count, or an
/// observation count below what the buckets and the zero bucket hold together.
///
/// Triggers: `{{count:2 buckets:[1 3]}}` (4 observations in the buckets, 2 in all).
/// Does not trigger: `{{count:4 z_bucket:1 buckets:[1 2]}}`.
public struct NativeHistogramLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/native-histogram" }
    public var summary: String { "native histogram counts must not be negative nor exceed the total count" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for sample in family.samples {
            guard let h = sample.histogram else { continue }
            let counts = [h.zeroCount] + h.positive.map(\.count) + h.negative.map(\.count)
            if h.count < 0 || counts.contains(where: { $0 < 0 }) {
                out.append(.warning(code, "\(family.name): native histogram has a negative count",
                                    at: context.location(line: family.line)))
                continue
            }
            let inBuckets = counts.reduce(0, +)
            // NaN observations count in `count` only, so `count` may exceed the buckets, never the reverse.
            if inBuckets > h.count * (1 + 1e-12) {
                out.append(.warning(code, "\(family.name): native histogram count \(ExpositionNumber.format(h.count)) "
                                    + "is less than its buckets hold (\(ExpositionNumber.format(inBuckets)))",
                                    at: context.location(line: family.line)))
            }
        }
        return out
    }
}
