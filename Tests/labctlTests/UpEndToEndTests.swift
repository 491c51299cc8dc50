import Foundation
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// `labctl up` on the scaffolded Lab 7 (intervals shortened): the stack starts, api and Prometheus
/// are up, 20% failures from `labctl load` make HighErrorRate pending then firing on the real clock,
/// the embedded Alertmanager routes it and an `.eml` file appears in the outbox.
final class UpEndToEndTests: XCTestCase {
    /// An offset at which every port Lab 7 publishes is free.
    private func freeOffset() throws -> Int {
        let published = [9090, 3000, 9100, 8080, 8000, 6379, 9121, 80, 9113, 9093]
        for _ in 0..<50 {
            let offset = Int.random(in: 20_000...40_000)
            if published.allSatisfy({ Self.isFree($0 + offset) }) { return offset }
        }
        throw XCTSkip("no free port range")
    }

    private static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private func edit(_ url: URL, _ replacements: [(String, String)]) throws {
        var text = try String(contentsOf: url, encoding: .utf8)
        for (old, new) in replacements {
            XCTAssertTrue(text.contains(old), "\(url.lastPathComponent) has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testLab7StackFiresHighErrorRateIntoTheOutbox() throws {
        let root = try makeTemporaryDirectory(prefix: "up-lab7")
        let lab = root.appendingPathComponent("lab7")
        let initialised = try LabctlProcess.run(["init", "lab7", lab.path, "--solution"], timeout: 60)
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        try edit(lab.appendingPathComponent("prometheus/prometheus.yml"),
                 [("scrape_interval: 15s", "scrape_interval: 1s"), ("evaluation_interval: 15s", "evaluation_interval: 1s")])
        try edit(lab.appendingPathComponent("prometheus/alert_rules.yml"),
                 [("sum(rate(http_requests_total{status=~\"5..\"}[5m]))", "sum(rate(http_requests_total{status=~\"5..\"}[4s]))"),
                  ("sum(rate(http_requests_total[5m]))", "sum(rate(http_requests_total[4s]))")])
        var rules = try String(contentsOf: lab.appendingPathComponent("prometheus/alert_rules.yml"), encoding: .utf8)
        rules = rules.replacingOccurrences(of: "        for: 2m\n        labels:\n          severity: warning\n        annotations:\n          summary: \"Tasa de error alta\"",
                                           with: "        for: 3s\n        labels:\n          severity: warning\n        annotations:\n          summary: \"Tasa de error alta\"")
        XCTAssertTrue(rules.contains("for: 3s"))
        rules = rules.replacingOccurrences(of: "interval: 30s", with: "interval: 1s")
        try rules.write(to: lab.appendingPathComponent("prometheus/alert_rules.yml"), atomically: true, encoding: .utf8)
        try edit(lab.appendingPathComponent("alertmanager/alertmanager.yml"),
                 [("group_wait: 10s", "group_wait: 1s"), ("group_interval: 10s", "group_interval: 2s")])

        let offset = try freeOffset()
        let up = try BackgroundProcess(try LabctlProcess.binary().path, ["up", lab.path, "--port-offset", "\(offset)"])
        defer { up.stop(SIGINT) }
        let prometheus = "http://127.0.0.1:\(9090 + offset)", api = "http://127.0.0.1:\(8000 + offset)"
        try up.waitUntilReady(prometheus + "/-/ready")
        XCTAssertTrue(up.output.contains("api (labctl demo-app)"), up.output)
        XCTAssertTrue(up.output.contains("grafana: Grafana is not bundled"), up.output)

        func json(_ target: String) throws -> [String: Any] {
            let body = try HTTPClient(timeout: 10).get(prometheus + target).body
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        }
        func health(_ pool: String) throws -> String? {
            let targets = try json("/api/v1/targets")
            let active = (targets["data"] as? [String: Any])?["activeTargets"] as? [[String: Any]] ?? []
            return active.first { $0["scrapePool"] as? String == pool }?["health"] as? String
        }
        var deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try health("fastapi") != "up" || health("prometheus") != "up" || health("cadvisor") == "unknown" { Thread.sleep(forTimeInterval: 0.3) }
        XCTAssertEqual(try health("fastapi"), "up")
        XCTAssertEqual(try health("prometheus"), "up")
        XCTAssertEqual(try health("cadvisor"), "down", "a service labctl cannot play is down, as in a stopped stack")

        // 20% failures for long enough to cross `for`.
        let load = try BackgroundProcess(try LabctlProcess.binary().path, [
            "load", "--url", api + "/do_work?delay_ms=1&fail_rate=0.2", "--vus", "4", "--duration", "25s", "--quiet"])
        defer { load.stop() }
        var states: [String] = []
        deadline = Date().addingTimeInterval(40)
        while Date() < deadline, states.last != "firing" {
            let alerts = (try json("/api/v1/alerts")["data"] as? [String: Any])?["alerts"] as? [[String: Any]] ?? []
            if let state = alerts.first(where: { ($0["labels"] as? [String: String])?["alertname"] == "HighErrorRate" })?["state"] as? String,
               states.last != state {
                states.append(state)
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertEqual(states, ["pending", "firing"], "HighErrorRate goes pending, then firing")

        let outbox = lab.appendingPathComponent("outbox")
        var emails: [String] = []
        deadline = Date().addingTimeInterval(20)
        while Date() < deadline, emails.isEmpty {
            emails = ((try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []).filter { $0.hasSuffix(".eml") }
            if emails.isEmpty { Thread.sleep(forTimeInterval: 0.3) }
        }
        let warning = try XCTUnwrap(emails.first { $0.contains("email-warnings") }, "outbox: \(emails)")
        let message = try String(contentsOf: outbox.appendingPathComponent(warning), encoding: .utf8)
        XCTAssertTrue(message.contains("HighErrorRate"), message)
        let amAlerts = try HTTPClient(timeout: 5).get(prometheus + "/api/v2/alerts").text
        XCTAssertTrue(amAlerts.contains("HighErrorRate"), amAlerts)
        XCTAssertEqual(up.stop(SIGINT), 0, "Ctrl-C stops the stack cleanly")
    }

    func testADirectoryWithoutComposeIsAClearError() throws {
        let directory = try makeTemporaryDirectory(prefix: "up-empty")
        let result = try LabctlProcess.run(["up", directory.path], timeout: 30)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no docker-compose.yml"), result.stderr)
        let usage = try LabctlProcess.run(["up", directory.path, "--port-offset", "lots"], timeout: 30)
        XCTAssertEqual(usage.status, 2, usage.stderr)
    }
}
