import LabctlTestSupport
import Foundation
import XCTest
import PromModel
@testable import Storage

final class WALHistogramTests: XCTestCase {
    private func decode(_ frame: [UInt8]) throws -> WALRecord? {
        let payload = Array(frame[WALRecordCodec.headerSize...])
        return try payload.withUnsafeBytes { try WALRecordCodec.decodePayload(type: frame[0], $0) }
    }

    private func randomSamples(_ n: Int, seed: UInt64) -> [WALHistogramSample] {
        var rng = SeededRandom(seed: seed)
        return (0..<n).map { i in
            WALHistogramSample(ref: UInt64.random(in: 1...50, using: &rng), t: Int64(i) * 15_000 - 7, h: HistogramTestSupport.random(&rng))
        }
    }

    /// Every histogram of a series in the storage, by the labels' text.
    private func histograms(_ storage: any Querier) throws -> [String: [HistogramSample]] {
        let all = try storage.select([try LabelMatcher(.regexMatch, "__name__", ".+")], mint: .min, maxt: .max)
        var out: [String: [HistogramSample]] = [:]
        for s in all where s.hasHistograms { out[s.labels.description] = s.histograms }
        return out
    }

    private func assertSame(_ a: [String: [HistogramSample]], _ b: [String: [HistogramSample]],
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), file: file, line: line)
        for (k, v) in a {
            XCTAssertTrue(HistogramTestSupport.equal(v, b[k] ?? []), "series \(k)", file: file, line: line)
        }
    }

    // MARK: - Records

    func testHistogramSampleRecordsRoundTripBitForBit() throws {
        let samples = randomSamples(2_000, seed: 1)
        let frame = WALRecordCodec.frame(.histogramSamples(samples))
        XCTAssertEqual(frame[0], WALRecordType.histogramSamples.rawValue)
        guard case .histogramSamples(let back)? = try decode(frame) else { return XCTFail("not histogram samples") }
        XCTAssertEqual(back, samples)
        XCTAssertEqual(try decode(WALRecordCodec.frame(.histogramSamples([]))), .histogramSamples([]))
    }

    func testHistogramChunkRecordsRoundTrip() throws {
        let hs = randomSamples(300, seed: 2).map { HistogramSample(t: $0.t, h: $0.h) }
        let chunks = MemSeries.rechunk(hs).map { WALHistogramChunk(ref: 4, $0.sealed()) }
        let frame = WALRecordCodec.frame(.histogramChunks(chunks))
        guard case .histogramChunks(let back)? = try decode(frame) else { return XCTFail("not histogram chunks") }
        XCTAssertEqual(back, chunks)
        XCTAssertTrue(HistogramTestSupport.equal(back.flatMap(\.encoded.samples), hs))
        let lying = WALRecord.histogramChunks([WALHistogramChunk(ref: 1, count: 1_000, minT: 0, maxT: 0, bytes: [1])])
        XCTAssertThrowsError(try decode(WALRecordCodec.frame(lying)))
    }

    func testTruncatedMutatedAndRandomHistogramPayloadsNeverCrash() throws {
        let frame = WALRecordCodec.frame(.histogramSamples(randomSamples(3, seed: 3)))
        for cut in WALRecordCodec.headerSize..<frame.count {
            XCTAssertThrowsError(try decode(Array(frame[..<cut])), "cut at \(cut)")
        }
        var rng = SeededRandom(seed: 4)
        var decoded = 0
        for _ in 0..<3_000 {
            var bytes = frame
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bytes[Int.random(in: WALRecordCodec.headerSize..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if (try? decode(bytes)) != nil { decoded += 1 }
            let random = (0..<Int.random(in: 0..<80, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            for type: UInt8 in [5, 6] {
                _ = try? random.withUnsafeBytes { try WALRecordCodec.decodePayload(type: type, $0) }
            }
        }
        XCTAssertGreaterThan(decoded, 0, "some mutations leave a decodable record")
        // A count of 2^62 buckets must not reserve memory for them.
        var w = WALByteWriter()
        w.uvarint(1); w.varint(1); w.varint(0); w.byte(4); w.varint(0); w.le64(0); w.le64(0); w.varint(0); w.varint(0)
        w.uvarint(1 << 62)
        XCTAssertThrowsError(try decode([5, 0, 0, 0, 0, 0, 0, 0, 0] + w.buffer))
    }

    // MARK: - Persistent storage

    private func fillMixed(_ storage: any Storage, steps: Int) throws {
        var rng = SeededRandom(seed: 5)
        let counter = HistogramTestSupport.counterSeries(steps: steps, buckets: 8, &rng)
        for i in 0..<steps {
            let app = storage.appender()
            let t = Int64(i) * 15_000
            try app.appendHistogram(["__name__": "h", "job": "a"], t: t, h: counter[i])
            try app.appendHistogram(["__name__": "r", "job": "b"], t: t, h: HistogramTestSupport.random(&rng))
            // A series switching kinds within one batch: float, then histogram, then float.
            let mixed: Labels = ["__name__": "m", "job": "c"]
            if i % 3 == 0 { try app.appendHistogram(mixed, t: t, h: counter[i]) } else { try app.append(mixed, t: t, v: Double(i)) }
            try app.append(["__name__": "f", "job": "d"], t: t, v: Double(i))
            try app.commit()
        }
        let app = storage.appender()
        try app.appendHistogram(["__name__": "h", "job": "a"], t: Int64(steps) * 15_000,
                                h: FloatHistogram(schema: 3, zeroThreshold: 2.938735877055719e-39, sum: StaleNaN.value))
        try app.commit()
    }

    func testHistogramsSurviveReplayOfTheLog() throws {
        let dir = WALTestSupport.directory(self)
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        try fillMixed(storage, steps: 200)
        let want = try histograms(storage)
        let floats = try WALTestSupport.contents(storage)
        XCTAssertEqual(want.count, 3)
        try storage.close()
        let again = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? again.close() }
        assertSame(want, try histograms(again))
        XCTAssertEqual(try WALTestSupport.contents(again), floats)
        XCTAssertEqual(again.replayReport.samplesRejected, 0)
        XCTAssertTrue(again.replayReport.warnings.isEmpty, "\(again.replayReport.warnings)")
    }

    func testHistogramsSurviveACheckpointAndItsRetention() throws {
        let dir = WALTestSupport.directory(self)
        var options = WALTestSupport.logOnly()
        let storage = try PersistentStorage.open(directory: dir, options: options)
        try fillMixed(storage, steps: 400)
        let report = try storage.checkpoint()
        XCTAssertGreaterThan(report.samples, 1_200)
        let want = try histograms(storage)
        try storage.close()
        let again = try PersistentStorage.open(directory: dir, options: options)
        assertSame(want, try histograms(again))
        XCTAssertEqual(again.replayReport.checkpoint, report.segment)
        // Retention that cuts through the histogram chunks keeps exactly the samples after the cutoff.
        options.retention = .seconds(1_000)
        try again.close()
        let cut = try PersistentStorage.open(directory: dir, options: options)
        let cutReport = try cut.checkpoint()
        try cut.close()
        let last = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? last.close() }
        let newest = Int64(400) * 15_000
        let kept = try histograms(last)
        XCTAssertGreaterThan(cutReport.samples, 0)
        for (k, v) in want {
            XCTAssertTrue(HistogramTestSupport.equal(kept[k] ?? [], v.filter { $0.t >= newest - 1_000_000 }), "series \(k)")
        }
    }

    func testCorruptHistogramRecordsInTheLogAreRepaired() throws {
        let dir = WALTestSupport.directory(self)
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        try fillMixed(storage, steps: 50)
        try storage.close()
        guard let segment = WALTestSupport.segments(dir).last else { return XCTFail("no segment") }
        var bytes = try WALTestSupport.bytes(segment)
        var rng = SeededRandom(seed: 6)
        for _ in 0..<8 { bytes[Int.random(in: bytes.count / 2..<bytes.count, using: &rng)] ^= 0x5A }
        try WALTestSupport.write(bytes, to: segment)
        let again = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? again.close() }
        XCTAssertFalse(again.replayReport.warnings.isEmpty)
        XCTAssertGreaterThan(again.stats().histogramSampleCount, 0)
    }
}
