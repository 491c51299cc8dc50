import XCTest
import PromModel
@testable import Runtime

final class EngineRateTests: EngineTestCase {
    func testRateExtrapolatesTowardsTheRangeEdges() throws {
        // 0, 10, ..., 100 every 30s; at 300s a 5m window holds samples 30s..300s (10 samples).
        try load(["__name__": "c_total"], step: 30, (0...10).map { Double($0) * 10 })
        // Samples cover 30s..300s (270s, 90 increase); the 30s gap to the range start is below 1.1x the
        // average interval, so it is extrapolated in full: 90 * 300 / 270.
        assertClose(try vector("increase(c_total[5m])", at: 300)["{}"], 100)
        assertClose(try vector("rate(c_total[5m])", at: 300)["{}"], 100.0 / 300)
    }

    func testCounterResetsAddThePreviousValue() throws {
        try load(["__name__": "c_total"], step: 60, [0, 10, 20, 5, 15])
        // Window (0, 240]: 10 20 5 15 -> raw increase 15 - 10 + 20 = 25 over 180s sampled; the 60s gap
        // to the range start is extrapolated (the zero point, 72s back, is further away).
        assertClose(try vector("increase(c_total[4m])", at: 240)["{}"], 25 * 240.0 / 180)
        XCTAssertEqual(try vector("resets(c_total[5m])", at: 240), ["{}": 1])
    }

    func testDeltaIsNotClampedAtZero() throws {
        try load(["__name__": "g"], step: 60, [10, 8, 6, 4, 2])
        assertClose(try vector("delta(g[4m])", at: 240)["{}"], -6 * 240.0 / 180)
        assertClose(try vector("idelta(g[4m])", at: 240)["{}"], -2)
        assertClose(try vector("deriv(g[5m])", at: 240)["{}"], -2.0 / 60)
    }

    func testIrateUsesLastTwoSamples() throws {
        try load(["__name__": "c_total"], step: 15, [1, 5, 9, 2])
        assertClose(try vector("irate(c_total[1m])", at: 45)["{}"], 2.0 / 15)
    }

    func testNonCounterNameGivesInfoAnnotation() throws {
        try load(["__name__": "requests"], step: 60, [1, 2, 3])
        let q = "rate(requests[5m])"
        let r = try instant(q, at: 120)
        XCTAssertEqual(r.annotations.map { $0.rendered(query: q) },
                       ["PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"requests\" (1:6)"])
    }

    func testOverTimeFunctions() throws {
        try load(["__name__": "g"], step: 60, [1, 3, 2, 8])
        let at = 180.0
        XCTAssertEqual(try vector("sum_over_time(g[5m])", at: at), ["{}": 14])
        XCTAssertEqual(try vector("avg_over_time(g[5m])", at: at), ["{}": 3.5])
        XCTAssertEqual(try vector("max_over_time(g[5m])", at: at), ["{}": 8])
        XCTAssertEqual(try vector("last_over_time(g[5m])", at: at), ["g": 8])
        XCTAssertEqual(try vector("changes(g[5m])", at: at), ["{}": 3])
        assertClose(try vector("quantile_over_time(0.5, g[5m])", at: at)["{}"], 2.5)
        assertClose(try vector("stdvar_over_time(g[5m])", at: at)["{}"], (6.25 + 0.25 + 2.25 + 20.25) / 4)
    }
}
