import PromModel

// MARK: - Native histograms

extension QueryResultJSON {
    /// `[<seconds>,{"count":"…","sum":"…","buckets":[[rule,"lower","upper","count"],…]}]`, Prometheus's
    /// shape for a histogram point: buckets in ascending order, empty ones left out; the rule is 0 for
    /// `(lower, upper]`, 1 for `[lower, upper)` (negative buckets) and 3 for the zero bucket `[lower, upper]`.
    public static func histogramPoint(_ t: Int64, _ h: FloatHistogram) -> String {
        "[" + timestamp(t) + "," + histogram(h) + "]"
    }

    /// The histogram object of a histogram point.
    public static func histogram(_ h: FloatHistogram) -> String {
        var out = "{\"count\":\"" + value(h.count) + "\",\"sum\":\"" + value(h.sum) + "\""
        var buckets: [String] = []
        func add(_ rule: Int, _ lower: Double, _ upper: Double, _ count: Double) {
            guard count != 0 else { return }
            buckets.append("[\(rule),\"" + value(lower) + "\",\"" + value(upper) + "\",\"" + value(count) + "\"]")
        }
        if !h.usesCustomBuckets {
            for b in h.negative.reversed() { add(1, -h.upperBound(b.index), -h.lowerBound(b.index), b.count) }
            add(3, -h.zeroThreshold, h.zeroThreshold, h.zeroCount)
        }
        for b in h.positive { add(0, h.lowerBound(b.index), h.upperBound(b.index), b.count) }
        if !buckets.isEmpty { out += ",\"buckets\":[" + buckets.joined(separator: ",") + "]" }
        return out + "}"
    }
}
