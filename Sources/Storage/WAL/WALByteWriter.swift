/// Appends varints, fixed-width integers and strings to a byte buffer.
struct WALByteWriter {
    var buffer: [UInt8]

    init(buffer: [UInt8] = []) {
        self.buffer = buffer
    }

    mutating func byte(_ b: UInt8) { buffer.append(b) }

    /// Unsigned LEB128.
    mutating func uvarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(truncatingIfNeeded: v))
    }

    /// Zig-zag signed varint.
    mutating func varint(_ value: Int64) {
        uvarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func le64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Length-prefixed UTF-8.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            uvarint(UInt64(bytes.count))
            buffer.append(contentsOf: bytes)
        }
    }
}
