/// Reads protobuf wire-format fields from a byte range, checking every bound: a truncated or lying
/// input throws `ProtobufDecodeError`, never reads out of range and never allocates by a length it
/// has not checked against the bytes left. The one protobuf reader of labctl: the exposition decoder
/// and remote write both use it.
public struct ProtobufReader {
    /// Wire types of the protobuf encoding.
    public enum WireType: UInt64, Sendable {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case startGroup = 3
        case endGroup = 4
        case fixed32 = 5
    }

    /// The bytes read from (only `position..<end` of them).
    public let bytes: [UInt8]
    /// The offset of the next byte to read.
    public private(set) var position: Int
    /// The offset just past the last byte to read.
    public let end: Int

    /// A reader over `bytes[range]`, all of `bytes` when `range` is `nil`. A range outside `bytes`
    /// is clamped to it.
    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let whole = 0..<bytes.count
        let r = range?.clamped(to: whole) ?? whole
        position = r.lowerBound
        end = r.upperBound
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= end }
    /// The number of bytes left.
    public var remaining: Int { end - position }

    /// A base-128 varint of at most 64 bits.
    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ProtobufDecodeError("varint runs past the end", at: position) }
            let b = bytes[position]
            position += 1
            guard shift < 64, !(shift == 63 && b > 1) else { throw ProtobufDecodeError("varint overflows 64 bits", at: position) }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A field's number and wire type.
    public mutating func tag() throws -> (field: UInt64, wire: WireType) {
        let key = try varint()
        guard let wire = WireType(rawValue: key & 7), key >> 3 != 0, key >> 3 <= Self.maxFieldNumber else {
            throw ProtobufDecodeError("invalid field key \(key)", at: position)
        }
        return (key >> 3, wire)
    }

    /// The largest field number protobuf allows (2^29 - 1).
    public static let maxFieldNumber: UInt64 = 536_870_911

    /// The next field's number and wire type, or `nil` when every byte has been read.
    public mutating func nextField() throws -> (field: UInt64, wire: WireType)? {
        isAtEnd ? nil : try tag()
    }

    /// A little-endian 64-bit value.
    public mutating func fixed64() throws -> UInt64 {
        guard remaining >= 8 else { throw ProtobufDecodeError("fixed64 runs past the end", at: position) }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += 8
        return v
    }

    /// A little-endian 32-bit value.
    public mutating func fixed32() throws -> UInt32 {
        guard remaining >= 4 else { throw ProtobufDecodeError("fixed32 runs past the end", at: position) }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << UInt32(8 * i) }
        position += 4
        return v
    }

    /// The range of a length-delimited field's bytes (consumed).
    public mutating func lengthDelimited() throws -> Range<Int> {
        let length = try varint()
        guard length <= UInt64(remaining) else {
            throw ProtobufDecodeError("field of \(length) bytes runs past the end", at: position)
        }
        let start = position
        position += Int(length)
        return start..<position
    }

    /// A length-delimited field as text; invalid UTF-8 is replaced (proto2 strings, as metrics.proto's).
    public mutating func string() throws -> String {
        let range = try lengthDelimited()
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// A length-delimited field as text; invalid UTF-8 is an error (proto3 strings, as remote write's).
    public mutating func validUTF8String() throws -> String {
        let range = try lengthDelimited()
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw ProtobufDecodeError("invalid UTF-8 in string field", at: range.lowerBound)
        }
        return text
    }

    /// A length-delimited field as a reader over its bytes.
    public mutating func message() throws -> ProtobufReader { sub(try lengthDelimited()) }

    /// A `double` (fixed64).
    public mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }

    /// Zig-zag `sint64`.
    public mutating func sint64() throws -> Int64 {
        let u = try varint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    /// Skips a field of an unknown number (groups are refused: the exposition format has none).
    public mutating func skip(_ wire: WireType) throws {
        switch wire {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed32: _ = try fixed32()
        case .startGroup, .endGroup: throw ProtobufDecodeError("groups are not supported", at: position)
        }
    }

    /// A reader over a nested message's bytes.
    public func sub(_ range: Range<Int>) -> ProtobufReader { ProtobufReader(bytes, range: range) }

    /// Repeated `double`s, packed or not, appended to `out` (at most `limit` in all).
    public mutating func doubles(_ wire: WireType, into out: inout [Double], limit: Int) throws {
        if wire == .lengthDelimited {
            var packed = sub(try lengthDelimited())
            guard packed.remaining % 8 == 0 else { throw ProtobufDecodeError("packed doubles of odd length", at: position) }
            guard out.count + packed.remaining / 8 <= limit else { throw ProtobufDecodeError("more than \(limit) buckets", at: position) }
            while !packed.isAtEnd { out.append(try packed.double()) }
        } else {
            guard wire == .fixed64 else { throw ProtobufDecodeError("a double with wire type \(wire.rawValue)", at: position) }
            guard out.count < limit else { throw ProtobufDecodeError("more than \(limit) buckets", at: position) }
            out.append(try double())
        }
    }

    /// Repeated `sint64`s, packed or not, appended to `out` (at most `limit` in all).
    public mutating func sint64s(_ wire: WireType, into out: inout [Int64], limit: Int) throws {
        if wire == .lengthDelimited {
            var packed = sub(try lengthDelimited())
            while !packed.isAtEnd {
                guard out.count < limit else { throw ProtobufDecodeError("more than \(limit) buckets", at: position) }
                out.append(try packed.sint64())
            }
        } else {
            guard wire == .varint else { throw ProtobufDecodeError("a sint64 with wire type \(wire.rawValue)", at: position) }
            guard out.count < limit else { throw ProtobufDecodeError("more than \(limit) buckets", at: position) }
            out.append(try sint64())
        }
    }
}

/// Malformed protobuf bytes: what is wrong and the byte offset.
public struct ProtobufDecodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The byte offset where it was found.
    public let offset: Int
    /// An error `message` found at byte `offset`.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
    public var description: String { "\(message) (byte \(offset))" }
}
