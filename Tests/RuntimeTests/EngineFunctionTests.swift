import XCTest
import PromModel
@testable import Runtime

final class EngineFunctionTests: EngineTestCase {
    func testHistogramQuantileOverClassicBuckets() throws {
        for (le, v) in [("0.1", 10.0), ("0.5", 30), ("1", 40), ("+Inf", 40)] {
            try load(["__name__": "h_bucket", "le": le, "job": "a"], step: 60, [v])
        }
        assertClose(try vector("histogram_quantile(0.5, h_bucket)", at: 0)["{job=\"a\"}"], 0.1 + 0.4 * 0.5)
        assertClose(try vector("histogram_quantile(0.99, h_bucket)", at: 0)["{job=\"a\"}"], 0.5 + 0.5 * 0.6 / 1.0 * 1.6)
    }

    func testHistogramQuantileMissingLeWarns() throws {
        try load(["__name__": "series", "ale": "0.1"], step: 60, [2])
        let q = "histogram_quantile(0.8, series)"
        let r = try instant(q, at: 0)
        XCTAssertEqual(r.annotations.map { $0.rendered(query: q) },
                       ["PromQL warning: bucket label \"le\" is missing or has a malformed value of \"\" for metric name \"series\" (1:25)"])
    }

    func testLabelReplaceAndJoin() throws {
        try load(["__name__": "up", "instance": "host:9100"], step: 60, [1])
        XCTAssertEqual(try vector("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")", at: 0),
                       ["up{host=\"host\", instance=\"host:9100\"}": 1])
        XCTAssertEqual(try vector("label_join(up, \"j\", \"-\", \"__name__\", \"instance\")", at: 0),
                       ["up{instance=\"host:9100\", j=\"up-host:9100\"}": 1])
        assertFails("label_replace(up, \"x\", \"\", \"instance\", \"(\")", at: 0, containing: "invalid regular expression")
    }

    func testAbsentUsesEqualityMatchers() throws {
        XCTAssertEqual(try vector("absent(nope{job=\"x\", env=~\"p.*\"})", at: 0), ["{job=\"x\"}": 1])
        try load(["__name__": "yes"], step: 60, [1])
        XCTAssertEqual(try vector("absent(yes)", at: 0), [:])
        XCTAssertEqual(try vector("absent_over_time(nope{a=\"b\"}[5m])", at: 0), ["{a=\"b\"}": 1])
    }

    func testMathAndDateFunctions() throws {
        try load(["__name__": "v"], step: 60, [-2.5])
        XCTAssertEqual(try vector("abs(v)", at: 0), ["{}": 2.5])
        XCTAssertEqual(try vector("round(v)", at: 0), ["{}": -2])
        XCTAssertEqual(try vector("round(v, 2)", at: 0), ["{}": -2])
        XCTAssertEqual(try vector("clamp(v, -1, 1)", at: 0), ["{}": -1])
        XCTAssertEqual(try vector("clamp(v, 1, -1)", at: 0), [:])
        XCTAssertEqual(try vector("sgn(v)", at: 0), ["{}": -1])
        // 2024-02-29T13:45:00Z = 1709214300
        XCTAssertEqual(try vector("day_of_month(vector(1709214300))", at: 0), ["{}": 29])
        XCTAssertEqual(try vector("days_in_month(vector(1709214300))", at: 0), ["{}": 29])
        XCTAssertEqual(try vector("hour(vector(1709214300))", at: 0), ["{}": 13])
        XCTAssertEqual(try vector("minute(vector(1709214300))", at: 0), ["{}": 45])
        XCTAssertEqual(try vector("day_of_week(vector(1709214300))", at: 0), ["{}": 4])
        XCTAssertEqual(try vector("day_of_year(vector(1709214300))", at: 0), ["{}": 60])
        XCTAssertEqual(try vector("year(vector(-1))", at: 0), ["{}": 1969])
    }

    func testScalarTimestampAndSort() throws {
        try load(["__name__": "w", "k": "a"], step: 60, [3, 1])
        try load(["__name__": "w", "k": "b"], step: 60, [2])
        XCTAssertEqual(try scalar("scalar(w{k=\"a\"})", at: 60), 1)
        XCTAssertTrue(try scalar("scalar(w)", at: 0)?.isNaN ?? false)
        XCTAssertEqual(try vector("timestamp(w)", at: 90), ["{k=\"a\"}": 60, "{k=\"b\"}": 0])
        let r = try instant("sort_desc(w)", at: 0)
        guard case .vector(let v) = r.value else { return XCTFail("expected vector") }
        XCTAssertEqual(v.map(\.f), [3, 2])
    }
}
