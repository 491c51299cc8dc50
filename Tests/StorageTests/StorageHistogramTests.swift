import XCTest
import PromModel
@testable import Storage

final class StorageHistogramTests: XCTestCase {
    private let labels: Labels = ["__name__": "h", "job": "a"]
    private func hist(_ count: Double) -> FloatHistogram {
        FloatHistogram(count: count, sum: count, positive: [HistogramBucket(index: 0, count: count)])
    }

    func testMixedFloatAndHistogramSamplesInOneBatch() throws {
        let s = MemoryStorage()
        let app = s.appender()
        try app.append(labels, t: 0, v: 1)
        try app.appendHistogram(labels, t: 1_000, h: hist(2))
        try app.append(labels, t: 2_000, v: StaleNaN.value)
        try app.appendHistogram(labels, t: 3_000, h: hist(3))
        try app.commit()
        let set = try s.select([try LabelMatcher(.equal, "__name__", "h")], mint: 0, maxt: 10_000)
        XCTAssertEqual(set.count, 1)
        XCTAssertEqual(set[0].histograms.map(\.t), [1_000, 3_000])
        XCTAssertEqual(set[0].histograms.last?.h.count, 3)
        XCTAssertEqual(set[0].samples.map(\.t), [0, 2_000])
        XCTAssertEqual(s.stats().sampleCount, 4)
        // Selecting only the histograms' time still finds the series.
        let late = try s.select([try LabelMatcher(.equal, "job", "a")], mint: 2_500, maxt: 3_500)
        XCTAssertEqual(late.first?.histograms.map(\.t), [3_000])
        XCTAssertTrue(late.first?.samples.isEmpty == true)
    }

    func testStartTimestampsSurviveChunksSealingAndRetention() throws {
        let s = MemoryStorage()
        let app = s.appender()
        // No start timestamp at first, then one per sample, past a chunk cut (120 samples).
        for i in 0..<300 {
            let t = Int64(i) * 1_000
            try app.appendHistogram(labels, t: t, h: hist(Double(i)), st: i < 5 ? 0 : t - 500)
        }
        try app.commit()
        let all = try s.select([try LabelMatcher(.equal, "job", "a")], mint: 0, maxt: 400_000)
        let hs = try XCTUnwrap(all.first).histograms
        XCTAssertEqual(hs.count, 300)
        XCTAssertEqual(hs.prefix(5).map(\.st), [0, 0, 0, 0, 0])
        XCTAssertEqual(hs[5].st, 4_500)
        XCTAssertEqual(hs[299].st, 298_500)
        _ = s.truncate(before: 150_500)
        let kept = try XCTUnwrap(try s.select([try LabelMatcher(.equal, "job", "a")], mint: 0, maxt: 400_000).first)
        XCTAssertEqual(kept.histograms.first?.t, 151_000)
        XCTAssertEqual(kept.histograms.first?.st, 150_500)
    }

    func testOrderAndDuplicateChecksCoverBothKinds() throws {
        let s = MemoryStorage()
        let app = s.appender()
        try app.appendHistogram(labels, t: 5_000, h: hist(1))
        XCTAssertThrowsError(try app.append(labels, t: 4_000, v: 1)) { error in
            XCTAssertEqual((error as? StorageError)?.kind, .outOfOrderSample)
        }
        try app.appendHistogram(labels, t: 5_000, h: hist(1))  // identical: dropped silently
        XCTAssertThrowsError(try app.appendHistogram(labels, t: 5_000, h: hist(2))) { error in
            XCTAssertEqual((error as? StorageError)?.kind, .duplicateSampleForTimestamp)
        }
        try app.commit()
        let later = s.appender()
        XCTAssertThrowsError(try later.appendHistogram(labels, t: 1_000, h: hist(1)))
        XCTAssertEqual(s.stats().sampleCount, 1)
    }

    func testRetentionDropsOldHistograms() throws {
        let s = MemoryStorage()
        let app = s.appender()
        for t in stride(from: Int64(0), through: 4_000, by: 1_000) { try app.appendHistogram(labels, t: t, h: hist(Double(t))) }
        try app.commit()
        s.truncate(before: 2_500)
        let set = try s.select([try LabelMatcher(.equal, "job", "a")], mint: .min, maxt: .max)
        XCTAssertEqual(set.first?.histograms.map(\.t), [3_000, 4_000])
        s.truncate(before: 10_000)
        XCTAssertEqual(s.stats().seriesCount, 0)
    }

    func testRollbackDiscardsHistograms() throws {
        let s = MemoryStorage()
        let app = s.appender()
        try app.appendHistogram(labels, t: 0, h: hist(1))
        app.rollback()
        try app.commit()
        XCTAssertEqual(s.stats().sampleCount, 0)
    }
}
