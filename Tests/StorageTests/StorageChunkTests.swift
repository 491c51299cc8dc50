import XCTest
@testable import Storage

final class StorageChunkTests: XCTestCase {
    private func roundTrip(_ samples: [Sample], file: StaticString = #filePath, line: UInt = #line) {
        let series = Series(labels: ["__name__": "x"], samples: samples)
        let decoded = series.samples
        XCTAssertEqual(decoded.count, samples.count, file: file, line: line)
        for (a, b) in zip(decoded, samples) {
            XCTAssertEqual(a.t, b.t, file: file, line: line)
            XCTAssertEqual(a.v.bitPattern, b.v.bitPattern, "value at \(b.t)", file: file, line: line)
        }
    }

    func testRegularScrapeRoundTrip() {
        var samples: [Sample] = []
        var v = 0.0
        for i in 0..<1000 {
            v += Double(i % 7)
            samples.append(Sample(t: 1_700_000_000_000 + Int64(i) * 15_000 + Int64(i % 3), v: v))
        }
        roundTrip(samples)
    }

    func testSpecialValuesRoundTrip() {
        let values: [Double] = [.nan, .infinity, -.infinity, StaleNaN.value, -0.0, 0, -1e308,
                                .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1.5, -2.25, .nan]
        roundTrip(values.enumerated().map { Sample(t: Int64($0.offset) * 1000, v: $0.element) })
    }

    func testHugeAndNegativeDeltasRoundTrip() {
        let times: [Int64] = [Int64.min + 1, -5_000_000_000_000, -1, 0, 1, 8191, 8192 * 3, 1 << 40,
                              (1 << 40) + 1, Int64.max - 10, Int64.max]
        roundTrip(times.enumerated().map { Sample(t: $0.element, v: Double($0.offset)) })
    }

    func testRandomRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        var t: Int64 = -1_000_000
        var samples: [Sample] = []
        for _ in 0..<5000 {
            t += Int64.random(in: 1...100_000, using: &rng)
            let v = Bool.random(using: &rng) ? Double(Int.random(in: -10...10, using: &rng))
                : Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng))
            samples.append(Sample(t: t, v: v))
        }
        roundTrip(samples)
    }

    func testChunksAreCutAt120Samples() {
        let samples = (0..<250).map { Sample(t: Int64($0), v: 1) }
        let series = Series(labels: ["a": "b"], samples: samples)
        XCTAssertEqual(series.encodedChunks.map(\.count), [120, 120, 10])
        XCTAssertEqual(series.encodedChunks[1].minT, 120)
    }

    func testConstantSeriesCompressesWell() {
        let samples = (0..<120).map { Sample(t: Int64($0) * 15_000, v: 42) }
        let chunk = Series(labels: ["a": "b"], samples: samples).encodedChunks[0]
        // 16 header bytes + ~2 bits per later sample.
        XCTAssertLessThan(chunk.byteCount, 50)
    }

    func testIteratorRangeAndSeek() {
        let samples = (0..<500).map { Sample(t: Int64($0) * 10, v: Double($0)) }
        let full = Series(labels: ["a": "b"], samples: samples)
        XCTAssertEqual(full.samples(from: 995, to: 1030).map(\.t), [1000, 1010, 1020, 1030])
        var it = full.makeIterator()
        XCTAssertEqual(it.seek(to: 2405)?.t, 2410)
        XCTAssertEqual(it.seek(to: 2400)?.t, 2410, "seek never moves backwards")
        XCTAssertEqual(it.next()?.t, 2410)
        XCTAssertEqual(it.next()?.t, 2420)
        XCTAssertNil(it.seek(to: 10_000))
        XCTAssertNil(it.next())
    }

    func testStaleNaN() {
        XCTAssertTrue(isStaleNaN(StaleNaN.value))
        XCTAssertFalse(isStaleNaN(.nan))
        XCTAssertFalse(isStaleNaN(1))
        XCTAssertEqual(StaleNaN.value.bitPattern, 0x7ff0_0000_0000_0002)
        XCTAssertTrue(StaleNaN.value.isNaN)
    }

    func testBitWriterReaderRoundTrip() {
        var w = BitWriter()
        w.writeBits(0b101, count: 3)
        w.writeBit(true)
        w.writeBits(UInt64.max, count: 64)
        w.writeBits(0x1234, count: 13)
        XCTAssertEqual(w.bitCount, 81)
        var r = BitReader(w.bytes)
        XCTAssertEqual(r.readBits(3), 0b101)
        XCTAssertEqual(r.readBit(), true)
        XCTAssertEqual(r.readBits(64), UInt64.max)
        XCTAssertEqual(r.readBits(13), 0x1234 & 0x1fff)
        XCTAssertNil(r.readBits(64))
    }

    func testCorruptChunkStopsCleanly() {
        let chunk = EncodedChunk(bytes: [1, 2, 3], count: 10, minT: 0, maxT: 0)
        XCTAssertEqual(chunk.samples.count, 0)
    }
}
