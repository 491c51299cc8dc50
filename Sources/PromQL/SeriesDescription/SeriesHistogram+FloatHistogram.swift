import PromModel

// MARK: - Conversion to the engine's histogram

extension SeriesHistogram {
    /// The histogram as the engine holds it: buckets placed from `offset` (`n_offset`) on, zero-count
    /// buckets kept (comparisons compact both sides).
    public var floatHistogram: FloatHistogram {
        FloatHistogram(counterResetHint: hint, schema: schema, zeroThreshold: zeroThreshold, zeroCount: zeroCount,
                       count: count, sum: sum,
                       positive: SeriesHistogram.buckets(positiveBuckets, from: positiveOffset),
                       negative: SeriesHistogram.buckets(negativeBuckets, from: negativeOffset),
                       customValues: customValues)
    }

    private var hint: FloatHistogram.CounterResetHint {
        switch counterResetHint {
        case .unknown: return .unknown
        case .reset: return .counterReset
        case .notReset: return .notCounterReset
        case .gauge: return .gauge
        }
    }

    private static func buckets(_ counts: [Double], from offset: Int32) -> [HistogramBucket] {
        var out: [HistogramBucket] = []
        out.reserveCapacity(counts.count)
        var index = offset
        for c in counts {
            out.append(HistogramBucket(index: index, count: c))
            let (next, overflow) = index.addingReportingOverflow(1)
            if overflow { break }
            index = next
        }
        return out
    }
}
