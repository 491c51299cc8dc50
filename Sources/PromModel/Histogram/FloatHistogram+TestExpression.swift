// MARK: - Text

extension FloatHistogram: CustomStringConvertible {
    /// The histogram in the notation of Prometheus test scripts (`{{schema:0 count:4 sum:5 buckets:[1 2 1]}}`),
    /// each side's buckets written from its first populated index (as `offset`) with gaps filled by zeros;
    /// a side whose gaps would need more than 1,000 zeros is written as `…` instead.
    public var description: String {
        var parts: [String] = []
        if schema != 0 { parts.append("schema:\(schema)") }
        parts.append("count:\(FloatHistogram.format(count))")
        parts.append("sum:\(FloatHistogram.format(sum))")
        if zeroCount != 0 { parts.append("z_bucket:\(FloatHistogram.format(zeroCount))") }
        if zeroThreshold != 0 { parts.append("z_bucket_w:\(FloatHistogram.format(zeroThreshold))") }
        if !customValues.isEmpty {
            parts.append("custom_values:[" + customValues.map(FloatHistogram.format).joined(separator: " ") + "]")
        }
        FloatHistogram.describe(positive, prefix: "", into: &parts)
        FloatHistogram.describe(negative, prefix: "n_", into: &parts)
        switch counterResetHint {
        case .unknown: break
        case .counterReset: parts.append("counter_reset_hint:reset")
        case .notCounterReset: parts.append("counter_reset_hint:not_reset")
        case .gauge: parts.append("counter_reset_hint:gauge")
        }
        return "{{" + parts.joined(separator: " ") + "}}"
    }

    private static func describe(_ buckets: [HistogramBucket], prefix: String, into parts: inout [String]) {
        guard let first = buckets.first, let last = buckets.last else { return }
        if first.index != 0 { parts.append("\(prefix)offset:\(first.index)") }
        guard Int64(last.index) - Int64(first.index) <= Int64(buckets.count) + 1_000 else {
            parts.append("\(prefix)buckets:[…]")
            return
        }
        var dense: [String] = []
        var next = first.index
        for b in buckets {
            while next < b.index { dense.append("0"); next += 1 }
            dense.append(format(b.count))
            next = b.index &+ 1
        }
        parts.append("\(prefix)buckets:[" + dense.joined(separator: " ") + "]")
    }

    /// A float as Go's `%g`-like shortest form: integers without a fraction, `Inf`, `-Inf`, `NaN`.
    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
