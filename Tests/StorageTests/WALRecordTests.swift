import XCTest
import PromModel
@testable import Storage

final class WALRecordTests: XCTestCase {
    private func roundTrip(_ record: WALRecord, file: StaticString = #filePath, line: UInt = #line) throws {
        let frame = WALRecordCodec.frame(record)
        let dir = WALTestSupport.directory(self)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/00000001"
        try WALTestSupport.write(frame + frame, to: path)
        var reader = try WALSegmentReader(path: path, maxRecordBytes: 16 << 20)
        XCTAssertEqual(reader.next(), record, file: file, line: line)
        XCTAssertEqual(reader.next(), record, file: file, line: line)
        XCTAssertNil(reader.next(), file: file, line: line)
        XCTAssertNil(reader.corruption, file: file, line: line)
        XCTAssertEqual(reader.offset, frame.count * 2, file: file, line: line)
    }

    func testSamplesRoundTripSpecialValuesAndExtremeTimes() throws {
        let odd = Double(bitPattern: 0x7ff8_0000_dead_beef)
        let samples = [
            WALSample(ref: 1, t: 1_700_000_000_000, v: 1.5),
            WALSample(ref: 2, t: 1_700_000_000_000, v: .nan),
            WALSample(ref: 3, t: 1_700_000_000_000, v: StaleNaN.value),
            WALSample(ref: 4, t: 1_700_000_000_000, v: .infinity),
            WALSample(ref: 5, t: 1_700_000_000_000, v: -.infinity),
            WALSample(ref: 6, t: 1_700_000_000_000, v: -0.0),
            WALSample(ref: 7, t: 1_700_000_000_000, v: odd),
            WALSample(ref: 1, t: .min, v: .greatestFiniteMagnitude),
            WALSample(ref: .max, t: .max, v: .leastNonzeroMagnitude),
            WALSample(ref: 0, t: -5, v: 0),
        ]
        try roundTrip(.samples(samples))
        let decoded = WALRecordCodec.frame(.samples(samples))
        XCTAssertEqual(decoded[0], WALRecordType.samples.rawValue)
        // Stale markers keep their exact bits (not just any NaN).
        guard case .samples(let back)? = try decode(decoded) else { return XCTFail("not samples") }
        XCTAssertTrue(isStaleNaN(back[2].v))
        XCTAssertFalse(isStaleNaN(back[1].v))
        XCTAssertEqual(back[6].v.bitPattern, odd.bitPattern)
    }

    func testStartTimestampsRoundTrip() throws {
        let samples = [WALSample(ref: 1, t: 10_000, v: 1, st: 5_000), WALSample(ref: 2, t: 10_000, v: 2),
                       WALSample(ref: 3, t: .max, v: 3, st: .min)]
        XCTAssertEqual(WALRecord.samples(samples).type, .samplesWithStart)
        try roundTrip(.samples(samples))
    }

    func testSeriesRoundTripWithBigLabelSetsAndUnicode() throws {
        var pairs: [Label] = [Label("__name__", "big_series")]
        for i in 0..<60 { pairs.append(Label("label_\(i)", String(repeating: "vñ€😀", count: 200 + i))) }
        let series = [
            WALSeries(ref: 1, labels: Labels(pairs)),
            WALSeries(ref: 2, labels: ["__name__": "up", "job": "a\"b\\c\n"]),
            WALSeries(ref: UInt64.max, labels: ["__name__": "x", "empty": ""]),
        ]
        try roundTrip(.series(series))
        try roundTrip(.series([]))
        try roundTrip(.samples([]))
    }

    func testScrapeBatchIsSmall() {
        // 1,000 series of one scrape: sequential refs, one timestamp.
        let samples = (1...1000).map { WALSample(ref: UInt64($0), t: 1_700_000_000_000, v: Double($0)) }
        let bytes = WALRecordCodec.frame(.samples(samples)).count
        XCTAssertLessThanOrEqual(bytes, 1000 * 10 + 16, "value (8) + ref delta (1) + time delta (1) per sample")
    }

    // MARK: - Malformed payloads

    private func decode(_ frame: [UInt8]) throws -> WALRecord? {
        let payload = Array(frame[WALRecordCodec.headerSize...])
        return try payload.withUnsafeBytes { try WALRecordCodec.decodePayload(type: frame[0], $0) }
    }

    func testTruncatedAndLyingPayloadsThrowInsteadOfCrashing() throws {
        let frame = WALRecordCodec.frame(.series([WALSeries(ref: 3, labels: ["__name__": "up", "job": "x"])]))
        for cut in WALRecordCodec.headerSize..<frame.count {
            XCTAssertThrowsError(try decode(Array(frame[..<cut])), "cut at \(cut)")
        }
        // A count of 2^62 series in a 3-byte payload must not reserve memory for them.
        let lying: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 0] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F]
        XCTAssertThrowsError(try decode(lying))
        let lyingSamples: [UInt8] = [2, 0, 0, 0, 0, 0, 0, 0, 0] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F, 0]
        XCTAssertThrowsError(try decode(lyingSamples))
        // An 11-byte varint overflows.
        XCTAssertThrowsError(try decode([2, 0, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0xFF, count: 11)))
        XCTAssertThrowsError(try decode([9, 0, 0, 0, 0, 0, 0, 0, 0, 0]), "unknown type")
    }

    func testRandomPayloadsNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<64, using: &rng)
            let payload = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            for type: UInt8 in [1, 2, 3] {
                _ = try? payload.withUnsafeBytes { try WALRecordCodec.decodePayload(type: type, $0) }
            }
        }
    }
}

extension WALRecordTests {
    func testChunkRecordsRoundTripAndDecodeToTheirSamples() throws {
        var chunk = XORChunk()
        for i in 0..<100 { XCTAssertTrue(chunk.append(t: Int64(i) * 15_000, v: i == 50 ? StaleNaN.value : Double(i) * 1.5, st: i == 3 ? 7 : 0)) }
        let encoded = chunk.sealed()
        let record = WALRecord.chunks([WALChunk(ref: 9, encoded), WALChunk(ref: 10, count: 0, minT: 0, maxT: 0, bytes: [])])
        try roundTrip(record)
        guard case .chunks(let back)? = try decode(WALRecordCodec.frame(record)) else { return XCTFail("not chunks") }
        XCTAssertEqual(back[0].encoded.samples, encoded.samples)
        XCTAssertEqual(back[0].startTimes?[3], 7)
        // A chunk claiming more samples than its bits could hold is refused.
        let lying = WALRecord.chunks([WALChunk(ref: 1, count: 1_000, minT: 0, maxT: 0, bytes: [1, 2])])
        XCTAssertThrowsError(try decode(WALRecordCodec.frame(lying)))
    }
}
