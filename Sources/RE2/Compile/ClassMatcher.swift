/// A character class prepared for matching: an ASCII bitmap plus sorted ranges for the rest.
struct ClassMatcher: Sendable {
    private let asciiLow: UInt64
    private let asciiHigh: UInt64
    private let lows: [UInt32]
    private let highs: [UInt32]

    init(_ cls: CharClass) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var lows: [UInt32] = []
        var highs: [UInt32] = []
        for r in cls.ranges {
            var c = r.lowerBound
            while c <= r.upperBound && c < 128 {
                if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
                c += 1
            }
            if r.upperBound >= 128 {
                lows.append(max(r.lowerBound, 128))
                highs.append(r.upperBound)
            }
        }
        asciiLow = low
        asciiHigh = high
        self.lows = lows
        self.highs = highs
    }

    /// Whether scalar value `c` is in the class.
    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        if c < 64 { return asciiLow & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiHigh & (1 << UInt64(c - 64)) != 0 }
        var lo = 0
        var hi = lows.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if c < lows[mid] { hi = mid } else if c > highs[mid] { lo = mid + 1 } else { return true }
        }
        return false
    }
}
