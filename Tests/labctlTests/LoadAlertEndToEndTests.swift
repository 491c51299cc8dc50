import Foundation
import Runtime
import XCTest
import LabctlTestSupport

/// Lab 7's alert on the real clock, without Docker: `labctl serve` scrapes `labctl demo-app` and
/// evaluates a HighErrorRate rule (Lab 7's expression with shortened windows); `labctl load` with
/// 20 % failures makes it go pending, then firing.
final class LoadAlertEndToEndTests: XCTestCase {
    func testLoadWithFailuresFiresHighErrorRate() throws {
        let app = try DemoAppProcess.start(arguments: ["--seed", "9"])
        defer { app.stop() }
        let directory = try makeTemporaryDirectory(prefix: "labctl-load-alert")
        try """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: [alert_rules.yml]
        scrape_configs:
          - job_name: api
            static_configs:
              - targets: ["127.0.0.1:\(app.port)"]
        """.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        try """
        groups:
          - name: api
            rules:
              - alert: HighErrorRate
                expr: sum(rate(http_requests_total{status=~"5.."}[5s])) / sum(rate(http_requests_total[5s])) > 0.05
                for: 3s
                labels: {severity: critical}
        """.write(to: directory.appendingPathComponent("alert_rules.yml"), atomically: true, encoding: .utf8)
        let serve = try DemoAppProcess.start(command: "serve", readyPath: "/-/ready",
                                             arguments: ["--config", directory.appendingPathComponent("prometheus.yml").path])
        defer { serve.stop() }
        XCTAssertEqual(try state(serve), "inactive")

        let load = Process()
        load.executableURL = try LabctlProcess.binary()
        load.arguments = ["load", "--url", app.url + "/do_work?delay_ms=5&fail_rate=0.2", "--vus", "2", "--duration", "15s", "--quiet"]
        try load.run()
        defer {
            if load.isRunning { kill(load.processIdentifier, SIGINT) }
            load.waitUntilExit()
        }
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(14)
        while Date() < deadline {
            let current = try state(serve)
            if seen.last != current { seen.append(current) }
            if current == "firing" { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTAssertEqual(seen.last, "firing", "states seen: \(seen)")
        XCTAssert(seen.contains("pending"), "pending before firing: \(seen)")
    }

    /// HighErrorRate's state in serve's /api/v1/alerts (`inactive` when absent).
    private func state(_ serve: DemoAppProcess) throws -> String {
        let body = try HTTPClient(timeout: 5).get(serve.url + "/api/v1/alerts").body
        let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        let alerts = ((object?["data"] as? [String: Any])?["alerts"] as? [[String: Any]]) ?? []
        let mine = alerts.first { ($0["labels"] as? [String: String])?["alertname"] == "HighErrorRate" }
        return mine?["state"] as? String ?? "inactive"
    }
}
