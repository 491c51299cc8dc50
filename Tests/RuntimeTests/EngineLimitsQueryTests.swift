import Foundation
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

/// Queries that would select billions of samples or run for ever end in a `QueryError` of the
/// right kind. Durations are printed, never asserted (debug builds on shared machines vary).
final class EngineLimitsQueryTests: XCTestCase {
    /// Ten series with a sample every second for six hours (216,000 samples), plus 1,000 sparse series.
    static let dense: Result<MemoryStorage, Error> = Result {
        let s = MemoryStorage()
        let app = s.appender()
        for i in 0..<10 {
            let labels: Labels = ["__name__": "x", "i": String(i)]
            var ref = try app.append(labels, t: 0, v: 0)
            for k in 1..<21_600 { try app.append(ref, t: Int64(k) * 1000, v: Double(k)) }
            ref = try app.append(["__name__": "x_total", "i": String(i)], t: 0, v: 0)
            for k in 1..<21_600 { try app.append(ref, t: Int64(k) * 1000, v: Double(k * 3)) }
        }
        for i in 0..<1000 { try app.append(["__name__": "many", "i": String(i)], t: 21_500_000, v: 1) }
        try app.commit()
        return s
    }

    static let end: Int64 = 21_599_000

    /// Runs `body`, prints how long it took, and returns the `QueryError` it threw (fails when it did not).
    private func queryError(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                            _ body: (MemoryStorage) throws -> QueryResult) throws -> QueryError? {
        let storage = try Self.dense.get()
        let started = Date()
        defer { print("\(what): \(String(format: "%.3f", Date().timeIntervalSince(started)))s") }
        do {
            let r = try body(storage)
            XCTFail("\(what): expected a QueryError, got \(r.value.typeName)", file: file, line: line)
            return nil
        } catch let e as QueryError {
            return e
        } catch {
            XCTFail("\(what): not a QueryError: \(error)", file: file, line: line)
            return nil
        }
    }

    private func instant(_ q: String, _ options: EngineOptions, at: Int64 = end,
                         file: StaticString = #filePath, line: UInt = #line) throws -> QueryError? {
        try queryError(q, file: file, line: line) {
            try Engine(options: options).instantQuery(try Parser().parseExpr(q), at: at, querier: $0)
        }
    }

    private func range(_ q: String, _ options: EngineOptions, start: Int64, end: Int64, step: Int64,
                       file: StaticString = #filePath, line: UInt = #line) throws -> QueryError? {
        try queryError("\(q) [\(start), \(end)] step \(step)", file: file, line: line) {
            try Engine(options: options).rangeQuery(try Parser().parseExpr(q), start: start, end: end, step: step, querier: $0)
        }
    }

    private static let small = EngineOptions(maxSamples: 10_000, timeout: 30)

    // MARK: - Too many samples

    func testHugeRangeOverDenseDataIsTooManySamples() throws {
        for q in ["sum(rate(x_total[100y]))", "x[100y]", "max_over_time(x[6h])", "quantile_over_time(0.5, x[30d])",
                  "sum(rate(x_total[100y])) / sum(rate(x_total[100y] offset 1h))"] {
            XCTAssertEqual(try instant(q, Self.small)?.kind, .tooManySamples, q)
        }
        // The same query is fine with Prometheus's default limit: rate() divides the extrapolated
        // increase (21,599 s × 3 per series, from a counter starting at zero) by the 100y range.
        let ok = try Engine(options: .standard).instantQuery(try Parser().parseExpr("sum(rate(x_total[100y]))"), at: Self.end,
                                                             querier: try Self.dense.get())
        guard case .vector(let v) = ok.value else { return XCTFail("expected a vector") }
        XCTAssertEqual(v.first?.f ?? 0, 10 * 21_599 * 3 / (100 * 365 * 86_400), accuracy: 1e-12)
    }

    func testDenseSubqueryIsTooManySamples() throws {
        let error = try instant("count_over_time(x[1h:1s])", Self.small)
        XCTAssertEqual(error?.kind, .tooManySamples)
        XCTAssertEqual(error?.message, "query processing would load too many samples into memory in query execution")
        XCTAssertEqual(try instant("sum_over_time(rate(x_total[5m])[30m:100ms])", Self.small)?.kind, .tooManySamples)
    }

    func testRangeQueryWithManyStepsIsTooManySamples() throws {
        // 21,600 one-second steps per series over 10 series.
        XCTAssertEqual(try range("x", Self.small, start: 0, end: Self.end, step: 1000)?.kind, .tooManySamples)
        XCTAssertEqual(try range("rate(x_total[1m])", Self.small, start: 0, end: Self.end, step: 100)?.kind, .tooManySamples)
        XCTAssertEqual(try range("sum by (i) (x)", Self.small, start: 0, end: Self.end, step: 500)?.kind, .tooManySamples)
    }

    // MARK: - Deadline and cancellation

    func testTinyTimeoutEndsInTimeout() throws {
        let tiny = EngineOptions(timeout: 1e-9)
        XCTAssertEqual(try instant("many", tiny)?.kind, .timeout)
        XCTAssertEqual(try instant("sum by (i) (rate(many[5m]))", tiny)?.kind, .timeout)
        let error = try range("many * 2", tiny, start: 0, end: Self.end, step: 60_000)
        XCTAssertEqual(error?.kind, .timeout)
        XCTAssertEqual(error?.message, "query timed out in query execution")
    }

