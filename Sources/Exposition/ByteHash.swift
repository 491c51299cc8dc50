/// A fast 64-bit hash of byte strings, seeded per process, for the parser's tables.
///
/// Eight bytes at a time with a multiply-xorshift step and a final avalanche, so the low bits can
/// index a power-of-two table. Not cryptographic; a per-process random seed keeps crafted inputs
/// from aiming at one slot, and every table compares the bytes on a hash match.
enum ByteHash {
    static let seed = UInt64.random(in: 1...UInt64.max)

    /// The hash of `bytes` (never 0, which marks empty slots).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress else { return finish(h) }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = step(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = step(h, tail)
        }
        return finish(h)
    }

    /// Combines two hashes into the hash of the pair (order matters).
    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finish(step(a &* 0xC2B2_AE3D_27D4_EB4F, b))
    }

    @inline(__always)
    private static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x
    }

    /// MurmurHash3's finaliser; maps 0 to 1.
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x == 0 ? 1 : x
    }
}
