/// Appends bits, most significant first, to a growing byte buffer.
///
/// Bits gather in a register; the byte array is touched once per whole byte plus once per write for
/// the partly filled last byte (instead of a read-modify-write of the last byte per piece). `bytes`
/// always holds that partial byte too, so snapshots share the buffer without copying.
struct BitWriter: Sendable {
    /// The written bytes; the last one may be partly filled (its unused low bits are zero).
    private(set) var bytes: [UInt8] = []
    /// Bits of the partly filled last byte (fewer than 8), right-aligned.
    private var acc: UInt64 = 0
    private var accBits = 0

    init(reservingBytes capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Number of bytes written (the partly filled last one included).
    var byteCount: Int { bytes.count }

    /// Total number of bits written.
    var bitCount: Int { accBits == 0 ? bytes.count * 8 : (bytes.count - 1) * 8 + accBits }

    // MARK: - Writing

    /// Writes one bit.
    @inline(__always)
    mutating func writeBit(_ bit: Bool) {
        let hadPartial = accBits > 0
        acc = (acc &<< 1) | (bit ? 1 : 0)
        accBits += 1
        let byte = UInt8(truncatingIfNeeded: acc &<< UInt64(8 - accBits))
        if hadPartial { bytes[bytes.count - 1] = byte } else { bytes.append(byte) }
        if accBits == 8 {
            acc = 0
            accBits = 0
        }
    }

    /// Writes the low `count` bits of `value` (0...64), most significant first.
    @inline(__always)
    mutating func writeBits(_ value: UInt64, count: Int) {
        var remaining = Swift.max(0, Swift.min(count, 64))
        guard remaining > 0 else { return }
        // Whether the array's last element is the partial byte the register continues.
        var hasPartial = accBits > 0
        while remaining > 0 {
            // The register holds fewer than 8 bits here, so 56 more always fit.
            let take = Swift.min(remaining, 56)
            let piece = (value &>> UInt64(remaining - take)) & ((1 &<< UInt64(take)) &- 1)
            acc = (acc &<< UInt64(take)) | piece
            accBits += take
            remaining -= take
            while accBits >= 8 {
                accBits -= 8
                let byte = UInt8(truncatingIfNeeded: acc &>> UInt64(accBits))
                if hasPartial {
                    bytes[bytes.count - 1] = byte
                    hasPartial = false
                } else {
                    bytes.append(byte)
                }
            }
            acc &= (1 &<< UInt64(accBits)) &- 1
        }
        if accBits > 0 {
            let partial = UInt8(truncatingIfNeeded: acc &<< UInt64(8 - accBits))
            if hasPartial { bytes[bytes.count - 1] = partial } else { bytes.append(partial) }
        }
    }

    /// A copy of the bytes in a buffer of exactly their size (for chunks that will not grow again).
    func compactBytes() -> [UInt8] {
        bytes.withUnsafeBufferPointer { Array($0) }
    }
}
