/// Set operations on postings lists: strictly increasing arrays of series references.
enum Postings {
    // MARK: - Intersection

    /// Members present in every list. Lists are intersected shortest first; long lists are
    /// searched by galloping so a small list against a huge one costs O(small · log huge).
    static func intersect(_ lists: [[UInt32]]) -> [UInt32] {
        let ordered = lists.sorted { $0.count < $1.count }
        guard var result = ordered.first else { return [] }
        for list in ordered.dropFirst() {
            if result.isEmpty { break }
            result = intersect(result, list)
        }
        return result
    }

    /// Members of both `a` and `b`, with `a` expected to be the shorter one.
    static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(min(a.count, b.count))
        var j = 0
        for x in a {
            j = gallop(b, from: j, to: x)
            if j >= b.count { break }
            if b[j] == x {
                out.append(x)
                j += 1
            }
        }
        return out
    }

    /// The first index `>= from` whose element is `>= target` (or `list.count`).
    static func gallop(_ list: [UInt32], from: Int, to target: UInt32) -> Int {
        var lo = from
        guard lo < list.count, list[lo] < target else { return lo }
        var step = 1
        var hi = lo + step
        while hi < list.count, list[hi] < target {
            lo = hi
            step *= 2
            hi = lo + step
        }
        hi = min(hi, list.count)
        // list[lo] < target, and list[hi] >= target or hi == count.
        var l = lo + 1, h = hi
        while l < h {
            let mid = (l + h) / 2
            if list[mid] < target { l = mid + 1 } else { h = mid }
        }
        return l
    }

    // MARK: - Union and difference

    /// Members of any list, sorted and distinct.
    static func union(_ lists: [[UInt32]]) -> [UInt32] {
        switch lists.count {
        case 0: return []
        case 1: return lists[0]
        case 2: return merge(lists[0], lists[1])
        default:
            var all: [UInt32] = []
            all.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            for list in lists { all.append(contentsOf: list) }
            all.sort()
            var out: [UInt32] = []
            out.reserveCapacity(all.count)
            for x in all where out.last != x { out.append(x) }
            return out
        }
    }

    /// Members of `a` or `b`, sorted and distinct.
    static func merge(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                out.append(a[i]); i += 1
            } else if a[i] > b[j] {
                out.append(b[j]); j += 1
            } else {
                out.append(a[i]); i += 1; j += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// Members of `a` that are not in `b`.
    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        guard !b.isEmpty else { return a }
        var out: [UInt32] = []
        out.reserveCapacity(a.count)
        var j = 0
        for x in a {
            j = gallop(b, from: j, to: x)
            if j < b.count, b[j] == x { continue }
            out.append(x)
        }
        return out
    }
}
