/// A variable-width signed integer in a bit stream: a unary prefix of one bits picks the width.
///
/// `0` → 0; `10` + 4 bits; `110` + 7; `1110` + 10; `11110` + 14; `111110` + 20; `1111110` + 32;
/// `11111110` + 48; `11111111` + 64 (two's complement). Deltas-of-deltas of timestamps and of integer
/// histogram counts are small, so most take one to twelve bits.
enum VarbitInt {
    /// Payload widths for prefixes of 1 to 8 ones.
    static let widths = [4, 7, 10, 14, 20, 32, 48, 64]

    /// Writes `value` in the fewest bits.
    @inline(__always)
    static func write(_ value: Int64, to w: inout BitWriter) {
        if value == 0 {
            w.writeBit(false)
            return
        }
        for (n, width) in widths.enumerated() where width == 64 || XORChunk.fits(value, bits: width) {
            // n + 1 ones, then a terminating zero unless the prefix is the longest one.
            let ones = n + 1
            if ones < 8 {
                w.writeBits(((1 << UInt64(ones)) - 1) << 1, count: ones + 1)
            } else {
                w.writeBits(0xFF, count: 8)
            }
            w.writeBits(UInt64(bitPattern: value), count: width)
            return
        }
    }

    /// Reads a value written by `write`, or `nil` when the stream ends first.
    @inline(__always)
    static func read(from r: inout BitReader) -> Int64? {
        guard let ones = r.readOnes(upTo: 8) else { return nil }
        if ones == 0 { return 0 }
        let width = widths[ones - 1]
        guard let raw = r.readBits(width) else { return nil }
        if width == 64 { return Int64(bitPattern: raw) }
        let shift = UInt64(64 - width)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }
}

/// The state of one XOR-compressed float field (Gorilla's value encoding): the previous value's bits
/// and the window of meaningful bits last written.
///
/// Equal bits cost `0`; otherwise `1` then `0` + the bits inside the previous window, or `1` + 5 bits
/// of leading zeros + 6 bits of significant length (0 meaning 64) + the bits.
struct XORField: Sendable {
    private(set) var bits: UInt64
    private var leading = 0xFF
    private var trailing = 0

    init(bits: UInt64) {
        self.bits = bits
    }

    /// Writes `new` against the previous value and makes it the previous value.
    @inline(__always)
    mutating func write(_ new: UInt64, to w: inout BitWriter) {
        let x = new ^ bits
        bits = new
        if x == 0 {
            w.writeBit(false)
            return
        }
        w.writeBit(true)
        let lead = min(x.leadingZeroBitCount, 31)
        let trail = x.trailingZeroBitCount
        if leading != 0xFF, lead >= leading, trail >= trailing {
            w.writeBit(false)
            w.writeBits(x >> UInt64(trailing), count: 64 - leading - trailing)
            return
        }
        w.writeBit(true)
        let significant = 64 - lead - trail
        w.writeBits(UInt64(lead), count: 5)
        w.writeBits(UInt64(significant & 63), count: 6)
        w.writeBits(x >> UInt64(trail), count: significant)
        leading = lead
        trailing = trail
    }

    /// Reads the next value, or `nil` on a truncated or inconsistent stream.
    @inline(__always)
    mutating func read(from r: inout BitReader) -> UInt64? {
        guard let changed = r.readBit() else { return nil }
        if !changed { return bits }
        guard let newWindow = r.readBit() else { return nil }
        if newWindow {
            guard let lead = r.readBits(5), let sig = r.readBits(6) else { return nil }
            let significant = sig == 0 ? 64 : Int(sig)
            guard Int(lead) + significant <= 64 else { return nil }
            leading = Int(lead)
            trailing = 64 - leading - significant
        } else if leading == 0xFF {
            return nil  // a reuse of a window never written
        }
        guard let x = r.readBits(64 - leading - trailing) else { return nil }
        bits ^= x << UInt64(trailing)
        return bits
    }
}

/// The state of one integer field encoded as deltas of deltas in `VarbitInt`s (Prometheus's
/// integer-histogram chunks encode counts so): a steadily growing counter costs one bit a sample.
struct DoDField: Sendable {
    private(set) var value: Int64
    private var delta: Int64 = 0

    init(value: Int64) {
        self.value = value
    }

    /// Writes `new` (|new| < 2^53, so nothing overflows) and makes it the previous value.
    @inline(__always)
    mutating func write(_ new: Int64, to w: inout BitWriter) {
        let d = new &- value
        VarbitInt.write(d &- delta, to: &w)
        delta = d
        value = new
    }

    /// Reads the next value, or `nil` on a truncated stream or one that leaves 64 bits.
    @inline(__always)
    mutating func read(from r: inout BitReader) -> Int64? {
        guard let dod = VarbitInt.read(from: &r) else { return nil }
        let (d, o1) = delta.addingReportingOverflow(dod)
        let (v, o2) = value.addingReportingOverflow(d)
        guard !o1, !o2 else { return nil }
        delta = d
        value = v
        return v
    }
}
