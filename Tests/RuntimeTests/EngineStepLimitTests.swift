import XCTest
import PromModel
import PromQL
@testable import Runtime

/// `EngineOptions.maxSteps` bounds the steps of a range query and of every subquery, checked before
/// anything is allocated.
final class EngineStepLimitTests: EngineTestCase {
    override func setUpWithError() throws {
        try load(["__name__": "up", "job": "a"], step: 60, [1, 1, 1, 1, 1])
    }

    private func error(_ body: () throws -> QueryResult) -> QueryError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? QueryError
        }
    }

    func testRangeQueryAtTheLimitRunsAndOneMoreStepFails() throws {
        engine = Engine(options: EngineOptions(maxSteps: 11))
        let expr = try parse("1")
        let ok = try engine.rangeQuery(expr, start: 0, end: 10_000, step: 1000, querier: storage)
        guard case .matrix(let m) = ok.value else { return XCTFail("expected a matrix") }
        XCTAssertEqual(m.first?.points.count, 11)
        let e = error { try engine.rangeQuery(expr, start: 0, end: 11_000, step: 1000, querier: storage) }
        XCTAssertEqual(e?.kind, .tooManySamples)
        XCTAssertEqual(e?.message, "range query would evaluate 12 steps, more than the limit of 11 steps;"
                       + " use a larger step or a shorter range")
    }

    func testDefaultLimitIsOneMillionSteps() throws {
        XCTAssertEqual(EngineOptions.standard.maxSteps, 1_000_000)
        let e = error { try engine.rangeQuery(try parse("vector(1)"), start: 0, end: 1_000_000, step: 1, querier: storage) }
        XCTAssertEqual(e?.message.hasPrefix("range query would evaluate 1000001 steps"), true, e?.message ?? "no error")
    }

    func testWidestRangeQueryIsRejectedWithoutOverflow() throws {
        let e = error { try engine.rangeQuery(try parse("up"), start: .min, end: .max, step: 1, querier: storage) }
        XCTAssertEqual(e?.kind, .tooManySamples)
        XCTAssertEqual(e?.message.hasPrefix("range query would evaluate more than \(Int.max) steps"), true,
                       e?.message ?? "no error")
    }

    func testSubqueryOverTheLimitFailsQuickly() throws {
        engine = Engine(options: .standard)
        for q in ["up[292y:1ms]", "count_over_time(up[10y:1ms])", "max_over_time(rate(up[5m])[30d:1ms])",
                  "sum_over_time(count_over_time(up[1m:1s])[10y:1s])"] {
            let started = Date()
            let e = error { try engine.instantQuery(try parse(q), at: 240_000, querier: storage) }
            XCTAssertEqual(e?.kind, .tooManySamples, q)
            XCTAssertEqual(e?.message.hasPrefix("subquery would evaluate"), true, "\(q): \(e?.message ?? "no error")")
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, q)
        }
    }

    func testSubqueryWithinTheLimitRuns() throws {
        engine = Engine(options: EngineOptions(maxSteps: 10))
        XCTAssertEqual(try vector("count_over_time(up[5m:1m])", at: 240), ["{job=\"a\"}": 5])
        assertFails("count_over_time(up[11m:1m])", at: 240, containing: "subquery would evaluate 11 steps")
    }
}
