import GoCompat
import PromModel

/// A native histogram as Prometheus's `FloatHistogram.String()` writes it, the label value `count_values`
/// gives a histogram: `{count:20, sum:10, [-2,-1):2, [-0.001,0.001]:2, (0.5,1]:1}`, with the populated
/// buckets from the most negative to the most positive and numbers as Go's `%g` writes them.
enum HistogramText {
    static func string(_ h: FloatHistogram) -> String {
        var parts = ["{count:" + GoFloatFormat.g(h.count), "sum:" + GoFloatFormat.g(h.sum)]
        for b in h.negative.reversed() where b.count != 0 {
            parts.append(bucket(lower: -h.upperBound(b.index), upper: -h.lowerBound(b.index), count: b.count,
                                lowerInclusive: true, upperInclusive: false))
        }
        if h.zeroCount != 0 {
            parts.append(bucket(lower: -h.zeroThreshold, upper: h.zeroThreshold, count: h.zeroCount,
                                lowerInclusive: true, upperInclusive: true))
        }
        for b in h.positive where b.count != 0 {
            parts.append(bucket(lower: h.lowerBound(b.index), upper: h.upperBound(b.index), count: b.count,
                                lowerInclusive: false, upperInclusive: true))
        }
        return parts.joined(separator: ", ") + "}"
    }

    private static func bucket(lower: Double, upper: Double, count: Double, lowerInclusive: Bool,
                               upperInclusive: Bool) -> String {
        (lowerInclusive ? "[" : "(") + GoFloatFormat.g(lower) + "," + GoFloatFormat.g(upper)
            + (upperInclusive ? "]" : ")") + ":" + GoFloatFormat.g(count)
    }
}
