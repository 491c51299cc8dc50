import Foundation
import XCTest
import LabctlTestSupport

/// promtool, a client nobody here wrote, against `labctl serve`'s Prometheus HTTP API:
/// `promtool query instant|range|series|labels`. Skipped without promtool.
final class PrometheusAPIPromtoolEndToEndTests: XCTestCase {
    typealias Serve = ServeEndToEndTests.Serve

    /// Runs promtool with `arguments` (bounded to 30 s) and returns its status and output.
    private func promtool(_ path: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try ChildProcess.run(path, arguments: arguments, timeout: 30)
        return (result.status, result.stdout, result.stderr)
    }

    func testPromtoolQueriesLabctlServe() throws {
        guard let tool = BackgroundProcess.tool("promtool") else { throw XCTSkip("promtool not installed") }
        let now = Int(Date().timeIntervalSince1970)
        let serve = try Serve(config: "global: {scrape_interval: 15s}\n",
                              files: ["recent.om": ServePeersEndToEndTests.recentData(minutes: 4, now: now)],
                              arguments: ["--data", "recent.om"])
        defer { _ = serve.stop() }

        let instant = try promtool(tool, ["query", "instant", "--time", "\(now)", serve.url, #"lab_requests_total{endpoint="/a"}"#])
        XCTAssertEqual(instant.status, 0, instant.err)
        XCTAssertTrue(instant.out.contains(#"lab_requests_total{endpoint="/a"} => 50 @["#), instant.out)

        let json = try promtool(tool, ["query", "instant", "-o", "json", "--time", "\(now)", serve.url,
                                       "sum(lab_requests_total)"])
        XCTAssertEqual(json.status, 0, json.err)
        let decoded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        XCTAssertEqual((decoded.first?["value"] as? [Any])?.last as? String, "62")

        let range = try promtool(tool, ["query", "range", "--start", "\(now - 120)", "--end", "\(now)", "--step", "1m",
                                        serve.url, #"lab_requests_total{endpoint="/b"}"#])
        XCTAssertEqual(range.status, 0, range.err)
        XCTAssertTrue(range.out.contains("6 @[\(now - 120)]") && range.out.contains("12 @[\(now)]"), range.out)

        let series = try promtool(tool, ["query", "series", "--match", "lab_requests_total", serve.url])
        XCTAssertEqual(series.status, 0, series.err)
        XCTAssertEqual(series.out.split(separator: "\n").count, 2, series.out)
        XCTAssertTrue(series.out.contains(#"endpoint="/b""#), series.out)

        let labels = try promtool(tool, ["query", "labels", serve.url, "endpoint"])
        XCTAssertEqual(labels.status, 0, labels.err)
        XCTAssertEqual(labels.out.split(separator: "\n").map(String.init), ["/a", "/b"])

        let bad = try promtool(tool, ["query", "instant", serve.url, "sum("])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.err.contains("parse error"), bad.err)
    }
}
