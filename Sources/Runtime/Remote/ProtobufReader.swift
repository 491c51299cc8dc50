/// Reads protobuf wire format (varint, 64-bit, length-delimited, 32-bit fields) from bytes,
/// bounds-checked: truncated or malformed input throws ``ProtobufError``.
public struct ProtobufReader {
    /// The wire types of protobuf.
    public enum WireType: Int, Sendable {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int

    /// A reader over `bytes[range]` (all of it by default).
    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.position = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// Whether all bytes have been read.
    public var isAtEnd: Bool { position >= end }

    /// The next field's number and wire type, or `nil` at the end.
    public mutating func nextField() throws -> (number: Int, type: WireType)? {
        if isAtEnd { return nil }
        let key = try varint()
        let number = key >> 3
        guard number > 0, number <= 536_870_911, let type = WireType(rawValue: Int(key & 7)) else {
            throw ProtobufError("invalid field key \(key) at byte \(position)")
        }
        return (Int(number), type)
    }

    /// A base-128 varint (at most 10 bytes).
    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ProtobufError("truncated varint") }
            let b = bytes[position]
            position += 1
            guard shift < 64 else { throw ProtobufError("varint longer than 10 bytes") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A little-endian 64-bit value.
    public mutating func fixed64() throws -> UInt64 {
        guard end - position >= 8 else { throw ProtobufError("truncated fixed64") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return v
    }

    /// A little-endian 32-bit value.
    public mutating func fixed32() throws -> UInt32 {
        guard end - position >= 4 else { throw ProtobufError("truncated fixed32") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
        position += 4
        return v
    }

    /// The byte range of a length-delimited field's payload (and skips it).
    public mutating func lengthDelimited() throws -> Range<Int> {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw ProtobufError("length-delimited field runs past the end") }
        let start = position
        position += Int(n)
        return start..<position
    }

    /// A length-delimited field as a sub-reader.
    public mutating func message() throws -> ProtobufReader {
        ProtobufReader(bytes, range: try lengthDelimited())
    }

    /// A length-delimited field as UTF-8 text (invalid UTF-8 is an error).
    public mutating func string() throws -> String {
        let r = try lengthDelimited()
        guard let s = String(validating: bytes[r], as: UTF8.self) else {
            throw ProtobufError("invalid UTF-8 in string field")
        }
        return s
    }

    /// Skips a field of wire type `type`.
    public mutating func skip(_ type: WireType) throws {
        switch type {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .fixed32: _ = try fixed32()
        case .lengthDelimited: _ = try lengthDelimited()
        case .startGroup, .endGroup: throw ProtobufError("groups are not supported")
        }
    }
}

/// Malformed protobuf input.
public struct ProtobufError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "protobuf: \(message)" }
}
