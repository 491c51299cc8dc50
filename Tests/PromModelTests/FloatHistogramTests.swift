import XCTest
@testable import PromModel

final class FloatHistogramTests: XCTestCase {
    private func h(schema: Int32 = 0, count: Double, sum: Double = 0, zeroCount: Double = 0, zeroThreshold: Double = 0,
                   positive: [(Int32, Double)] = [], negative: [(Int32, Double)] = [], custom: [Double] = [],
                   hint: FloatHistogram.CounterResetHint = .unknown) -> FloatHistogram {
        FloatHistogram(counterResetHint: hint, schema: schema, zeroThreshold: zeroThreshold, zeroCount: zeroCount,
                       count: count, sum: sum, positive: positive.map { HistogramBucket(index: $0.0, count: $0.1) },
                       negative: negative.map { HistogramBucket(index: $0.0, count: $0.1) }, customValues: custom)
    }

    func testBoundsOfExponentialAndCustomBuckets() {
        XCTAssertEqual(FloatHistogram.exponentialBound(0, schema: 0), 1)
        XCTAssertEqual(FloatHistogram.exponentialBound(3, schema: 0), 8)
        XCTAssertEqual(FloatHistogram.exponentialBound(1, schema: -2), 16)
        XCTAssertEqual(FloatHistogram.exponentialBound(1, schema: 1), 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(FloatHistogram.exponentialBound(-3, schema: 1), 1 / 2.0.squareRoot() / 2, accuracy: 1e-15)
        XCTAssertEqual(FloatHistogram.exponentialBound(.max, schema: 0), .infinity)
        XCTAssertEqual(FloatHistogram.exponentialBound(.min, schema: -4), 0)
        let c = h(schema: -53, count: 3, positive: [(0, 1), (2, 2)], custom: [1, 5])
        XCTAssertEqual(c.lowerBound(0), -.infinity)
        XCTAssertEqual(c.upperBound(0), 1)
        XCTAssertEqual(c.lowerBound(2), 5)
        XCTAssertEqual(c.upperBound(2), .infinity)
    }

    func testSpansRoundTrip() throws {
        let a = h(count: 6, positive: [(-2, 1), (0, 2), (1, 3)])
        XCTAssertEqual(a.positiveSpans, [HistogramSpan(offset: -2, length: 1), HistogramSpan(offset: 1, length: 2)])
        XCTAssertEqual(FloatHistogram.buckets(spans: a.positiveSpans, counts: [1, 2, 3]), a.positive)
        XCTAssertNil(FloatHistogram.buckets(spans: a.positiveSpans, counts: [1, 2]), "counts must fill the spans")
        XCTAssertNil(FloatHistogram.buckets(spans: [HistogramSpan(offset: 0, length: 1), HistogramSpan(offset: -3, length: 1)],
                                            counts: [1, 1]), "only the first span may have a negative offset")
        XCTAssertNil(FloatHistogram.buckets(spans: [HistogramSpan(offset: .max, length: 2)], counts: [1, 1]),
                     "indexes beyond Int32 are rejected")
    }

    func testAddSameSchemaMergesBuckets() throws {
        let a = h(count: 3, sum: 4, zeroCount: 1, positive: [(0, 1), (1, 1)])
        let b = h(count: 4, sum: 6, positive: [(1, 2), (3, 2)], negative: [(0, 1)])
        let r = try a.adding(b).result
        XCTAssertEqual(r.count, 7)
        XCTAssertEqual(r.sum, 10)
        XCTAssertEqual(r.zeroCount, 1)
        XCTAssertEqual(r.positive, [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 3),
                                    HistogramBucket(index: 3, count: 2)])
        XCTAssertEqual(r.negative, [HistogramBucket(index: 0, count: 1)])
    }

    func testAddReducesToTheCoarserSchema() throws {
        // Schema 1 buckets 1, 2 → schema 0 bucket 1; bucket 3 → 2.
        let fine = h(schema: 1, count: 3, positive: [(1, 1), (2, 1), (3, 1)])
        let coarse = h(schema: 0, count: 1, positive: [(1, 1)])
        let r = try fine.adding(coarse).result
        XCTAssertEqual(r.schema, 0)
        XCTAssertEqual(r.positive, [HistogramBucket(index: 1, count: 3), HistogramBucket(index: 2, count: 1)])
    }

