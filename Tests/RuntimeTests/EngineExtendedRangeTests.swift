import XCTest
import PromModel
@testable import Runtime
import Storage

/// The `anchored` and `smoothed` range-selector modifiers and `smoothed` instant selectors.
final class EngineExtendedRangeTests: EngineTestCase {
    override func setUpWithError() throws {
        // A counter with a reset between 2m and 3m.
        try load(["__name__": "c"], step: 60, [0, 10, 20, 5, 15])
    }

    // MARK: - rate, increase, delta

    func testAnchoredIncreaseStartsAtTheLastSampleBeforeTheRange() throws {
        // Anchor 20 at 2m, then a reset to 5 and 15: 5 + 10.
        assertClose(try vector("increase(c[2m] anchored)", at: 240)["{}"], 15)
        assertClose(try vector("rate(c[2m] anchored)", at: 240)["{}"], 15.0 / 120)
        assertClose(try vector("delta(c[2m] anchored)", at: 240)["{}"], -5)
        // With a single sample in the range, plain increase has no result; anchored has the anchor.
        XCTAssertEqual(try vector("increase(c[1m])", at: 180), [:])
        XCTAssertEqual(try vector("increase(c[1m] anchored)", at: 180), ["{}": 5])
    }

    func testSmoothedIncreaseInterpolatesBothBoundaries() throws {
        // Left boundary at 1m30s: 15 (between 10 and 20); right boundary at 3m30s: 10 (between 5 and 15,
        // the counter restarting from 0 at the reset is only used when the pair itself drops).
        // 15 -> 20 (+5), reset, 0 -> 5 (+5), 5 -> 10 (+5).
        assertClose(try vector("increase(c[2m] smoothed)", at: 210)["{}"], 15)
        assertClose(try vector("rate(c[2m] smoothed)", at: 210)["{}"], 15.0 / 120)
        assertClose(try vector("delta(c[2m] smoothed)", at: 210)["{}"], -5)
    }

    func testSmoothedIncreaseInterpolatesAcrossAResetFromZero() throws {
        // Right boundary at 2m30s lies between 20 and 5: as a counter it restarted from 0, so 2.5.
        // Left boundary at 1m30s: 15. Increase: 20 - 15 + 2.5.
        assertClose(try vector("increase(c[1m] smoothed)", at: 150)["{}"], 7.5)
        // As a gauge the right boundary is 12.5.
        assertClose(try vector("delta(c[1m] smoothed)", at: 150)["{}"], -2.5)
    }

    func testNoResultWithoutSamplesInsideTheRange() throws {
        // Only samples after the range (smoothed) or only before it.
        XCTAssertEqual(try vector("increase(c[10s] smoothed)", at: -30), [:])
        XCTAssertEqual(try vector("increase(c[1m] anchored)", at: 330), [:])
        XCTAssertEqual(try vector("increase(c[1m] smoothed)", at: 330), [:])
    }

    // MARK: - changes, resets

    func testAnchoredChangesAndResetsCountFromTheAnchor() throws {
        XCTAssertEqual(try vector("changes(c[2m])", at: 240), ["{}": 1])
        XCTAssertEqual(try vector("changes(c[2m] anchored)", at: 240), ["{}": 2])
        XCTAssertEqual(try vector("resets(c[1m])", at: 180), ["{}": 0])
        XCTAssertEqual(try vector("resets(c[1m] anchored)", at: 180), ["{}": 1])
        XCTAssertEqual(try vector("changes(c[1m] anchored)", at: 330), [:])
    }

    // MARK: - Selectors

    func testAnchoredRangeVectorHasBoundaryPoints() throws {
        let r = try instant("c[2m] anchored", at: 240)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertEqual(series.first?.points, [FloatPoint(t: 120_000, f: 20), FloatPoint(t: 180_000, f: 5),
                                              FloatPoint(t: 240_000, f: 15)])
    }

    func testSmoothedRangeVectorInterpolatesBoundaryPoints() throws {
        let r = try instant("c[2m] smoothed", at: 210)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertEqual(series.first?.points, [FloatPoint(t: 90_000, f: 15), FloatPoint(t: 120_000, f: 20),
                                              FloatPoint(t: 180_000, f: 5), FloatPoint(t: 210_000, f: 10)])
    }

    func testSmoothedInstantSelector() throws {
        XCTAssertEqual(try vector("c smoothed", at: 30), ["c": 5])
        XCTAssertEqual(try vector("c smoothed", at: 120), ["c": 20])
        XCTAssertEqual(try vector("c smoothed", at: 210), ["c": 10], "no counter semantics")
        XCTAssertEqual(try vector("c smoothed", at: 539), ["c": 15], "carried forward within the lookback")
        XCTAssertEqual(try vector("c smoothed", at: 600), [:])
        XCTAssertEqual(try vector("c smoothed", at: -1), [:], "nothing before the first sample")
        XCTAssertEqual(try vector("c offset -30s smoothed", at: 180), ["c": 10])
        XCTAssertEqual(try vector("c @ 90 smoothed", at: 1000), ["c": 15])
        XCTAssertEqual(try vector("timestamp(c smoothed)", at: 210), ["{}": 180], "timestamp() ignores smoothing")
    }

    func testSmoothedSelectorSkipsStalenessMarkers() throws {
        try load(["__name__": "s"], step: 60, [1, StaleNaN.value, 3])
        XCTAssertEqual(try vector("s", at: 60), [:])
        XCTAssertEqual(try vector("s smoothed", at: 60), ["s": 2])
    }

    // MARK: - Errors

    func testModifiersAreLimitedToSomeFunctions() throws {
        assertFails("deriv(c[3m] anchored)", at: 60, containing:
            "anchored modifier can only be used with: changes, delta, increase, rate, resets - not with deriv")
        assertFails("changes(c[3m] smoothed)", at: 60, containing:
            "smoothed modifier can only be used with: delta, increase, rate - not with changes")
    }

    func testExtremeAtTimesDoNotOverflow() throws {
        for q in ["c @ 9223372036854775 smoothed", "c @ -9223372036854775 smoothed",
                  "rate(c[1m] smoothed @ 9223372036854775)", "increase(c[1m] anchored @ -9223372036854775)",
                  "c @ -9223372036854775", "rate(c[1m] @ -9223372036854775)"] {
            XCTAssertEqual(try vector(q, at: 60), [:], q)
        }
        let r = try instant("c[1m] smoothed @ -9223372036854775", at: 60)
        guard case .matrix(let series) = r.value else { return XCTFail("expected matrix") }
        XCTAssertTrue(series.isEmpty)
    }

    // MARK: - Range queries

    func testRangeQueriesMatchInstantQueries() throws {
        let queries = [
            "rate(c[2m] smoothed)", "increase(c[90s] anchored)", "delta(c[1m] smoothed offset 30s)",
            "changes(c[2m] anchored)", "resets(c[1m] anchored)", "c smoothed", "c offset -45s smoothed",
            "increase(c[1m] anchored @ 200)",
        ]
        for q in queries {
            let r = try engine.rangeQuery(try parse(q), start: -60_000, end: 600_000, step: 15_000, querier: storage)
            guard case .matrix(let series) = r.value else { return XCTFail("expected matrix for \(q)") }
            var fromRange: [Int64: Double] = [:]
            for p in series.first?.points ?? [] { fromRange[p.t] = p.f }
            for t in stride(from: Int64(-60_000), through: 600_000, by: 15_000) {
                let v = try vector(q, at: Double(t) / 1000).values.first
                XCTAssertEqual(fromRange[t], v, "\(q) at \(t)ms")
            }
        }
    }
}
