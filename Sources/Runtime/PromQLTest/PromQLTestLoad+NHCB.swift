import PromModel
import PromQL

// MARK: - load_with_nhcb: classic histograms as native histograms with custom buckets

extension PromQLTestLoad {
    /// A native histogram series made from a classic histogram's series; a `nil` sample is a staleness marker.
    struct CustomBucketSeries {
        var labels: Labels
        var samples: [(t: Int64, h: FloatHistogram?)]
    }

    /// The classic histograms of the block (`X_bucket{le=…}` series, with `X_sum` and `X_count` when
    /// present) as native histograms named `X` with custom bounds: at each position where every bucket
    /// has a value, the bucket counts are the differences of the cumulative ones; a staleness marker
    /// in any bucket gives a staleness marker. Without a `+Inf` bucket, the highest bound is a custom
    /// bound too (the `+Inf` bucket stays empty).
    func customBucketHistograms(lastLine: [Labels: Int]) -> [CustomBucketSeries] {
        struct Group {
            var buckets: [(bound: Double, values: [SeriesValue])] = []
            var sum: [SeriesValue]?
            var count: [SeriesValue]?
        }
        var groups: [Labels: Group] = [:]
        var order: [Labels] = []
        func key(_ labels: Labels, base: String) -> Labels { labels.setting(Label.metricName, to: base) }
        for (index, s) in series.enumerated() where lastLine[s.labels] == index {
            guard let name = s.labels.metricName else { continue }
            if name.hasSuffix("_bucket"), let le = s.labels["le"], let bound = Evaluator.parseBucketBound(le), !bound.isNaN {
                let k = key(s.labels.removing(["le"]), base: String(name.dropLast("_bucket".count)))
                if groups[k] == nil { order.append(k) }
                groups[k, default: Group()].buckets.append((bound, s.values))
            }
        }
        for (index, s) in series.enumerated() where lastLine[s.labels] == index {
            guard let name = s.labels.metricName else { continue }
            if name.hasSuffix("_sum") {
                let k = key(s.labels, base: String(name.dropLast("_sum".count)))
                groups[k]?.sum = s.values
            } else if name.hasSuffix("_count") {
                let k = key(s.labels, base: String(name.dropLast("_count".count)))
                groups[k]?.count = s.values
            }
        }
        var out: [CustomBucketSeries] = []
        for k in order {
            guard var g = groups[k] else { continue }
            g.buckets.sort { $0.bound < $1.bound }
            guard let top = g.buckets.last else { continue }
            let length = g.buckets.map(\.values.count).min() ?? 0
            // Without a `+Inf` bucket every bound is a custom bound and the top bucket's count is the total.
            let bounds = top.bound == .infinity ? g.buckets.dropLast().map(\.bound) : g.buckets.map(\.bound)
            var result = CustomBucketSeries(labels: k, samples: [])
            for i in 0..<length {
                let (t, overflow) = Int64(i).multipliedReportingOverflow(by: step)
                if overflow { break }
                var cumulative: [Double] = []
                var stale = false
                for b in g.buckets {
                    switch b.values[i] {
                    case .float(let v): cumulative.append(v)
                    case .stale: stale = true
                    case .omitted, .histogram: break
                    }
                }
                if stale { result.samples.append((t, nil)); continue }
                guard cumulative.count == g.buckets.count else { continue }
                var buckets: [HistogramBucket] = []
                var previous = 0.0
                for (j, c) in cumulative.enumerated() {
                    buckets.append(HistogramBucket(index: Int32(clamping: j), count: c - previous))
                    previous = c
                }
                var h = FloatHistogram(schema: FloatHistogram.customBucketsSchema, count: previous,
                                       positive: buckets, customValues: bounds)
                if let sum = g.sum, i < sum.count, case .float(let v) = sum[i] { h.sum = v }
                if let count = g.count, i < count.count, case .float(let v) = count[i] { h.count = v }
                result.samples.append((t, h))
            }
            if !result.samples.isEmpty { out.append(result) }
        }
        return out
    }
}
