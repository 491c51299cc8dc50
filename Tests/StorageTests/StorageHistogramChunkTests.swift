import LabctlTestSupport
import XCTest
import PromModel
@testable import Storage

final class StorageHistogramChunkTests: XCTestCase {
    /// Appends every sample, cutting chunks as `MemSeries` does, and decodes them back.
    private func roundTrip(_ samples: [HistogramSample]) -> (back: [HistogramSample], chunks: [EncodedHistogramChunk]) {
        let chunks = MemSeries.rechunk(samples).map { $0.sealed() }
        return (chunks.flatMap(\.samples), chunks)
    }

    func testManyRandomHistogramsRoundTripBitForBit() {
        var rng = SeededRandom(seed: 15)
        var samples: [HistogramSample] = []
        var t: Int64 = 1_700_000_000_000
        for _ in 0..<3_000 {
            t += [15_000, 15_000, 15_001, 1, 86_400_000, 1 << 40][Int.random(in: 0..<6, using: &rng)]
            samples.append(HistogramSample(t: t, h: HistogramTestSupport.random(&rng)))
        }
        let (back, chunks) = roundTrip(samples)
        XCTAssertTrue(HistogramTestSupport.equal(back, samples))
        XCTAssertEqual(chunks.reduce(0) { $0 + $1.count }, samples.count)
    }

    func testSameLayoutSamplesShareAChunkAndEveryHintRoundTrips() {
        var rng = SeededRandom(seed: 7)
        var hs = HistogramTestSupport.counterSeries(steps: 100, buckets: 12, &rng)
        for i in hs.indices { hs[i].counterResetHint = [.unknown, .notCounterReset, .gauge][i % 3] }
        let samples = hs.enumerated().map { HistogramSample(t: Int64($0.offset) * 15_000, h: $0.element) }
        let (back, chunks) = roundTrip(samples)
        XCTAssertEqual(chunks.count, 1)
        XCTAssertTrue(HistogramTestSupport.equal(back, samples))
    }

    func testCounterResetLayoutChangeAndFloatCountsCutChunks() {
        let a = FloatHistogram(count: 2, sum: 1, positive: [HistogramBucket(index: 0, count: 2)])
        var reset = a
        reset.counterResetHint = .counterReset
        var wider = a
        wider.positive.append(HistogramBucket(index: 1, count: 0))
        var fractional = wider
        fractional.count = 2.5
        let samples = [a, a, reset, wider, fractional, fractional].enumerated().map {
            HistogramSample(t: Int64($0.offset) * 1_000, h: $0.element)
        }
        let (back, chunks) = roundTrip(samples)
        XCTAssertEqual(chunks.map(\.count), [2, 1, 1, 2])
        XCTAssertTrue(HistogramTestSupport.equal(back, samples))
        // The counter-reset header: the first two bits of the chunk hold the first sample's hint.
        XCTAssertEqual(chunks[1].bytes.first.map { $0 >> 6 }, 1)
    }

    func testStaleMarkersStayInTheChunk() {
        let h = FloatHistogram(schema: 2, zeroThreshold: 0.001, zeroCount: 1, count: 3, sum: 4,
                               positive: [HistogramBucket(index: 3, count: 2)])
        let stale = FloatHistogram(schema: 2, zeroThreshold: 0.001, sum: StaleNaN.value)
        let samples = [h, stale, h, stale].enumerated().map { HistogramSample(t: Int64($0.offset) * 15_000, h: $0.element) }
        let (back, chunks) = roundTrip(samples)
        XCTAssertEqual(chunks.count, 1)
        XCTAssertTrue(HistogramTestSupport.equal(back, samples))
        XCTAssertTrue(isStaleNaN(back[3].h.sum))
    }

    func testCorruptOrTruncatedChunksNeverCrash() {
        var rng = SeededRandom(seed: 99)
        var samples: [HistogramSample] = []
        for i in 0..<400 { samples.append(HistogramSample(t: Int64(i) * 15_000, h: HistogramTestSupport.random(&rng))) }
        let chunks = MemSeries.rechunk(samples).map { $0.sealed() }
        var decoded = 0
        for chunk in chunks {
            for _ in 0..<20 {
                var bytes = chunk.bytes
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
                case 1: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
                default: bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                }
                let count = Int.random(in: 0...1_000, using: &rng)
                let bad = EncodedHistogramChunk(bytes: bytes, count: count, minT: 0, maxT: 0)
                let out = bad.samples
                XCTAssertLessThanOrEqual(out.count, count)
                decoded += out.count
            }
        }
        XCTAssertGreaterThan(decoded, 0)
    }

    func testBytesPerSampleOfACounterHistogram() throws {
        var rng = SeededRandom(seed: 3)
        let hs = HistogramTestSupport.counterSeries(steps: 5_760, buckets: 20, &rng)
        let storage = MemoryStorage()
        let labels: Labels = ["__name__": "request_duration_seconds", "job": "api"]
        for (i, h) in hs.enumerated() {
            let app = storage.appender()
            try app.appendHistogram(labels, t: Int64(i) * 15_000, h: h)
            try app.commit()
        }
        let stats = storage.stats()
        XCTAssertEqual(stats.histogramSampleCount, 5_760)
        // 20 integer buckets growing a little each step: a few bytes, far from the 200 decoded.
        XCTAssertLessThan(stats.bytesPerHistogramSample, 24)
        print("histogram chunks: \(String(format: "%.2f", stats.bytesPerHistogramSample)) bytes/sample (20 buckets)")
        let back = try storage.select([try LabelMatcher(.equal, "job", "api")], mint: .min, maxt: .max)
        XCTAssertTrue(HistogramTestSupport.equal(back.first?.histograms ?? [],
                                                 hs.enumerated().map { HistogramSample(t: Int64($0.offset) * 15_000, h: $0.element) }))
    }

    func testMixedFloatAndHistogramSeriesSelectsBothKindsInRange() throws {
        let s = MemoryStorage()
        let labels: Labels = ["__name__": "m"]
        let h = FloatHistogram(count: 1, sum: 1, positive: [HistogramBucket(index: 0, count: 1)])
        for i in 0..<300 {
            let app = s.appender()
            if (i / 50) % 2 == 0 { try app.append(labels, t: Int64(i) * 1_000, v: Double(i)) } else {
                try app.appendHistogram(labels, t: Int64(i) * 1_000, h: h.scaled(by: Double(i)))
            }
            try app.commit()
        }
        let set = try s.select([try LabelMatcher(.equal, "__name__", "m")], mint: 60_000, maxt: 160_000)
        XCTAssertEqual(set.first?.histograms.map(\.t), (60...99).map { Int64($0) * 1_000 } + (150...160).map { Int64($0) * 1_000 })
        XCTAssertEqual(set.first?.samples.map(\.t), (100...149).map { Int64($0) * 1_000 })
        XCTAssertEqual(s.stats().sampleCount, 300)
        XCTAssertEqual(s.stats().histogramSampleCount, 150)
    }
}
