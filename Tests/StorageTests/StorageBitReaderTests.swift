import XCTest
@testable import Storage

/// The register-based `BitReader` against a plain bit-by-bit reading of the same bytes.
final class StorageBitReaderTests: XCTestCase {
    private func bit(_ bytes: [UInt8], _ i: Int) -> Bool { (bytes[i >> 3] >> UInt8(7 - (i & 7))) & 1 == 1 }

    func testMixedReadsMatchBitByBitReading() {
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        trial: for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8.random(in: 0...255, using: &rng) : 0xFF
            }
            var reader = BitReader(bytes)
            var pos = 0
            let total = bytes.count * 8
            while true {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0:
                    let n = Int.random(in: 0...64, using: &rng)
                    let got = reader.readBits(n)
                    if n > total - pos {
                        XCTAssertNil(got)
                    } else {
                        var want: UInt64 = 0
                        for i in 0..<n { want = want << 1 | (bit(bytes, pos + i) ? 1 : 0) }
                        XCTAssertEqual(got, want)
                        pos += n
                    }
                case 1:
                    let got = reader.readBit()
                    XCTAssertEqual(got, pos < total ? bit(bytes, pos) : nil)
                    if pos < total { pos += 1 }
                default:
                    let limit = Int.random(in: 1...8, using: &rng)
                    var ones = 0, p = pos, ended = false
                    while ones < limit {
                        guard p < total else { ended = true; break }
                        let b = bit(bytes, p)
                        p += 1
                        if !b { break }
                        ones += 1
                    }
                    let got = reader.readOnes(upTo: limit)
                    if ended {
                        XCTAssertNil(got)
                        continue trial
                    }
                    XCTAssertEqual(got, ones)
                    pos = p
                }
                XCTAssertEqual(reader.remainingBits, total - pos)
                checked += 1
                if pos == total { break }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }
}
