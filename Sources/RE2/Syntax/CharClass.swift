/// A set of Unicode scalars stored as sorted, non-overlapping, non-adjacent closed ranges.
struct CharClass: Sendable, Equatable {
    /// The largest Unicode scalar value.
    static let maxScalar: UInt32 = 0x10FFFF

    /// Sorted, merged ranges of scalar values.
    private(set) var ranges: [ClosedRange<UInt32>]

    /// An empty class.
    init() { ranges = [] }

    /// A class from arbitrary (possibly overlapping, unsorted) ranges.
    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges
        normalize()
    }

    /// The class of every scalar.
    static var any: CharClass { CharClass([0...maxScalar]) }

    // MARK: - Building

    /// Adds one scalar.
    mutating func add(_ c: UInt32) { add(c...c) }

    /// Adds a range, keeping the ranges normalized.
    mutating func add(_ r: ClosedRange<UInt32>) {
        if let last = ranges.last, last.upperBound < r.lowerBound, last.upperBound + 1 < r.lowerBound {
            ranges.append(r)
            return
        }
        ranges.append(r)
        normalize()
    }

    /// Adds every scalar of another class.
    mutating func add(_ other: CharClass) {
        guard !other.ranges.isEmpty else { return }
        ranges.append(contentsOf: other.ranges)
        normalize()
    }

    /// The complement with respect to all Unicode scalars.
    func negated() -> CharClass {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in ranges {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            if r.upperBound >= CharClass.maxScalar { next = CharClass.maxScalar + 1; break }
            next = r.upperBound + 1
        }
        if next <= CharClass.maxScalar { out.append(next...CharClass.maxScalar) }
        var c = CharClass()
        c.ranges = out
        return c
    }

    /// The class extended with all case variants of its members (simple case folding orbits).
    func caseFolded() -> CharClass {
        var extra: [ClosedRange<UInt32>] = []
        for r in ranges {
            CaseFolding.forEachVariant(in: r) { extra.append($0...$0) }
        }
        if extra.isEmpty { return self }
        return CharClass(ranges + extra)
    }

    private mutating func normalize() {
        guard ranges.count > 1 else { return }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<UInt32>] = []
        out.reserveCapacity(ranges.count)
        for r in ranges {
            if let last = out.last, r.lowerBound <= last.upperBound + 1 {
                if r.upperBound > last.upperBound { out[out.count - 1] = last.lowerBound...r.upperBound }
            } else {
                out.append(r)
            }
        }
        ranges = out
    }

    // MARK: - Queries

    /// Whether the class contains a scalar value (binary search).
    func contains(_ c: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if c < r.lowerBound { hi = mid } else if c > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Whether the class is empty.
    var isEmpty: Bool { ranges.isEmpty }

    /// Whether the class holds every scalar.
    var isFull: Bool { ranges.count == 1 && ranges[0] == 0...CharClass.maxScalar }

    /// The single scalar of a one-element class.
    var singleScalar: UInt32? {
        guard ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound else { return nil }
        return ranges[0].lowerBound
    }
}