    func testWiderZeroBucketAbsorbsBuckets() throws {
        let a = h(count: 2, zeroCount: 1, zeroThreshold: 0.001, positive: [(0, 1)])
        // Bucket 0 of schema 0 is (0.5, 1]: a threshold of 0.7 straddles it and widens to 1.
        let b = h(count: 1, zeroCount: 1, zeroThreshold: 0.7)
        let r = try a.adding(b).result
        XCTAssertEqual(r.zeroThreshold, 1)
        XCTAssertEqual(r.zeroCount, 3)
        XCTAssertTrue(r.positive.isEmpty)
    }

    func testSubtractIsAGaugeAndMixedSchemasFail() throws {
        let a = h(count: 5, sum: 5, positive: [(0, 5)], hint: .notCounterReset)
        let b = h(count: 2, sum: 2, positive: [(0, 2)])
        let r = try a.subtracting(b).result
        XCTAssertEqual(r.count, 3)
        XCTAssertEqual(r.counterResetHint, .gauge)
        XCTAssertThrowsError(try a.adding(h(schema: -53, count: 1, custom: [1])))
    }

    func testCustomBoundsAreReconciledToTheCommonOnes() throws {
        let a = h(schema: -53, count: 3, positive: [(0, 1), (1, 1), (2, 1)], custom: [1, 2])
        let b = h(schema: -53, count: 2, positive: [(0, 1), (1, 1)], custom: [2])
        let c = try a.adding(b)
        XCTAssertTrue(c.customBoundsReconciled)
        XCTAssertEqual(c.result.customValues, [2])
        XCTAssertEqual(c.result.positive, [HistogramBucket(index: 0, count: 3), HistogramBucket(index: 1, count: 2)])
    }

    func testCounterResetHintCollision() throws {
        let c = try h(count: 1, hint: .counterReset).adding(h(count: 1, hint: .notCounterReset))
        XCTAssertTrue(c.counterResetCollision)
        XCTAssertEqual(c.result.counterResetHint, .unknown)
        XCTAssertEqual(try h(count: 1, hint: .gauge).adding(h(count: 1)).result.counterResetHint, .gauge)
    }

    func testScaleAndCompact() {
        let a = h(count: 2, sum: 3, zeroCount: 1, positive: [(0, 0), (1, 1)]).scaled(by: -2)
        XCTAssertEqual(a.count, -4)
        XCTAssertEqual(a.sum, -6)
        XCTAssertEqual(a.zeroCount, -2)
        XCTAssertEqual(a.compacted().positive, [HistogramBucket(index: 1, count: -2)])
    }

    func testDetectsReset() {
        let prev = h(count: 5, positive: [(0, 2), (1, 3)])
        XCTAssertFalse(h(count: 6, positive: [(0, 2), (1, 4)]).detectsReset(after: prev))
        XCTAssertTrue(h(count: 4, positive: [(0, 2), (1, 2)]).detectsReset(after: prev), "count went down")
        XCTAssertTrue(h(count: 6, positive: [(0, 6)]).detectsReset(after: prev), "a bucket went down")
        XCTAssertTrue(h(schema: 1, count: 6, positive: [(0, 6)]).detectsReset(after: prev), "finer schema")
        XCTAssertFalse(h(schema: -1, count: 6, positive: [(0, 2), (1, 4)]).detectsReset(after: prev),
                       "coarser schema: buckets compared after reducing the previous one")
        XCTAssertTrue(h(count: 6, positive: [(0, 2), (1, 4)], hint: .counterReset).detectsReset(after: prev))
        XCTAssertFalse(h(count: 1, hint: .notCounterReset).detectsReset(after: prev))
    }

    func testCustomBoundsThatDifferAreComparedOnTheCommonBounds() {
        let prev = h(schema: -53, count: 1, positive: [(0, 1)], custom: [5, 10])
        XCTAssertFalse(h(schema: -53, count: 1, positive: [(0, 1)], custom: [5]).detectsReset(after: prev))
        XCTAssertTrue(h(schema: -53, count: 1, positive: [(1, 1)], custom: [5]).detectsReset(after: prev),
                      "the observation moved above the common bound 5")
        XCTAssertTrue(h(count: 1, positive: [(0, 1)]).detectsReset(after: prev), "custom to exponential")
    }

    func testDescriptionIsTheTestNotation() {
        XCTAssertEqual(h(count: 4, sum: 5, positive: [(0, 1), (2, 1)]).description, "{{count:4 sum:5 buckets:[1 0 1]}}")
        XCTAssertEqual(h(schema: -53, count: 1, positive: [(1, 1)], custom: [1]).description,
                       "{{schema:-53 count:1 sum:0 custom_values:[1] offset:1 buckets:[1]}}")
        XCTAssertEqual(h(count: 2, positive: [(-5000, 1), (5000, 1)]).description, "{{count:2 sum:0 offset:-5000 buckets:[…]}}")
    }
}
