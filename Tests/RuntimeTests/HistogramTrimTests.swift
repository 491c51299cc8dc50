import XCTest
import PromModel
@testable import Runtime

/// The trim operators' math: interpolation inside a bucket, the sum estimated anew, the leaning zero
/// bucket and the infinite custom buckets.
final class HistogramTrimTests: XCTestCase {
    /// schema 0, zero bucket [-0.001, 0.001] = 1, positive (0.5,1]=2 (1,2]=4 (2,4]=8 (4,8]=16, negative 1 and 2.
    let exponential = FloatHistogram(schema: 0, zeroThreshold: 0.001, zeroCount: 1, count: 34, sum: 123.75,
                                     positive: [HistogramBucket(index: 0, count: 2), HistogramBucket(index: 1, count: 4),
                                                HistogramBucket(index: 2, count: 8), HistogramBucket(index: 3, count: 16)],
                                     negative: [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 2)])

    func testTrimOnABucketBoundaryKeepsWholeBucketsAndEstimatesTheSum() {
        let h = HistogramTrim.trim(exponential, at: 2, keepBelow: true)
        XCTAssertEqual(h.count, 10, accuracy: 1e-12)
        XCTAssertEqual(h.sum, 3.5355339059327373, accuracy: 1e-9)
        XCTAssertEqual(h.positive.map(\.count), [2, 4])
        XCTAssertEqual(h.zeroCount, 1)
    }

    func testTrimInsideAnExponentialBucketInterpolatesLogarithmically() {
        let h = HistogramTrim.trim(exponential, at: 2.squareRoot(), keepBelow: false)
        XCTAssertEqual(h.count, 26, accuracy: 1e-9)
        XCTAssertEqual(h.positive.first?.count ?? 0, 2, accuracy: 1e-9)
        XCTAssertEqual(h.sum, 116.50067065070982, accuracy: 1e-6)
        XCTAssertEqual(h.zeroCount, 0)
    }

    func testATrimThatKeepsEverythingLeavesTheHistogramAsItWas() {
        XCTAssertEqual(HistogramTrim.trim(exponential, at: -.infinity, keepBelow: false), exponential)
        XCTAssertEqual(HistogramTrim.trim(exponential, at: .infinity, keepBelow: true), exponential)
    }

    func testTheZeroBucketLeansToTheSideWithBuckets() {
        let positiveOnly = FloatHistogram(schema: 0, zeroThreshold: 0.5, zeroCount: 2, count: 12, sum: 8.02,
                                          positive: [HistogramBucket(index: 0, count: 10)])
        let h = HistogramTrim.trim(positiveOnly, at: 0.1, keepBelow: false)
        XCTAssertEqual(h.zeroCount, 1.6, accuracy: 1e-12)
        XCTAssertEqual(h.count, 11.6, accuracy: 1e-12)
        XCTAssertEqual(h.sum, 7.551067811865476, accuracy: 1e-9)
        XCTAssertEqual(HistogramTrim.trim(positiveOnly, at: 0, keepBelow: false), positiveOnly)
    }

    func testCustomBucketsInterpolateLinearlyAndTreatTheInfiniteBuckets() {
        let cbh = FloatHistogram(schema: FloatHistogram.customBucketsSchema, count: 15, sum: 172.5,
                                 positive: (0..<5).map { HistogramBucket(index: Int32($0), count: [1, 6, 4, 3, 1][$0]) },
                                 customValues: [5, 10, 15, 20])
        let below = HistogramTrim.trim(cbh, at: 13, keepBelow: true)
        XCTAssertEqual(below.count, 9.4, accuracy: 1e-12)
        XCTAssertEqual(below.sum, 75.1, accuracy: 1e-9)
        let above = HistogramTrim.trim(cbh, at: 15, keepBelow: false)
        XCTAssertEqual(above.count, 4, accuracy: 1e-12)
        XCTAssertEqual(above.sum, 72.5, accuracy: 1e-9, "the +Inf bucket counts at its lower bound")
        let dropsInf = HistogramTrim.trim(cbh, at: 50, keepBelow: true)
        XCTAssertEqual(dropsInf.count, 14, accuracy: 1e-12, "</ drops the +Inf bucket whole")
    }
}
