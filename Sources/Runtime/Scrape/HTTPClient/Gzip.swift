import Storage

/// The gzip container (RFC 1952) around a DEFLATE stream: header, optional fields, CRC-32 and size
/// trailer, with concatenated members decoded one after another.
public enum Gzip {
    /// Decodes `data`, producing at most `maxOutput` bytes.
    /// - Throws: ``InflateError`` on a bad header, a bad stream, a checksum mismatch or too much output.
    public static func decompress(_ data: [UInt8], maxOutput: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        repeat {
            let member = Array(data[offset...])
            let (bytes, used) = try decompressMember(member, maxOutput: maxOutput - out.count)
            out.append(contentsOf: bytes)
            offset += used
        } while offset < data.count && data.count - offset >= 18 && data[offset] == 0x1F
        return out
    }

    private static func decompressMember(_ data: [UInt8], maxOutput: Int) throws -> ([UInt8], Int) {
        guard data.count >= 18, data[0] == 0x1F, data[1] == 0x8B else { throw InflateError("not gzip data") }
        guard data[2] == 8 else { throw InflateError("unsupported gzip compression method \(data[2])") }
        let flags = data[3]
        var p = 10
        if flags & 0x04 != 0 {
            guard p + 2 <= data.count else { throw InflateError("truncated gzip header") }
            p += 2 + (Int(data[p]) | Int(data[p + 1]) << 8)
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while p < data.count, data[p] != 0 { p += 1 }
            p += 1
        }
        if flags & 0x02 != 0 { p += 2 }
        guard p < data.count else { throw InflateError("truncated gzip header") }
        let (bytes, used) = try Inflate.decompressWithLength(Array(data[p...]), maxOutput: maxOutput)
        let trailer = p + used
        guard trailer + 8 <= data.count else { throw InflateError("truncated gzip trailer") }
        let crc = readLE32(data, trailer)
        let size = readLE32(data, trailer + 4)
        guard crc == CRC32.checksum(bytes) else { throw InflateError("gzip checksum mismatch") }
        guard size == UInt32(truncatingIfNeeded: bytes.count) else { throw InflateError("gzip size mismatch") }
        return (bytes, trailer + 8)
    }

    private static func readLE32(_ d: [UInt8], _ at: Int) -> UInt32 {
        UInt32(d[at]) | UInt32(d[at + 1]) << 8 | UInt32(d[at + 2]) << 16 | UInt32(d[at + 3]) << 24
    }
}
