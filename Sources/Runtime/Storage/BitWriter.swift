/// Appends bits, most significant first, to a growing byte buffer.
struct BitWriter: Sendable {
    /// The written bytes; the last one may be partly filled.
    private(set) var bytes: [UInt8] = []
    /// Unused low bits in the last byte (0 means a new byte is needed for the next bit).
    private var freeBits = 0

    init(reservingBytes capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Total number of bits written.
    var bitCount: Int { bytes.count * 8 - freeBits }

    // MARK: - Writing

    /// Writes one bit.
    @inline(__always)
    mutating func writeBit(_ bit: Bool) {
        if freeBits == 0 {
            bytes.append(0)
            freeBits = 8
        }
        freeBits -= 1
        if bit { bytes[bytes.count - 1] |= UInt8(1) << UInt8(freeBits) }
    }

    /// Writes the low `count` bits of `value` (0...64), most significant first.
    mutating func writeBits(_ value: UInt64, count: Int) {
        var remaining = count
        while remaining > 0 {
            if freeBits == 0 {
                bytes.append(0)
                freeBits = 8
            }
            let take = min(remaining, freeBits)
            let shifted = value >> UInt64(remaining - take)
            let mask: UInt64 = (1 << UInt64(take)) - 1
            let piece = UInt8(truncatingIfNeeded: shifted & mask)
            bytes[bytes.count - 1] |= piece << UInt8(freeBits - take)
            freeBits -= take
            remaining -= take
        }
    }

    /// A copy of the bytes in a buffer of exactly their size (for chunks that will not grow again).
    func compactBytes() -> [UInt8] {
        bytes.withUnsafeBufferPointer { Array($0) }
    }
}
