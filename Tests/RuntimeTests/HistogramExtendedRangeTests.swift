import XCTest
import PromModel
import PromQL
import Storage
@testable import Runtime

/// `anchored`/`smoothed` over histograms and the selectors read for histogram statistics.
final class HistogramExtendedRangeTests: XCTestCase {
    func point(_ seconds: Int64, _ count: Double, _ hint: FloatHistogram.CounterResetHint = .unknown) -> HistogramPoint {
        HistogramPoint(t: seconds * 1000, h: FloatHistogram(counterResetHint: hint, count: count, sum: count,
                                                            positive: [HistogramBucket(index: 0, count: count)]))
    }

    func testAnchoredIncreaseCountsAResetAtTheLastSampleOnce() {
        let w = [point(0, 5), point(30, 10), point(60, 3, .counterReset)][...]
        var notes = HistogramWindowNotes()
        let h = HistogramRangeFunctions.extendedDelta(w, rangeStart: 0, rangeEnd: 70_000, rangeSeconds: 70,
                                                      smoothed: false, isCounter: true, isRate: false, notes: &notes)
        XCTAssertEqual(h?.count, 8)
        XCTAssertEqual(h?.counterResetHint, .gauge)
    }

    func testSmoothedLeftBoundaryAcrossAResetIsNotCountedTwice() throws {
        let w = [point(10, 396, .notCounterReset), point(20, 110, .counterReset), point(30, 194, .notCounterReset)][...]
        var notes = HistogramWindowNotes()
        let h = HistogramRangeFunctions.extendedDelta(w, rangeStart: 19_500, rangeEnd: 20_500, rangeSeconds: 1,
                                                      smoothed: true, isCounter: true, isRate: true, notes: &notes)
        XCTAssertEqual(try XCTUnwrap(h).count, 9.7, accuracy: 1e-9)
    }

    func testInterpolationRefusesMixedSchemas() {
        let custom = HistogramPoint(t: 0, h: FloatHistogram(schema: FloatHistogram.customBucketsSchema, count: 1,
                                                            customValues: [5]))
        XCTAssertThrowsError(try HistogramRangeFunctions.interpolate(custom, point(30, 1), at: 15_000, isCounter: true))
    }

    func testStatsSelectorsAreThoseUnderHistogramCountWithoutSubqueryOrQuantile() throws {
        let parser = Parser(options: .allExperimental)
        XCTAssertEqual(Evaluator.histogramStatsSelectors(try parser.parseExpr("histogram_count(sum(m))")).count, 1)
        XCTAssertTrue(Evaluator.histogramStatsSelectors(try parser.parseExpr("sum(m)")).isEmpty)
        XCTAssertTrue(Evaluator.histogramStatsSelectors(try parser.parseExpr("histogram_count(increase(m[5m:1m]))")).isEmpty)
        XCTAssertTrue(Evaluator.histogramStatsSelectors(
            try parser.parseExpr("histogram_quantile(0.5, histogram_count(m))")).isEmpty)
    }

    func testComputedHintsSayResetOrNotResetAgainstThePreviousSample() {
        let samples = [point(0, 5), point(60, 7), point(120, 2), point(180, 3, .gauge)].map {
            HistogramSample(t: $0.t, h: $0.h)
        }
        let hinted = Evaluator.withComputedHints(samples, previous: nil).map(\.h.counterResetHint)
        XCTAssertEqual(hinted, [.unknown, .notCounterReset, .counterReset, .gauge])
    }
}
