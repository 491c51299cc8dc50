/// Winnowed fingerprints of a token stream, for near-duplicate detection (the winnowing of
/// Schleimer, Wilkerson and Aiken, as MOSS uses it): every run of `k` tokens is hashed, and of each
/// window of `window` consecutive hashes the smallest is kept (the rightmost on ties). Two streams
/// that share a run of at least `window + k - 1` tokens share a fingerprint, wherever it is.
///
/// ``jaccard(_:)`` of two sets is |A ∩ B| / |A ∪ B|.
public struct Fingerprints: Sendable {
    /// The most fingerprints kept (bounded memory).
    public static let maxFingerprints = 200_000
    private var store = BoundedHashSet(capacity: maxFingerprints)

    /// No fingerprints.
    public init() {}

    /// The kept hashes.
    public var hashes: Set<UInt64> { store.hashes }
    /// The number of kept hashes.
    public var count: Int { store.count }

    /// The hash of every run of `k` tokens, in order.
    public static func kgrams(_ tokens: [UInt64], k: Int) -> [UInt64] {
        guard k > 0, tokens.count >= k else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(tokens.count - k + 1)
        for start in 0...(tokens.count - k) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for token in tokens[start..<(start + k)] {
                hash = (hash ^ token).multipliedReportingOverflow(by: 0x0000_0100_0000_01B3).partialValue
                hash ^= hash >> 29
            }
            out.append(hash)
        }
        return out
    }

    /// Adds the winnowed fingerprints of `tokens` that are not in `excluding` (the k-grams of the
    /// files every student was given, so shared scaffolding never looks alike).
    public mutating func add(tokens: [UInt64], k: Int, window: Int, excluding: Set<UInt64> = []) {
        let grams = Self.kgrams(tokens, k: k)
        guard !grams.isEmpty else { return }
        let window = max(1, min(window, grams.count))
        var last = -1
        for start in 0...(grams.count - window) {
            var best = start
            for i in start..<(start + window) where grams[i] <= grams[best] { best = i }
            guard best != last else { continue }
            last = best
            guard !store.isFull else { return }
            if !excluding.contains(grams[best]) { store.insert(grams[best]) }
        }
    }

    /// Adds every fingerprint of `other` (up to ``maxFingerprints``).
    public mutating func formUnion(_ other: Fingerprints) { store.formUnion(other.store) }

    /// Jaccard similarity with `other` (0 when both are empty).
    public func jaccard(_ other: Fingerprints) -> Double { store.jaccard(other.store) }
}
