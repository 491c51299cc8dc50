import XCTest
import PromModel
@testable import Runtime
import Storage

final class EngineSelectorTests: EngineTestCase {
    override func setUpWithError() throws {
        try load(["__name__": "m", "job": "a"], step: 60, [1, 2, 3, 4, 5])
        try load(["__name__": "s", "job": "a"], step: 60, [1, 2, StaleNaN.value, nil, 7])
    }

    func testLookbackFindsLatestSampleWithinFiveMinutes() throws {
        XCTAssertEqual(try vector("m", at: 150), ["m{job=\"a\"}": 3])
        XCTAssertEqual(try vector("m", at: 240 + 299), ["m{job=\"a\"}": 5])
        XCTAssertEqual(try vector("m", at: 240 + 300), [:], "lookback window is left-open")
    }

    func testStalenessMarkerHidesSeries() throws {
        XCTAssertEqual(try vector("s", at: 90), ["s{job=\"a\"}": 2])
        XCTAssertEqual(try vector("s", at: 150), [:])
        XCTAssertEqual(try vector("s", at: 200), [:])
        XCTAssertEqual(try vector("s", at: 240), ["s{job=\"a\"}": 7])
    }

    func testOffsetAndNegativeOffsetAndAt() throws {
        XCTAssertEqual(try vector("m offset 2m", at: 240), ["m{job=\"a\"}": 3])
        XCTAssertEqual(try vector("m offset -1m", at: 60), ["m{job=\"a\"}": 3])
        XCTAssertEqual(try vector("m @ 60", at: 1000), ["m{job=\"a\"}": 2])
        XCTAssertEqual(try vector("m @ end()", at: 120), ["m{job=\"a\"}": 3])
    }

    func testRangeSelectorIsLeftOpen() throws {
        let r = try instant("m[2m]", at: 240)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertEqual(series.first?.points.map(\.t), [180_000, 240_000])
        XCTAssertEqual(try vector("count_over_time(m[2m])", at: 240), ["{job=\"a\"}": 2])
    }

    func testSubqueryStepsAreAlignedToAbsoluteMultiples() throws {
        let r = try instant("m[3m:1m]", at: 150)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertEqual(series.first?.points.map(\.t), [0, 60_000, 120_000])
        XCTAssertEqual(series.first?.points.map(\.f), [1, 2, 3])
    }

    func testRangeQueryMatchesInstantQueries() throws {
        let expr = try parse("m * 2")
        let r = try engine.rangeQuery(expr, start: 0, end: 240_000, step: 60_000, querier: storage)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertEqual(series.count, 1)
        XCTAssertEqual(series[0].metric, ["job": "a"])
        XCTAssertEqual(series[0].points.map(\.f), [2, 4, 6, 8, 10])
    }

    func testScalarRangeQueryAndTime() throws {
        let r = try engine.rangeQuery(try parse("time()"), start: 0, end: 120_000, step: 60_000, querier: storage)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertEqual(series.first?.points.map(\.f), [0, 60, 120])
    }
}