    func testTinyTimeoutEndsInTimeoutWithFewSeries() throws {
        // Ten series: the clock must be read even when there are few checks.
        let tiny = EngineOptions(timeout: 1e-9)
        XCTAssertEqual(try instant("x", tiny)?.kind, .timeout)
        XCTAssertEqual(try instant("rate(x_total[5m])", tiny)?.kind, .timeout)
        XCTAssertEqual(try range("x", tiny, start: 0, end: Self.end, step: 60_000)?.kind, .timeout)
    }

    /// Counts the calls of a `shouldCancel` closure and cancels from call `cancelAt` on.
    final class CallCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        let cancelAt: Int

        init(cancelAt: Int = .max) { self.cancelAt = cancelAt }

        var calls: Int { lock.withLock { count } }

        func poll() -> Bool {
            lock.withLock {
                count += 1
                return count >= cancelAt
            }
        }
    }

    /// One series over 216,000 steps: only the checks inside the series' step loop can see the
    /// cancellation requested at the third check (the first two are the node's and the series').
    func testCancellationIsSeenInsideOneSeriesStepLoop() throws {
        for q in ["x{i=\"0\"}", "rate(x_total{i=\"0\"}[1m])", "timestamp(x{i=\"0\"})"] {
            let counter = CallCounter(cancelAt: 3)
            let error = try queryError(q) {
                try Engine(options: .standard).rangeQuery(try Parser().parseExpr(q), start: 0, end: Self.end, step: 100,
                                                          querier: $0, shouldCancel: { counter.poll() })
            }
            XCTAssertEqual(error?.kind, .canceled, q)
        }
        // The subquery's inner selector runs 360,000 steps for the single outer step.
        let counter = CallCounter(cancelAt: 4)
        let error = try queryError("subquery") {
            try Engine(options: .standard).instantQuery(try Parser().parseExpr("max_over_time(x{i=\"0\"}[1h:10ms])"),
                                                        at: Self.end, querier: $0, shouldCancel: { counter.poll() })
        }
        XCTAssertEqual(error?.kind, .canceled)
    }

    /// The sample limit fires while a long series is being built: after about 12,000 of its
    /// 216,000 steps, not at the end (every 4,096 steps a check counts the points built so far).
    func testSampleLimitFiresBeforeALongSeriesIsComplete() throws {
        for q in ["x{i=\"0\"}", "rate(x_total{i=\"0\"}[1m])"] {
            let counter = CallCounter()
            let error = try queryError(q) {
                try Engine(options: Self.small).rangeQuery(try Parser().parseExpr(q), start: 0, end: Self.end, step: 100,
                                                           querier: $0, shouldCancel: { counter.poll() })
            }
            XCTAssertEqual(error?.kind, .tooManySamples, q)
            XCTAssertLessThan(counter.calls, 8, q)
        }
    }

    func testCancellationEndsInCanceled() throws {
        let error = try queryError("canceled") {
            try Engine(options: .standard).instantQuery(try Parser().parseExpr("many"), at: Self.end, querier: $0,
                                                        shouldCancel: { true })
        }
        XCTAssertEqual(error?.kind, .canceled)
    }

    func testBadStepsAreExecutionErrors() throws {
        XCTAssertEqual(try range("x", .standard, start: 0, end: 1000, step: 0)?.kind, .execution)
        XCTAssertEqual(try range("x", .standard, start: 0, end: 1000, step: -5)?.kind, .execution)
        XCTAssertEqual(try range("x", .standard, start: 1000, end: 0, step: 1)?.kind, .execution)
    }

    // MARK: - Step limit and extreme times

    func testSubqueryWithMillisecondStepOverTenYearsIsRejected() throws {
        // 3.15e11 subquery steps: over `EngineOptions.maxSteps`, rejected before anything is allocated.
        let kind = try instant("count_over_time(x[10y:1ms])", EngineOptions(maxSamples: 50_000_000, timeout: 5))?.kind
        XCTAssertEqual(kind, .tooManySamples)
    }

    func testRangeQueryWithMillisecondStepOverAYearIsRejected() throws {
        // 3.15e10 steps: a number literal alone would need 250 GB; over `EngineOptions.maxSteps`.
        for q in ["x", "1", "vector(1)"] {
            let kind = try range(q, EngineOptions(timeout: 5), start: 0, end: 365 * 86_400_000, step: 1)?.kind
            XCTAssertEqual(kind, .tooManySamples, q)
        }
    }

    func testExtremeEvaluationTimesDoNotTrap() throws {
        // `minT - lookback` overflows at Int64.min; `end - start` overflows for [min, max].
        let engine = Engine(options: EngineOptions(timeout: 5))
        let storage = try Self.dense.get()
        for at in [Int64.min, Int64.max] {
            _ = try? engine.instantQuery(try Parser().parseExpr("rate(x_total[5m] offset -1h)"), at: at, querier: storage)
        }
        XCTAssertThrowsError(try engine.rangeQuery(try Parser().parseExpr("x"), start: .min, end: .max, step: 1,
                                                   querier: storage)) {
            XCTAssertEqual(($0 as? QueryError)?.kind, .tooManySamples)
        }
    }
}
