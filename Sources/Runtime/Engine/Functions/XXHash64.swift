import PromModel

/// The XXH64 hash (seed 0) of the public xxHash specification, and Prometheus's label-set hash built
/// on it (`name 0xff value 0xff` for every label in order), which `limit_ratio` uses to place series.
enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    // MARK: - Hashing

    /// The XXH64 digest of `bytes` with seed 0.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }

    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = p.count
        var i = 0
        var h: UInt64
        if n >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4 = 0 &- prime1
            while i + 32 <= n {
                v1 = round(v1, lane64(p, i))
                v2 = round(v2, lane64(p, i + 8))
                v3 = round(v3, lane64(p, i + 16))
                v4 = round(v4, lane64(p, i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            for v in [v1, v2, v3, v4] {
                h ^= round(0, v)
                h = h &* prime1 &+ prime4
            }
        } else {
            h = prime5
        }
        h &+= UInt64(n)
        while i + 8 <= n {
            h ^= round(0, lane64(p, i))
            h = rotl(h, 27) &* prime1 &+ prime4
            i += 8
        }
        if i + 4 <= n {
            h ^= lane32(p, i) &* prime1
            h = rotl(h, 23) &* prime2 &+ prime3
            i += 4
        }
        while i < n {
            h ^= UInt64(p[i]) &* prime5
            h = rotl(h, 11) &* prime1
            i += 1
        }
        h ^= h >> 33
        h &*= prime2
        h ^= h >> 29
        h &*= prime3
        h ^= h >> 32
        return h
    }

    /// Prometheus's `labels.Hash()`: XXH64 over `name 0xff value 0xff` for each label, sorted by name.
    static func labelsHash(_ labels: Labels) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(labels.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        for l in labels {
            bytes.append(contentsOf: l.name.utf8)
            bytes.append(0xFF)
            bytes.append(contentsOf: l.value.utf8)
            bytes.append(0xFF)
        }
        return hash(bytes)
    }

    // MARK: - Steps

    @inline(__always)
    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always)
    private static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        rotl(acc &+ lane &* prime2, 31) &* prime1
    }

    /// Little-endian 64-bit word at `i` (the caller guarantees 8 bytes).
    @inline(__always)
    private static func lane64(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(p[i + k]) << (8 * UInt64(k)) }
        return v
    }

    /// Little-endian 32-bit word at `i` (the caller guarantees 4 bytes).
    @inline(__always)
    private static func lane32(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<4 { v |= UInt64(p[i + k]) << (8 * UInt64(k)) }
        return v
    }
}
