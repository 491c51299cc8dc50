/// Appends bits, most significant first, to a growing byte buffer.
///
/// Bits gather in a register and reach the byte array one whole byte at a time, so a write is a few
/// shifts instead of a read-modify-write of the last byte per piece.
struct BitWriter: Sendable {
    /// Completed bytes.
    private var full: [UInt8] = []
    /// Pending bits (fewer than 8 between writes), right-aligned.
    private var acc: UInt64 = 0
    private var accBits = 0

    init(reservingBytes capacity: Int = 0) {
        full.reserveCapacity(capacity)
    }

    /// The written bytes; the last one may be partly filled (its low bits are zero).
    var bytes: [UInt8] {
        guard accBits > 0 else { return full }
        var out = full
        out.append(UInt8(truncatingIfNeeded: acc &<< UInt64(8 - accBits)))
        return out
    }

    /// Number of bytes `bytes` has.
    var byteCount: Int { full.count + (accBits > 0 ? 1 : 0) }

    /// Total number of bits written.
    var bitCount: Int { full.count * 8 + accBits }

    // MARK: - Writing

    /// Writes one bit.
    @inline(__always)
    mutating func writeBit(_ bit: Bool) {
        acc = (acc &<< 1) | (bit ? 1 : 0)
        accBits += 1
        if accBits == 8 {
            full.append(UInt8(truncatingIfNeeded: acc))
            acc = 0
            accBits = 0
        }
    }

    /// Writes the low `count` bits of `value` (0...64), most significant first.
    @inline(__always)
    mutating func writeBits(_ value: UInt64, count: Int) {
        var remaining = Swift.max(0, Swift.min(count, 64))
        while remaining > 0 {
            // The register holds fewer than 8 bits here, so 56 more always fit.
            let take = Swift.min(remaining, 56)
            let piece = (value &>> UInt64(remaining - take)) & ((1 &<< UInt64(take)) &- 1)
            acc = (acc &<< UInt64(take)) | piece
            accBits += take
            remaining -= take
            while accBits >= 8 {
                accBits -= 8
                full.append(UInt8(truncatingIfNeeded: acc &>> UInt64(accBits)))
            }
            acc &= (1 &<< UInt64(accBits)) &- 1
        }
    }

    /// A copy of the bytes in a buffer of exactly their size (for chunks that will not grow again).
    func compactBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount)
        out.append(contentsOf: full)
        if accBits > 0 { out.append(UInt8(truncatingIfNeeded: acc &<< UInt64(8 - accBits))) }
        return out
    }
}
