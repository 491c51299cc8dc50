/// Reads what `WALByteWriter` writes from a payload, checking every bound.
struct WALByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - position }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw WALDecodeError("record payload ends early") }
        let b = bytes[position]
        position += 1
        return b
    }

    mutating func uvarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64, !(shift == 63 && b > 1) else { throw WALDecodeError("varint overflows 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func varint() throws -> Int64 {
        let u = try uvarint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    mutating func le64() throws -> UInt64 {
        guard remaining >= 8 else { throw WALDecodeError("record payload ends early") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += 8
        return v
    }

    /// Length-prefixed bytes.
    mutating func byteArray() throws -> [UInt8] {
        let length = try uvarint()
        guard length <= UInt64(remaining) else { throw WALDecodeError("\(length) bytes exceed the record") }
        let n = Int(length)
        let out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[position..<(position + n)]))
        position += n
        return out
    }

    mutating func string() throws -> String {
        let length = try uvarint()
        guard length <= UInt64(remaining) else { throw WALDecodeError("string of \(length) bytes exceeds the record") }
        let n = Int(length)
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + n)]), as: UTF8.self)
        position += n
        return s
    }
}
