import Foundation
import XCTest
import LabctlTestSupport

/// `labctl query` with requests that would evaluate billions of steps or samples: each ends quickly
/// with a clean message and exit code (2 for a usage error, 1 for a query error), never a crash.
final class QueryLimitsEndToEndTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(prefix: "labctl-limits")
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Dense data: two series with a sample every 15 s for a day.
    private func denseData() throws -> String {
        try write("dense.test", "load 15s\n  x{i=\"0\"} 0+1x5760\n  x{i=\"1\"} 0+2x5760\n")
    }

    /// Runs labctl, killing it after `limit` seconds (then `timedOut` is true). Prints the duration.
    private func labctl(_ arguments: String..., limit: TimeInterval = 60) throws -> RunResult {
        let started = Date()
        let result = try LabctlProcess.run(arguments, timeout: limit)
        print("labctl \(arguments.joined(separator: " ")): \(String(format: "%.3f", Date().timeIntervalSince(started)))s")
        return result
    }

    // MARK: - Step-count limit

    func testMillisecondStepOverAYearIsAUsageError() throws {
        let data = try denseData()
        for step in ["1ms", "0.001"] {
            let r = try labctl("query", "range", "sum(rate(x[5m]))", "--data", data, "--start", "0", "--end", "1y", "--step", step)
            XCTAssertFalse(r.timedOut)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertEqual(r.stdout, "")
            XCTAssertTrue(r.stderr.hasPrefix("labctl: error: exceeded maximum resolution of 11000 points per timeseries; try a larger --step"),
                          r.stderr)
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        }
        let json = try labctl("query", "range", "x", "--data", data, "--start", "2024-01-01T00:00:00Z",
                              "--end", "2025-01-01T00:00:00Z", "--step", "1ms", "--format", "json")
        XCTAssertEqual(json.status, 2, json.stderr)
        XCTAssertTrue(json.stderr.contains("exceeded maximum resolution"), json.stderr)
    }

    func testWidestTimeRangeIsAUsageErrorNotAnOverflow() throws {
        let data = try denseData()
        let r = try labctl("query", "range", "x", "--data", data, "--start", "-9e15", "--end", "9e15", "--step", "1ms")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("exceeded maximum resolution"), r.stderr)
        let absurd = try labctl("query", "instant", "x", "--data", data, "--time", "1e300")
        XCTAssertEqual(absurd.status, 2, absurd.stderr)
        XCTAssertTrue(absurd.stderr.contains("invalid --time 1e300"), absurd.stderr)
    }

    func testMillisecondStepOverAShortSpanWorks() throws {
        let data = try denseData()
        let r = try labctl("query", "range", "x", "--data", data, "--start", "60", "--end", "60.01", "--step", "1ms",
                           "--format", "json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let result = (object?["data"] as? [String: Any])?["result"] as? [[String: Any]]
        XCTAssertEqual(result?.count, 2)
        XCTAssertEqual((result?.first?["values"] as? [Any])?.count, 11)
    }

    // MARK: - Queries at extreme times

    func testExtremeEvaluationTimeGivesEmptyResult() throws {
        let data = try denseData()
        for time in ["-9.1e15", "9.1e15"] {
            let r = try labctl("query", "instant", "rate(x[5m]) or x offset 290y", "--data", data, "--time", time,
                               "--format", "json")
            XCTAssertEqual(r.status, 0, "\(time): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains(#""result":[]"#), r.stdout)
        }
    }

    func testDataAtTheEndsOfTheTimeRangeDoesNotCrash() throws {
        // The default evaluation time is the latest sample's: here about -292 million years.
        let low = try write("low.om", "# TYPE x gauge\nx 1 -9223372036854775\n# EOF\n")
        for q in ["x", "rate(x[5m] offset -1h)", "x @ end() offset -1h", "count_over_time(x[1h:1m])"] {
            let r = try labctl("query", "instant", q, "--data", low, "--format", "json")
            XCTAssertEqual(r.status, 0, "\(q): \(r.stderr)")
            XCTAssertTrue(r.stdout.hasPrefix(#"{"status":"success""#), r.stdout)
            XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("overflow"), r.stderr)
        }
        let both = try write("both.om", "# TYPE x gauge\nx 1 -9223372036854775\nx 2 9223372036854775\n# EOF\n")
        let r = try labctl("query", "range", "x offset -1h", "--data", both, "--start", "-9.1e15",
                           "--end", "-9.099999999999e15", "--step", "100")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    // MARK: - Subquery step limit

    /// 3.15e11 subquery steps: over the engine's step limit, an error before anything is allocated.
    /// Killed after 60 s if it ever hangs again.
    func testMillisecondSubqueryOverTenYearsEndsInAQueryError() throws {
        let data = try denseData()
        let r = try labctl("query", "instant", "count_over_time(x[10y:1ms])", "--data", data, "--time", "1d",
                           "--format", "json")
        XCTAssertFalse(r.timedOut, "still running after 60 s")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix(#"{"status":"error""#), r.stdout)
        XCTAssertTrue(r.stdout.contains("subquery would evaluate"), r.stdout)
    }
}
