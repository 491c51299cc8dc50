/// A set of strings that only counts: `insert` says whether a string is new.
///
/// Hashes the UTF-8 bytes eight at a time (`ByteHash`) instead of going through `Hasher`, which
/// matters for lints that look at every label value of every sample.
struct DistinctStrings {
    private var hashes: [UInt64] = Array(repeating: 0, count: 64)
    private var strings: [String] = Array(repeating: "", count: 64)
    private var mask = 63
    /// How many distinct strings were inserted.
    private(set) var count = 0

    /// Adds `s`; `true` when it was not there yet.
    @discardableResult
    mutating func insert(_ s: String) -> Bool {
        let h = DistinctStrings.hash(s)
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h, strings[slot] == s { return false }
            slot = (slot + 1) & mask
        }
        hashes[slot] = h
        strings[slot] = s
        count += 1
        if count * 2 > hashes.count { grow() }
        return true
    }

    private static func hash(_ s: String) -> UInt64 {
        if let h = s.utf8.withContiguousStorageIfAvailable({ ByteHash.hash($0) }) { return h }
        var copy = s
        return copy.withUTF8 { ByteHash.hash($0) }
    }

    private mutating func grow() {
        let old = (hashes, strings)
        let capacity = hashes.count * 2
        hashes = Array(repeating: 0, count: capacity)
        strings = Array(repeating: "", count: capacity)
        mask = capacity - 1
        for i in old.0.indices where old.0[i] != 0 {
            var slot = Int(truncatingIfNeeded: old.0[i]) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = old.0[i]
            strings[slot] = old.1[i]
        }
    }
}
