/// Jaccard similarity of every pair of fingerprint sets that share anything, through an inverted
/// index (fingerprint → sets holding it), so a class of n submissions costs the sum of the squared
/// holder counts rather than n² set intersections.
///
/// Fingerprints held by more than ``commonLimit(_:)`` of the sets are idioms everyone writes, not
/// evidence of a copy: they are dropped from every set before scoring (as MOSS ignores frequent
/// passages).
struct SimilarityIndex {
    /// One scored pair: indexes in the sets given, `first < second`.
    struct Pair {
        var first: Int
        var second: Int
        var score: Double
    }

    /// Holders above which a fingerprint counts as common: half the sets, at least 2.
    static func commonLimit(_ sets: Int) -> Int { max(2, sets / 2) }

    /// Pairs of `sets` (those of at least `minimum` fingerprints) with a score at or above `threshold`.
    static func pairs(_ sets: [Fingerprints], minimum: Int, threshold: Double) -> [Pair] {
        let eligible = sets.indices.filter { sets[$0].count >= minimum }
        guard eligible.count > 1 else { return [] }
        var holders: [UInt64: [Int]] = [:]
        for index in eligible {
            for hash in sets[index].hashes { holders[hash, default: []].append(index) }
        }
        let limit = commonLimit(eligible.count)
        var sizes = [Int](repeating: 0, count: sets.count)
        var common: [Int: Int] = [:]
        for (_, owners) in holders where owners.count <= limit {
            for owner in owners { sizes[owner] += 1 }
            guard owners.count > 1 else { continue }
            for a in owners.indices {
                for b in owners.indices where b > a {
                    let (i, j) = owners[a] < owners[b] ? (owners[a], owners[b]) : (owners[b], owners[a])
                    common[i * sets.count + j, default: 0] += 1
                }
            }
        }
        var out: [Pair] = []
        for (key, shared) in common {
            let (i, j) = (key / sets.count, key % sets.count)
            let union = sizes[i] + sizes[j] - shared
            guard union > 0, sizes[i] >= minimum, sizes[j] >= minimum else { continue }
            let score = Double(shared) / Double(union)
            if score >= threshold { out.append(Pair(first: i, second: j, score: score)) }
        }
        return out.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}
