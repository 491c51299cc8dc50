import XCTest
import PromModel
@testable import Runtime

/// The text `count_values` gives a histogram, as Prometheus's `FloatHistogram.String()`.
final class HistogramTextTests: XCTestCase {
    func testBucketsFromMostNegativeToMostPositive() {
        let h = FloatHistogram(schema: 0, zeroThreshold: 0.001, zeroCount: 2, count: 20, sum: 10,
                               positive: [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 2)],
                               negative: [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 2)])
        XCTAssertEqual(HistogramText.string(h),
                       "{count:20, sum:10, [-2,-1):2, [-1,-0.5):1, [-0.001,0.001]:2, (0.5,1]:1, (1,2]:2}")
    }

    func testEmptyBucketsAreLeftOutAndCustomBoundsReachInfinity() {
        let h = FloatHistogram(schema: FloatHistogram.customBucketsSchema, count: 3, sum: 1e6,
                               positive: [HistogramBucket(index: 0, count: 0), HistogramBucket(index: 1, count: 3)],
                               customValues: [5])
        XCTAssertEqual(HistogramText.string(h), "{count:3, sum:1e+06, (5,+Inf]:3}")
    }
}
