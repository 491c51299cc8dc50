import XCTest
@testable import Exposition

/// The one protobuf wire reader and writer: round trips and every way bytes can lie.
final class ProtobufReaderTests: XCTestCase {
    func testRoundTripOfEveryFieldKind() throws {
        var w = ProtobufWriter()
        w.varintField(1, 300)
        w.int64Field(2, -5)
        w.sint64Field(3, -7)
        w.doubleField(4, 2.5)
        w.stringField(5, "héllo")
        w.messageField(6) { $0.varintField(1, 9) }
        var r = ProtobufReader(w.bytes)
        var seen: [UInt64] = []
        while let (field, wire) = try r.nextField() {
            seen.append(field)
            switch (field, wire) {
            case (1, .varint): XCTAssertEqual(try r.varint(), 300)
            case (2, .varint): XCTAssertEqual(Int64(bitPattern: try r.varint()), -5)
            case (3, .varint): XCTAssertEqual(try r.sint64(), -7)
            case (4, .fixed64): XCTAssertEqual(try r.double(), 2.5)
            case (5, .lengthDelimited): XCTAssertEqual(try r.validUTF8String(), "héllo")
            case (6, .lengthDelimited):
                var inner = try r.message()
                XCTAssertEqual(try inner.nextField()?.field, 1)
                XCTAssertEqual(try inner.varint(), 9)
                XCTAssertNil(try inner.nextField())
            default: XCTFail("unexpected field \(field)")
            }
        }
        XCTAssertEqual(seen, [1, 2, 3, 4, 5, 6])
    }

    func testInvalidUTF8IsAnErrorOnlyWhereAsked() throws {
        var w = ProtobufWriter()
        w.bytesField(1, [0x61, 0xFF])
        var strict = ProtobufReader(w.bytes)
        _ = try strict.tag()
        XCTAssertThrowsError(try strict.validUTF8String()) { error in
            XCTAssertEqual((error as? ProtobufDecodeError)?.message, "invalid UTF-8 in string field")
        }
        var lenient = ProtobufReader(w.bytes)
        _ = try lenient.tag()
        XCTAssertEqual(try lenient.string(), "a\u{FFFD}")
    }

    func testLyingBytesThrowWithTheirOffset() {
        let cases: [(bytes: [UInt8], message: String)] = [
            ([0x08], "varint runs past the end"),
            ([0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], "varint overflows 64 bits"),
            ([0x0A, 0x05, 0x61], "field of 5 bytes runs past the end"),
            ([0x09, 0x00], "fixed64 runs past the end"),
            ([0x00], "invalid field key 0"),
            ([0x0B], "groups are not supported"),
            // Field number 2^29 is one past the largest protobuf allows.
            ([0x80, 0x80, 0x80, 0x80, 0x10], "invalid field key 4294967296"),
        ]
        for (bytes, message) in cases {
            var r = ProtobufReader(bytes)
            XCTAssertThrowsError(try {
                while let (_, wire) = try r.nextField() { try r.skip(wire) }
            }(), "\(bytes)") { error in
                XCTAssertEqual((error as? ProtobufDecodeError)?.message, message, "\(bytes)")
            }
        }
    }

    func testARangeOutsideTheBytesIsClamped() {
        let r = ProtobufReader([1, 2, 3], range: 1..<10)
        XCTAssertEqual(r.position, 1)
        XCTAssertEqual(r.remaining, 2)
    }
}
