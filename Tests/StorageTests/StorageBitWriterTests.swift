import XCTest
@testable import Storage

/// The register-based `BitWriter` against a plain bit-by-bit writer.
final class StorageBitWriterTests: XCTestCase {
    private struct Reference {
        var bits: [Bool] = []
        mutating func write(_ value: UInt64, count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> UInt64(i)) & 1 == 1) }
        }
        var bytes: [UInt8] {
            stride(from: 0, to: bits.count, by: 8).map { start in
                var b: UInt8 = 0
                for i in 0..<8 { b = b << 1 | (start + i < bits.count && bits[start + i] ? 1 : 0) }
                return b
            }
        }
    }

    func testRandomWritesMatchBitByBitWriting() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var w = BitWriter(reservingBytes: 4)
            var ref = Reference()
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                if Bool.random(using: &rng) {
                    let bit = Bool.random(using: &rng)
                    w.writeBit(bit)
                    ref.write(bit ? 1 : 0, count: 1)
                } else {
                    let n = Int.random(in: 0...64, using: &rng)
                    let v = UInt64.random(in: 0...UInt64.max, using: &rng)
                    w.writeBits(v, count: n)
                    ref.write(v, count: n)
                }
                XCTAssertEqual(w.bitCount, ref.bits.count)
            }
            XCTAssertEqual(w.bytes, ref.bytes)
            XCTAssertEqual(w.compactBytes(), ref.bytes)
            XCTAssertEqual(w.byteCount, ref.bytes.count)
        }
    }
}
