/// A set of 64-bit hashes that stops growing at `capacity`, with the Jaccard similarity the copy
/// detectors compare by (winnowed fingerprints and token shingles both keep one).
public struct BoundedHashSet: Sendable, Hashable {
    /// The hashes kept.
    public private(set) var hashes: Set<UInt64> = []
    /// The most hashes kept; later inserts are dropped.
    public let capacity: Int

    /// An empty set that keeps at most `capacity` hashes.
    public init(capacity: Int) { self.capacity = max(0, capacity) }

    /// The number of hashes kept.
    public var count: Int { hashes.count }
    /// Whether the set has reached its capacity.
    public var isFull: Bool { hashes.count >= capacity }

    /// Adds `hash` unless the set is full.
    public mutating func insert(_ hash: UInt64) {
        guard !isFull else { return }
        hashes.insert(hash)
    }

    /// Adds every hash of `other` until the set is full.
    public mutating func formUnion(_ other: BoundedHashSet) {
        for hash in other.hashes {
            guard !isFull else { return }
            hashes.insert(hash)
        }
    }

    /// Jaccard similarity with `other`: shared hashes over all hashes (0 when both are empty).
    public func jaccard(_ other: BoundedHashSet) -> Double {
        let (small, large) = hashes.count <= other.hashes.count ? (hashes, other.hashes) : (other.hashes, hashes)
        guard !large.isEmpty else { return 0 }
        var common = 0
        for hash in small where large.contains(hash) { common += 1 }
        let union = small.count + large.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }
}
