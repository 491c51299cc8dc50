/// Writes protobuf wire format into a byte buffer.
public struct ProtobufWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private mutating func key(_ field: Int, _ type: ProtobufReader.WireType) {
        varint(UInt64(field) << 3 | UInt64(type.rawValue))
    }

    /// A varint field (int64 values are written as two's complement, as protobuf does).
    public mutating func varintField(_ field: Int, _ value: UInt64) {
        key(field, .varint)
        varint(value)
    }

    /// An int64 field.
    public mutating func int64Field(_ field: Int, _ value: Int64) {
        varintField(field, UInt64(bitPattern: value))
    }

    /// A double field (fixed64).
    public mutating func doubleField(_ field: Int, _ value: Double) {
        key(field, .fixed64)
        let bits = value.bitPattern
        for i in 0..<8 { bytes.append(UInt8((bits >> (8 * UInt64(i))) & 0xFF)) }
    }

    /// A length-delimited field with raw bytes.
    public mutating func bytesField<C: Collection>(_ field: Int, _ payload: C) where C.Element == UInt8 {
        key(field, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }

    /// A string field.
    public mutating func stringField(_ field: Int, _ value: String) {
        bytesField(field, Array(value.utf8))
    }

    /// An embedded message field.
    public mutating func messageField(_ field: Int, _ build: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        build(&inner)
        bytesField(field, inner.bytes)
    }
}
