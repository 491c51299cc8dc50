/// A latency histogram in the manner of HdrHistogram: values in microseconds are counted in
/// log-linear buckets (exact below 256 µs, then 128 buckets per power of two, so any recorded
/// value is reported within 0.8 %), in bounded memory (about 40 KiB whatever the count) and
/// mergeable. Min, max and the sum are exact.
public struct LatencyHistogram: Sendable, Equatable {
    /// Buckets per power of two above the linear range.
    static let subBuckets = 128
    /// Values below this are counted exactly.
    static let linearLimit: UInt64 = 256
    /// Largest value recorded (larger ones count as this): about 2.4 hours in microseconds.
    public static let maxValue: UInt64 = 1 << 33

    private var counts: [UInt64]
    public private(set) var count: UInt64 = 0
    public private(set) var sum: Double = 0
    public private(set) var min: UInt64 = .max
    public private(set) var max: UInt64 = 0

    public init() {
        counts = Array(repeating: 0, count: Self.index(of: Self.maxValue) + 1)
    }

    /// The bucket of `value` (already clamped to `maxValue`).
    static func index(of value: UInt64) -> Int {
        if value < linearLimit { return Int(value) }
        // value has `bits` significant bits (≥ 9); keep its top 8 (128…255) and the exponent.
        let bits = 64 - value.leadingZeroBitCount
        let shift = bits - 8
        let top = Int(value >> UInt64(shift))  // 128…255
        return Int(linearLimit) + (shift - 1) * subBuckets + (top - 128)
    }

    /// The smallest and largest values of bucket `index`.
    static func range(of index: Int) -> (low: UInt64, high: UInt64) {
        if index < Int(linearLimit) { return (UInt64(index), UInt64(index)) }
        let offset = index - Int(linearLimit)
        let shift = offset / subBuckets + 1
        let top = UInt64(offset % subBuckets + 128)
        let low = top << UInt64(shift)
        return (low, low + (1 << UInt64(shift)) - 1)
    }

    /// Counts one value in microseconds.
    public mutating func record(_ microseconds: UInt64) {
        let value = Swift.min(microseconds, Self.maxValue)
        counts[Self.index(of: value)] &+= 1
        count &+= 1
        sum += Double(value)
        if value < min { min = value }
        if value > max { max = value }
    }

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: LatencyHistogram) {
        for i in counts.indices where other.counts[i] != 0 { counts[i] &+= other.counts[i] }
        count &+= other.count
        sum += other.sum
        if other.count > 0 {
            min = Swift.min(min, other.min)
            max = Swift.max(max, other.max)
        }
    }

    /// The mean in microseconds (0 when empty).
    public var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// The value at or below which `percent` % of the values lie, in microseconds (0 when empty):
    /// the middle of the bucket holding that rank, clamped to the exact min and max.
    public func percentile(_ percent: Double) -> Double {
        guard count > 0 else { return 0 }
        let p = Swift.max(0, Swift.min(100, percent.isNaN ? 100 : percent))
        let rank = Swift.max(1, UInt64((p / 100 * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (i, c) in counts.enumerated() where c != 0 {
            seen &+= c
            if seen >= rank {
                let (low, high) = Self.range(of: i)
                let middle = (Double(low) + Double(high)) / 2
                return Swift.max(Double(min), Swift.min(Double(max), middle))
            }
        }
        return Double(max)
    }
}
