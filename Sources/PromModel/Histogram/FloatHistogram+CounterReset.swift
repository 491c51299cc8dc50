// MARK: - Counter resets

extension FloatHistogram {
    /// Whether a counter reset happened between `previous` and this histogram, as Prometheus decides:
    /// the hint when it is explicit, otherwise any count that went down (total, zero bucket or a bucket
    /// after bringing `previous` to this schema and zero threshold), a finer schema, a narrower zero
    /// bucket (custom bounds that differ are compared on the bounds both have).
    public func detectsReset(after previous: FloatHistogram) -> Bool {
        switch counterResetHint {
        case .counterReset: return true
        case .notCounterReset: return false
        case .unknown, .gauge: break
        }
        if count < previous.count { return true }
        if usesCustomBuckets != previous.usesCustomBuckets { return true }
        if !usesCustomBuckets {
            if schema > previous.schema { return true }
            if zeroThreshold < previous.zeroThreshold { return true }
        }
        var current = self
        var prev = previous.reduced(to: schema)
        if usesCustomBuckets && customValues != previous.customValues {
            // Differing custom bounds are compared on the bounds both have.
            let common = FloatHistogram.commonBounds(customValues, previous.customValues)
            current = withCustomBounds(common)
            prev = previous.withCustomBounds(common)
        }
        if !usesCustomBuckets {
            prev = prev.widenedZeroBucket(to: zeroThreshold)
            if prev.zeroThreshold != zeroThreshold { return true }
        }
        if current.zeroCount < prev.zeroCount { return true }
        return FloatHistogram.anyDecrease(from: prev.positive, to: current.positive)
            || FloatHistogram.anyDecrease(from: prev.negative, to: current.negative)
    }

    /// Whether some bucket of `old` has a larger count than the same bucket of `new` (missing = 0).
    static func anyDecrease(from old: [HistogramBucket], to new: [HistogramBucket]) -> Bool {
        var j = 0
        for b in old {
            while j < new.count && new[j].index < b.index { j += 1 }
            let current = j < new.count && new[j].index == b.index ? new[j].count : 0
            if current < b.count { return true }
        }
        return false
    }
}
