import XCTest
import PromModel
@testable import Runtime

final class EngineLimitTests: EngineTestCase {
    func testTooManySamplesIsACleanError() throws {
        for i in 0..<50 {
            try load(["__name__": "big", "i": "\(i)"], step: 60, [Double?](repeating: 1, count: 100))
        }
        engine = Engine(options: EngineOptions(maxSamples: 1000))
        let expr = try parse("big")
        XCTAssertThrowsError(try engine.rangeQuery(expr, start: 0, end: 99 * 60_000, step: 60_000, querier: storage)) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .tooManySamples)
            XCTAssertEqual(($0 as? QueryError)?.message,
                           "query processing would load too many samples into memory in query execution")
        }
    }

    func testCancellationEndsTheQuery() throws {
        for i in 0..<300 {
            try load(["__name__": "c", "i": "\(i)"], step: 60, [Double?](repeating: 1, count: 10))
        }
        engine = Engine()
        let expr = try parse("sum(rate(c[5m]))")
        XCTAssertThrowsError(try engine.rangeQuery(expr, start: 0, end: 600_000, step: 1000, querier: storage,
                                                   shouldCancel: { true })) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .canceled)
        }
    }

    func testInvalidRangeQueryParameters() throws {
        let expr = try parse("1")
        XCTAssertThrowsError(try engine.rangeQuery(expr, start: 0, end: 10, step: 0, querier: storage))
        XCTAssertThrowsError(try engine.rangeQuery(expr, start: 10, end: 0, step: 1, querier: storage))
    }

    func testSmoothingFactorOutOfRangeFails() throws {
        try load(["__name__": "g"], step: 60, [1, 2, 3])
        assertFails("double_exponential_smoothing(g[5m], 1.5, 0.5)", at: 120,
                    containing: "invalid smoothing factor. Expected: 0 < sf < 1, got: 1.500000")
    }
}
