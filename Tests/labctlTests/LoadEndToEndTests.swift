import Exposition
import Foundation
import Runtime
import XCTest
import LabctlTestSupport

/// `labctl load` as a process against `labctl demo-app`: thresholds pass (exit 0) and fail (exit 99),
/// `--out json=FILE` has the request count, which equals the app's `http_requests_total` increase;
/// bad scenarios are reported at file:line:col (exit 1), non-loopback targets refused (exit 1).
final class LoadEndToEndTests: XCTestCase {
    private func requestsTotal(_ app: DemoAppProcess) throws -> Double {
        let families = try ExpositionParser.parse(try HTTPClient(timeout: 5).get(app.url + "/metrics").text, file: "metrics")
        return families.filter { $0.name == "http_requests_total" }.flatMap(\.samples).reduce(0) { $0 + $1.value }
    }

    func testThresholdsPassAndTheCountMatchesTheDemoApp() throws {
        let app = try DemoAppProcess.start(arguments: ["--seed", "5"])
        defer { app.stop() }
        let directory = try makeTemporaryDirectory(prefix: "labctl-load")
        let out = directory.appendingPathComponent("run.json").path
        let before = try requestsTotal(app)
        let result = try LabctlProcess.run(["load", "--url", app.url + "/do_work?delay_ms=2", "--url", app.url + "/health",
                                            "--vus", "3", "--duration", "1s", "--threshold", "http_req_duration:p(95)<500",
                                            "--threshold", "errors:rate<0.1", "--out", "json=" + out], timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        XCTAssert(result.stdout.contains("http_req_duration"), result.stdout)
        XCTAssert(result.stdout.contains("all 2 thresholds passed"), result.stdout)
        XCTAssertFalse(result.stderr.contains("running ("), "no progress line without a terminal")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let requests = try XCTUnwrap(json["requests"] as? Int)
        XCTAssertGreaterThan(requests, 20)
        XCTAssertEqual(try requestsTotal(app) - before, Double(requests))
        XCTAssertEqual(json["thresholds_passed"] as? Bool, true)
        XCTAssertNotNil((json["latency_ms"] as? [String: Any])?["p95"])
    }

    func testAFailedThresholdExits99() throws {
        let app = try DemoAppProcess.start(arguments: ["--seed", "6"])
        defer { app.stop() }
        let result = try LabctlProcess.run(["load", "--url", app.url + "/do_work?delay_ms=1&fail_rate=0.5", "--vus", "2",
                                            "--duration", "1s", "--threshold", "errors:rate<0.1"], timeout: 60)
        XCTAssertEqual(result.status, 99, result.stderr + result.stdout)
        XCTAssert(result.stdout.contains("✗ errors"), result.stdout)
        XCTAssert(result.stdout.contains("1 of 1 thresholds failed"), result.stdout)
    }

    func testScenarioFileAndItsErrors() throws {
        let app = try DemoAppProcess.start()
        defer { app.stop() }
        let directory = try makeTemporaryDirectory(prefix: "labctl-load")
        let good = directory.appendingPathComponent("lab5.yml")
        try """
        targets:
          - {url: "\(app.url)/do_work?delay_ms=1", weight: 3}
          - {url: "\(app.url)/health", weight: 1}
        stages:
          - {duration: 300ms, target: 2}
          - {duration: 300ms, target: 2}
          - {duration: 300ms, target: 0}
        max_requests: 500
        thresholds:
          http_req_duration: ["p(95)<500"]
        """.write(to: good, atomically: true, encoding: .utf8)
        let ran = try LabctlProcess.run(["load", good.path, "--quiet"], timeout: 60)
        XCTAssertEqual(ran.status, 0, ran.stderr)
        XCTAssertEqual(ran.stdout, "")

        let bad = directory.appendingPathComponent("bad.yml")
        try "url: \(app.url)/\nduration: 1s\nvu: 3\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try LabctlProcess.run(["load", bad.path], timeout: 60)
        XCTAssertEqual(failed.status, 1)
        XCTAssert(failed.stderr.contains("bad.yml:3:1: error: [yaml/unknown-key]"), failed.stderr)
    }

    func testNonLoopbackTargetsAndBadOptionsAreRefused() throws {
        let refused = try LabctlProcess.run(["load", "--url", "http://192.0.2.1/", "--duration", "1s"], timeout: 30)
        XCTAssertEqual(refused.status, 1)
        XCTAssert(refused.stderr.contains("not a loopback address"), refused.stderr)
        let threshold = try LabctlProcess.run(["load", "--url", "http://127.0.0.1:1/", "--threshold", "errors:p(9)<1"], timeout: 30)
        XCTAssertEqual(threshold.status, 2)
        XCTAssert(threshold.stderr.contains("column 8"), threshold.stderr)
        XCTAssertEqual(try LabctlProcess.run(["load"], timeout: 30).status, 2)
        XCTAssertEqual(try LabctlProcess.run(["load", "--url", "http://127.0.0.1:1/", "--duration", "soon"], timeout: 30).status, 2)
        XCTAssertEqual(try LabctlProcess.run(["load", "--url", "http://127.0.0.1:1/", "--out", "csv=x"], timeout: 30).status, 2)
    }
}
