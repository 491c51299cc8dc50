import XCTest
import PromModel
@testable import Runtime

/// The `k` of `topk`, `bottomk` and `limitk` as Prometheus checks it: all below 1 gives an empty
/// result, NaN and values outside Int64's range are errors, and nothing traps.
final class EngineTopKParamTests: EngineTestCase {
    override func setUpWithError() throws {
        for i in 0..<3 { try load(["__name__": "up", "i": "\(i)"], step: 60, [Double(i), Double(i), Double(i)]) }
        try load(["__name__": "k"], step: 60, [2, -1e300, 0])
        try load(["__name__": "low"], step: 60, [0, -5, .nan])
    }

    func testKBelowOneGivesAnEmptyResult() throws {
        for q in ["limitk(-1e300, up)", "topk(-Inf, up)", "bottomk(0, up)", "topk(0.99, up)", "limitk(-9.3e18, up)",
                  "topk(-Inf, up) or on() vector(7)"] {
            let v = try vector(q, at: 60)
            XCTAssertTrue(v.isEmpty || v == ["{}": 7], "\(q): \(v)")
        }
    }

    func testNaNKIsAnError() {
        assertFails("topk(NaN, up)", at: 60, containing: "Parameter value is NaN")
        assertFails("limitk(scalar(low), up)", at: 120, containing: "Parameter value is NaN")
        assertFails("limit_ratio(NaN, up)", at: 60, containing: "Ratio value is NaN")
    }

    func testKOutsideInt64IsAnError() {
        assertFails("topk(1e300, up)", at: 60, containing: "Scalar value 1e+300 overflows int64")
        assertFails("bottomk(Inf, up)", at: 60, containing: "Scalar value +Inf overflows int64")
        assertFails("limitk(9223372036854774784, up)", at: 60, containing: "overflows int64")
    }

    func testHugeKWithinInt64SelectsEverything() throws {
        XCTAssertEqual(try vector("topk(9.2e18, up)", at: 60).count, 3)
        XCTAssertEqual(try vector("limitk(9223372036854773760, up)", at: 60).count, 3)
    }

    func testRangeQueryChecksKOverAllSteps() throws {
        let expr = try parse("topk(scalar(k), up)")
        XCTAssertThrowsError(try engine.rangeQuery(expr, start: 0, end: 120_000, step: 60_000, querier: storage)) {
            XCTAssertEqual(($0 as? QueryError)?.message, "Scalar value -1e+300 underflows int64")
        }
        // Every k below 1 (with a NaN among them): the NaN error wins over the empty result.
        let nan = try parse("topk(scalar(low), up)")
        XCTAssertThrowsError(try engine.rangeQuery(nan, start: 0, end: 120_000, step: 60_000, querier: storage)) {
            XCTAssertEqual(($0 as? QueryError)?.message, "Parameter value is NaN")
        }
        let empty = try engine.rangeQuery(try parse("topk(scalar(low), up)"), start: 0, end: 60_000, step: 60_000,
                                          querier: storage)
        guard case .matrix(let m) = empty.value else { return XCTFail("expected a matrix") }
        XCTAssertTrue(m.isEmpty)
    }
}
