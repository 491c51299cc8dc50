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
