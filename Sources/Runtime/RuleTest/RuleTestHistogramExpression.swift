import GoCompat
import PromModel
import PromQL

/// Native histograms as promtool compares them in `exp_samples`: both sides are written in the
/// series notation after compacting each side's buckets to one span (zero-count buckets at the edges
/// dropped, gaps filled with zeros), fields in Go's order with Go's `%g` floats, and the texts compared.
///
/// `{{schema:1 count:12 sum:3 buckets:[1 4 7]}}`: `schema`, `count`, `sum`, `z_bucket` and
/// `z_bucket_w` are left out when 0, the counter-reset hint when unknown.
enum RuleTestHistogramExpression {
    /// Bucket ranges wider than this are written in our own notation (no test file needs them).
    static let maxDenseBuckets = 100_000

    /// The comparison text of `h`.
    static func text(_ h: FloatHistogram) -> String {
        var parts: [String] = []
        if h.schema != 0 { parts.append("schema:\(h.schema)") }
        if h.count != 0 { parts.append("count:\(GoFloatFormat.g(h.count))") }
        if h.sum != 0 { parts.append("sum:\(GoFloatFormat.g(h.sum))") }
        if h.zeroCount != 0 { parts.append("z_bucket:\(GoFloatFormat.g(h.zeroCount))") }
        if h.zeroThreshold != 0 { parts.append("z_bucket_w:\(GoFloatFormat.g(h.zeroThreshold))") }
        if h.usesCustomBuckets {
            parts.append("custom_values:[" + h.customValues.map(GoFloatFormat.g).joined(separator: " ") + "]")
        }
        switch h.counterResetHint {
        case .unknown: break
        case .counterReset: parts.append("counter_reset_hint:reset")
        case .notCounterReset: parts.append("counter_reset_hint:not_reset")
        case .gauge: parts.append("counter_reset_hint:gauge")
        }
        guard dense(h.positive, prefix: "", into: &parts), dense(h.negative, prefix: "n_", into: &parts) else {
            return h.description
        }
        return "{{" + parts.joined(separator: " ") + "}}"
    }

    /// One side's buckets from the first to the last non-zero one; `false` when the range is too wide.
    private static func dense(_ buckets: [HistogramBucket], prefix: String, into parts: inout [String]) -> Bool {
        guard let first = buckets.firstIndex(where: { $0.count != 0 }),
              let last = buckets.lastIndex(where: { $0.count != 0 }) else { return true }
        let from = Int64(buckets[first].index), to = Int64(buckets[last].index)
        guard to - from <= Int64(maxDenseBuckets) else { return false }
        if from != 0 { parts.append("\(prefix)offset:\(from)") }
        var counts: [String] = []
        var next = from
        for b in buckets[first...last] {
            while next < Int64(b.index) { counts.append("0"); next += 1 }
            counts.append(GoFloatFormat.g(b.count))
            next = Int64(b.index) + 1
        }
        parts.append("\(prefix)buckets:[" + counts.joined(separator: " ") + "]")
        return true
    }

    /// The histogram written in an `exp_samples` entry: exactly one histogram in the series notation.
    static func parse(_ text: String) throws -> FloatHistogram {
        let description = try SeriesDescription.parse("{} " + text)
        guard description.values.count == 1 else {
            throw RuleTestInputError(message: "expected 1 value, got \(description.values.count)")
        }
        guard case .histogram(let h) = description.values[0] else {
            throw RuleTestInputError(message: "expected histogram, got \(description.values[0])")
        }
        return h.floatHistogram
    }
}
