import XCTest
import PromModel
@testable import Runtime

/// `fill`, `fill_left` and `fill_right` on vector-vector binary operators.
final class EngineFillTests: EngineTestCase {
    override func setUpWithError() throws {
        try load(["__name__": "l", "k": "a"], step: 600, [1, nil, 3])
        try load(["__name__": "l", "k": "b"], step: 600, [10, 20, 30])
        try load(["__name__": "r", "k": "a"], step: 600, [100, 200, nil])
        try load(["__name__": "r", "k": "c"], step: 600, [1000, nil, nil])
        try load(["__name__": "node", "instance": "x"], step: 600, [5])
        try load(["__name__": "node", "instance": "y"], step: 600, [7])
        try load(["__name__": "cpu", "instance": "x", "cpu": "0"], step: 600, [1])
        try load(["__name__": "cpu", "instance": "z", "cpu": "0"], step: 600, [2])
    }

    func testFillBothSidesOneToOne() throws {
        XCTAssertEqual(try vector("l + fill(0) r", at: 0),
                       ["{k=\"a\"}": 101, "{k=\"b\"}": 10, "{k=\"c\"}": 1000])
        XCTAssertEqual(try vector("l + fill_right(0) r", at: 0), ["{k=\"a\"}": 101, "{k=\"b\"}": 10])
        XCTAssertEqual(try vector("l - fill_left(5) r", at: 0), ["{k=\"a\"}": -99, "{k=\"c\"}": -995])
        XCTAssertEqual(try vector("l + fill_left(1) fill_right(2) r", at: 600),
                       ["{k=\"a\"}": 201, "{k=\"b\"}": 22])
    }

    func testComparisonKeepsFilledLeftValueAndMatchedPairsAreNotFilled() throws {
        XCTAssertEqual(try vector("l != fill(1000) r", at: 0), ["l{k=\"a\"}": 1, "l{k=\"b\"}": 10])
        XCTAssertEqual(try vector("l == bool fill(10) r", at: 0),
                       ["{k=\"a\"}": 0, "{k=\"b\"}": 1, "{k=\"c\"}": 0])
    }

    func testGroupRightSwapsTheFilledSides() throws {
        // fill_left fills the "many" (right-hand) operand, fill_right the "one" (left-hand) operand.
        XCTAssertEqual(try vector("node * on(instance) group_right fill_left(3) cpu", at: 0),
                       ["{cpu=\"0\", instance=\"x\"}": 5, "{instance=\"y\"}": 21])
        XCTAssertEqual(try vector("node * on(instance) group_right fill_right(4) cpu", at: 0),
                       ["{cpu=\"0\", instance=\"x\"}": 5, "{cpu=\"0\", instance=\"z\"}": 8])
    }

    func testGroupLeftFillsManySideWithMatchGroupLabels() throws {
        XCTAssertEqual(try vector("cpu + on(instance) group_left fill_left(0) node", at: 0),
                       ["{cpu=\"0\", instance=\"x\"}": 6, "{instance=\"y\"}": 7])
    }

    func testRangeQueryFillsEveryStep() throws {
        let r = try engine.rangeQuery(try parse("l + fill(0) r"), start: 0, end: 1_200_000, step: 600_000, querier: storage)
        guard case .matrix(let series) = r.value else { return XCTFail("expected a matrix") }
        var got: [String: [Double]] = [:]
        for s in series { got[s.metric.description] = s.points.map(\.f) }
        XCTAssertEqual(got, ["{k=\"a\"}": [101, 200, 3], "{k=\"b\"}": [10, 20, 30], "{k=\"c\"}": [1000]])
    }

    func testWithoutFillUnmatchedSeriesAreDropped() throws {
        XCTAssertEqual(try vector("l + r", at: 0), ["{k=\"a\"}": 101])
    }
}
