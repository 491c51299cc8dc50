/// The fields every entry of a chunk record starts with, float or histogram: `ref`, `sample count`,
/// `minT` (signed), `maxT - minT` (signed) and the encoded bytes (uvarint length + bytes).
struct WALChunkHeader {
    var ref: UInt64
    var count: Int
    var minT: Int64
    var maxT: Int64
    var bytes: [UInt8]

    /// Appends the header to `w`.
    func encode(into w: inout WALByteWriter) {
        w.uvarint(ref)
        w.uvarint(UInt64(count))
        w.varint(minT)
        w.varint(maxT &- minT)
        w.uvarint(UInt64(bytes.count))
        w.buffer.append(contentsOf: bytes)
    }

    /// Reads a header; `kind` names the chunk in the error when it claims more samples than its
    /// bytes can hold (every sample takes at least one bit).
    static func decode(_ r: inout WALByteReader, kind: String) throws -> WALChunkHeader {
        let ref = try r.uvarint()
        let samples = try r.uvarint()
        let minT = try r.varint()
        let maxT = minT &+ (try r.varint())
        let bytes = try r.byteArray()
        guard samples <= UInt64(bytes.count) * 8 else {
            throw WALDecodeError("\(kind) claims \(samples) samples in \(bytes.count) bytes")
        }
        return WALChunkHeader(ref: ref, count: Int(samples), minT: minT, maxT: maxT, bytes: bytes)
    }
}
