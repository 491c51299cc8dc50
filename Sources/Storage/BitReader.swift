/// Reads bits, most significant first, from a byte buffer written by `BitWriter`.
///
/// Bytes are loaded into a 64-bit register ahead of use, so that most reads are a shift and a mask
/// instead of a loop over bytes.
struct BitReader: Sendable {
    private let bytes: [UInt8]
    /// Index of the next byte to load into `acc`.
    private var nextByte = 0
    /// Loaded bits not yet consumed, left-aligned (the next bit is bit 63).
    private var acc: UInt64 = 0
    /// How many bits of `acc` are loaded.
    private var accBits = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Bits left to read.
    var remainingBits: Int { accBits + (bytes.count - nextByte) * 8 }

    // MARK: - Reading

    /// Loads whole bytes while at least one fits in the register.
    @inline(__always)
    private mutating func refill() {
        bytes.withUnsafeBufferPointer { buf in
            while accBits <= 56 && nextByte < buf.count {
                acc |= UInt64(buf[nextByte]) &<< UInt64(56 - accBits)
                accBits += 8
                nextByte += 1
            }
        }
    }

    /// Reads one bit, or `nil` at the end of the buffer.
    @inline(__always)
    mutating func readBit() -> Bool? {
        if accBits == 0 {
            refill()
            if accBits == 0 { return nil }
        }
        let bit = acc &>> 63
        acc = acc &<< 1
        accBits -= 1
        return bit == 1
    }

    /// Reads a run of up to `limit` (1...8) one bits and the zero bit ending it (not read when the run
    /// reaches `limit`); returns the number of ones, or `nil` when the buffer ends first.
    @inline(__always)
    mutating func readOnes(upTo limit: Int) -> Int? {
        if accBits < limit { refill() }
        guard accBits >= limit, limit > 0, limit <= 8 else {
            var ones = 0
            while ones < limit {
                guard let bit = readBit() else { return nil }
                if !bit { break }
                ones += 1
            }
            return ones
        }
        let ones = Swift.min(limit, (~acc).leadingZeroBitCount)
        let used = ones < limit ? ones + 1 : limit
        acc = acc &<< UInt64(used)
        accBits -= used
        return ones
    }

    /// Reads `count` bits (0...64) as an unsigned integer, or `nil` (reading nothing) when fewer remain.
    @inline(__always)
    mutating func readBits(_ count: Int) -> UInt64? {
        guard count > 0 else { return count == 0 ? 0 : nil }
        guard count <= 64 else { return nil }
        if accBits < count {
            refill()
            if accBits < count {
                // At the end of the buffer, or a read wider than what the register holds after a refill.
                guard count <= remainingBits else { return nil }
                let high = accBits
                let first = take(high)
                refill()
                return (first &<< UInt64(count - high)) | take(count - high)
            }
        }
        return take(count)
    }

    /// Consumes `count` (0...accBits) loaded bits.
    @inline(__always)
    private mutating func take(_ count: Int) -> UInt64 {
        guard count > 0 else { return 0 }
        let value = acc &>> UInt64(64 - count)
        acc = count == 64 ? 0 : acc &<< UInt64(count)
        accBits -= count
        return value
    }
}
