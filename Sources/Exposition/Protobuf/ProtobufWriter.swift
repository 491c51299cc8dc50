/// Appends protobuf wire-format fields to a byte buffer (the subset metrics.proto and remote write
/// need). The one protobuf writer of labctl.
public struct ProtobufWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// An empty buffer.
    public init() {}

    /// A base-128 varint.
    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    /// A field key.
    public mutating func tag(_ field: UInt64, _ wire: ProtobufReader.WireType) { varint(field << 3 | wire.rawValue) }

    /// A varint field.
    public mutating func varintField(_ field: UInt64, _ value: UInt64) {
        tag(field, .varint)
        varint(value)
    }

    /// A zig-zag `sint64` field.
    public mutating func sint64Field(_ field: UInt64, _ value: Int64) {
        varintField(field, UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// An `int64` field (two's complement, as protobuf writes negative values).
    public mutating func int64Field(_ field: UInt64, _ value: Int64) {
        varintField(field, UInt64(bitPattern: value))
    }

    /// A `double` field (fixed64).
    public mutating func doubleField(_ field: UInt64, _ value: Double) {
        tag(field, .fixed64)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A string field.
    public mutating func stringField(_ field: UInt64, _ value: String) {
        bytesField(field, value.utf8)
    }

    /// A length-delimited field holding `payload`.
    public mutating func bytesField<C: Collection>(_ field: UInt64, _ payload: C) where C.Element == UInt8 {
        tag(field, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }

    /// A nested message written by `body`.
    public mutating func messageField(_ field: UInt64, _ body: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        body(&inner)
        tag(field, .lengthDelimited)
        varint(UInt64(inner.bytes.count))
        bytes.append(contentsOf: inner.bytes)
    }

    /// Packed `sint64`s.
    public mutating func packedSint64(_ field: UInt64, _ values: [Int64]) {
        guard !values.isEmpty else { return }
        var inner = ProtobufWriter()
        for v in values { inner.varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
        tag(field, .lengthDelimited)
        varint(UInt64(inner.bytes.count))
        bytes.append(contentsOf: inner.bytes)
    }

    /// Packed `double`s.
    public mutating func packedDoubles(_ field: UInt64, _ values: [Double]) {
        guard !values.isEmpty else { return }
        tag(field, .lengthDelimited)
        varint(UInt64(values.count * 8))
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    }
}
