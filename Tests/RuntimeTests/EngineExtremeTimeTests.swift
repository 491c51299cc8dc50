import XCTest
import PromModel
import PromQL
@testable import Runtime

/// Queries at and over data at the ends of the `Int64` millisecond range never trap: times are
/// clamped to ±2^62 ms and window bounds saturate (see `SaturatingTime`).
final class EngineExtremeTimeTests: EngineTestCase {
    /// The extreme timestamps an OpenMetrics file can hold (±9223372036854775 seconds).
    static let lowest: Int64 = -9_223_372_036_854_775_000
    static let highest: Int64 = 9_223_372_036_854_775_000

    override func setUpWithError() throws {
        engine = Engine(options: EngineOptions(timeout: 10))
        for (name, times) in [("x", [Self.lowest, Self.highest]),
                              ("x_total", [Self.lowest, Self.lowest + 60_000, Self.highest - 60_000, Self.highest]),
                              ("edge", [-SaturatingTime.limit + 60_000, SaturatingTime.limit - 60_000])] {
            for (k, t) in times.enumerated() { try storage.append(["__name__": name], t: t, v: Double(k + 1)) }
        }
    }

    private static let queries = [
        "x", "x offset 1h", "x offset -1h", "rate(x_total[5m] offset -1h)", "rate(x_total[5m])", "x[5m]",
        "x @ start()", "x @ end() offset -1h", "timestamp(x)", "absent(x)", "count_over_time(x[5m:1m])",
        "max_over_time(x[1h:1m] offset -1h)", "x[5m:1m]", "x[5m:1m] offset 1h", "rate(x_total[5m] anchored)",
        "x smoothed", "rate(x_total[5m] smoothed)", "last_over_time(x[1h] @ 100)", "edge", "vector(time())",
        "sum_over_time(rate(x_total[5m])[10m:1m] offset -10m)", "x offset 290y", "x offset -290y",
    ]

    /// Runs `body`; passes when it returns or throws a `QueryError` (a trap ends the test process).
    private func survives(_ what: String, _ body: () throws -> QueryResult) {
        do {
            _ = try body()
        } catch is QueryError {
        } catch {
            XCTFail("\(what): not a QueryError: \(error)")
        }
    }

    func testInstantQueriesAtExtremeTimesDoNotTrap() throws {
        for at in [Int64.min, Int64.max, Self.lowest, Self.highest, SaturatingTime.limit, -SaturatingTime.limit, 0] {
            for q in Self.queries {
                let expr = try parse(q)
                survives("\(q) at \(at)") { try engine.instantQuery(expr, at: at, querier: storage) }
            }
        }
    }

    func testRangeQueriesNearTheEndsDoNotTrap() throws {
        for (start, end) in [(Int64.max - 10_000, Int64.max), (Int64.min, Int64.min + 10_000),
                             (SaturatingTime.limit - 10_000, SaturatingTime.limit)] {
            for q in Self.queries {
                let expr = try parse(q)
                guard expr.type == .vector || expr.type == .scalar else { continue }
                survives("\(q) over [\(start), \(end)]") {
                    try engine.rangeQuery(expr, start: start, end: end, step: 1000, querier: storage)
                }
            }
        }
    }

    func testTimesBeyondTheLimitAreEvaluatedAtTheLimit() throws {
        // `edge` has a sample one minute before 2^62 ms (and one after -2^62 ms): visible from any later evaluation time
        // within the lookback delta, the result keeps the requested time.
        let r = try engine.instantQuery(try parse("edge"), at: .max, querier: storage)
        guard case .vector(let v) = r.value else { return XCTFail("expected a vector") }
        XCTAssertEqual(v.map(\.f), [2])
        XCTAssertEqual(v.first?.t, .max)
        let low = try engine.instantQuery(try parse("edge offset -2m"), at: .min, querier: storage)
        guard case .vector(let w) = low.value else { return XCTFail("expected a vector") }
        XCTAssertEqual(w.map(\.f), [1])
    }

    func testSaturatingArithmetic() {
        let limit = SaturatingTime.limit
        XCTAssertEqual(SaturatingTime.subtract(.min, 300_000), -limit)
        XCTAssertEqual(SaturatingTime.subtract(.max, -300_000), limit)
        XCTAssertEqual(SaturatingTime.add(.max, .max), limit)
        XCTAssertEqual(SaturatingTime.add(.min, .min), -limit)
        XCTAssertEqual(SaturatingTime.subtract(5, 7), -2)
        XCTAssertEqual(SaturatingTime.clamp(.min), -limit)
        XCTAssertEqual(SaturatingTime.clampDuration(.max), SaturatingTime.durationLimit)
        XCTAssertEqual(SaturatingTime.stepCount(start: 0, end: 10, interval: 3), 4)
        XCTAssertEqual(SaturatingTime.stepCount(start: 0, end: 9, interval: 3), 4)
        XCTAssertEqual(SaturatingTime.stepCount(start: 10, end: 0, interval: 3), 0)
        XCTAssertEqual(SaturatingTime.stepCount(start: -5, end: 5, interval: 1), 11)
        XCTAssertEqual(SaturatingTime.stepCount(start: .min, end: .max, interval: 1), .max)
        XCTAssertEqual(SaturatingTime.stepCount(start: .min, end: .max, interval: .max), 3)
        XCTAssertEqual(SaturatingTime.stepCount(start: -limit, end: limit, interval: limit), 3)
    }
}
