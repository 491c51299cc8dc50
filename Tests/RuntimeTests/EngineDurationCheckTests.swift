import XCTest
import PromModel
@testable import Runtime

/// Duration expressions are checked before evaluation with Prometheus's messages: ranges and
/// subquery steps must be positive, and no duration may be infinite, NaN or beyond ±292 years.
final class EngineDurationCheckTests: EngineTestCase {
    override func setUpWithError() throws {
        try load(["__name__": "up", "job": "a"], step: 60, [1, 1, 1, 1, 1])
    }

    func testNonPositiveRangesAndStepsFail() {
        for q in ["up[1m - 2m]", "rate(up[1m - 1m])", "up[5m:(30s - 30s)]", "max_over_time(up[(1m - 2m):1m])",
                  "count_over_time(up[step()])", "up[min_of(1m, -1s)]"] {
            assertFails(q, at: 240, containing: "duration must be greater than 0")
        }
    }

    func testOutOfRangeDurationsFail() {
        for q in ["up offset (2^1000)", "up offset -(2^1000)", "up offset (200y * 2)", "up[(2^1000 * 2^100)]",
                  "up[(2^1000 * 2^100 - 2^1000 * 2^100)]", "up[5m:(2^1000)]", "up[5m:1m] offset (2^63)", "rate(up[(200y + 93y)])"] {
            assertFails(q, at: 240, containing: "duration is out of range")
        }
    }

    func testValidDurationExpressionsRun() throws {
        XCTAssertEqual(try vector("count_over_time(up[2m - 1m])", at: 240), ["{job=\"a\"}": 1])
        XCTAssertEqual(try vector("up offset (290y + 1y)", at: 240), [:])
        XCTAssertEqual(try vector("up offset -(1m * 2)", at: 60), ["up{job=\"a\"}": 1])
        let r = try engine.rangeQuery(try parse("count_over_time(up[step()])"), start: 60_000, end: 240_000, step: 60_000,
                                      querier: storage)
        guard case .matrix(let m) = r.value else { return XCTFail("expected a matrix") }
        XCTAssertEqual(m.first?.points.map(\.f), [1, 1, 1, 1])
    }

    func testRangeQueriesCheckDurationsToo() throws {
        let expr = try parse("up offset (2^1000)")
        XCTAssertThrowsError(try engine.rangeQuery(expr, start: 0, end: 60_000, step: 60_000, querier: storage)) {
            XCTAssertEqual(($0 as? QueryError)?.message, "duration is out of range")
        }
    }
}
