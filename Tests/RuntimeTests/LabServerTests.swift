import GoCompat
import Foundation
import PromModel
import XCTest
@testable import Runtime

final class LabServerTests: XCTestCase {
    static let rules = """
        groups:
          - name: api
            interval: 1s
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
              - alert: AlwaysFiring
                expr: vector(1)
                labels: {severity: critical}
                annotations: {summary: "always on"}
        """

    func testLoadsConfigRulesAndDataThenReloads() throws {
        let lab = try ServeTestLab(config: "global: {evaluation_interval: 1s}\nrule_files: [rules.yml]\n",
                                   files: ["rules.yml": Self.rules, "data.om": "# TYPE x gauge\nx{a=\"1\"} 5 1700000000\n# EOF\n"])
        defer { lab.remove() }
        var options = lab.options
        options.dataFiles = [lab.path("data.om")]
        let server = try LabServer(options: options)
        let loaded = try server.loadData()
        XCTAssertEqual(loaded.first?.samples, 1)
        XCTAssertEqual(server.ruleManager.snapshot().first?.rules.map(\.name), ["job:up:sum", "AlwaysFiring"])

        try lab.write("rules.yml", Self.rules.replacingOccurrences(of: "AlwaysFiring", with: "Renamed"))
        try server.reload()
        XCTAssertEqual(server.ruleManager.snapshot().first?.rules.last?.name, "Renamed")
        XCTAssertEqual(server.reloadStats.failed, 0)

        try lab.write("rules.yml", "groups:\n  - name: api\n    rules:\n      - record: x\n        expr: sum(\n")
        XCTAssertThrowsError(try server.reload()) { error in
            XCTAssertTrue("\(error)".contains("rules.yml"), "\(error)")
        }
        XCTAssertEqual(server.ruleManager.snapshot().first?.rules.last?.name, "Renamed", "the old rules keep running")
        XCTAssertEqual(server.reloadStats.failed, 1)
    }

    func testInvalidConfigIsAnErrorWithPositions() throws {
        let lab = try ServeTestLab(config: "scrape_configs:\n  - job_name: a\n    scrape_interval: often\n")
        defer { lab.remove() }
        XCTAssertThrowsError(try LabServer(options: lab.options)) { error in
            XCTAssertTrue("\(error)".contains("prometheus.yml:3:"), "\(error)")
        }
        var missing = lab.options
        missing.configPath = lab.path("nope.yml")
        XCTAssertThrowsError(try LabServer(options: missing))
        try lab.write("prometheus.yml", "global: {}\n")
        var badData = lab.options
        try lab.write("bad.om", "x{ 1\n")
        badData.dataFiles = [lab.path("bad.om")]
        let server = try LabServer(options: badData)
        XCTAssertThrowsError(try server.loadData()) { error in XCTAssertTrue("\(error)".contains("bad.om"), "\(error)") }
    }

    func testRulesRunOnTheWallClockAndAlertsReachTheEmbeddedAlertmanager() throws {
        let lab = try ServeTestLab(
            config: "global: {evaluation_interval: 1s}\nrule_files: [rules.yml]\n",
            files: ["rules.yml": Self.rules,
                    "alertmanager.yml": "route: {receiver: team, group_wait: 0s}\nreceivers: [{name: team}]\n"])
        defer { lab.remove() }
        var options = lab.options
        options.alertmanagerConfigPath = lab.path("alertmanager.yml")
        options.outboxPath = lab.path("outbox")
        options.tickInterval = 0.05
        let server = try LabServer(options: options)
        server.start()
        defer { try? server.stop() }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (server.dispatcher?.alerts.isEmpty ?? true) { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertEqual(server.dispatcher?.alerts.first?.labels["alertname"], "AlwaysFiring")
        let firing = server.ruleManager.snapshot().first?.rules.last
        XCTAssertEqual(firing?.state, .firing)
        let api = try XCTUnwrap(server.alertmanagerAPI)
        let listed = api.handle(HTTPServerRequest(method: "GET", target: "/api/v2/alerts"))
        XCTAssertTrue(String(decoding: listed.body, as: UTF8.self).contains("AlwaysFiring"))
    }

    func testWebPagesRenderAndEscape() throws {
        let lab = try ServeTestLab(config: "rule_files: [rules.yml]\n", files: ["rules.yml": Self.rules])
        defer { lab.remove() }
        let server = try LabServer(options: lab.options)
        let now = SystemClock().milliseconds
        for i in 0..<30 {
            try server.storage.append(Labels(["__name__": "http_requests_total", "endpoint": "/api"]), t: now - Int64(30 - i) * 10_000, v: Double(i * 10))
        }
        let web = WebUI(server: server)
        func page(_ target: String) -> String {
            String(decoding: web.handle(HTTPServerRequest(method: "GET", target: target)).body, as: UTF8.self)
        }
        let table = page("/query?expr=" + FormURLEncoding.encode("sum by (endpoint) (rate(http_requests_total[1m]))"))
        XCTAssertTrue(table.contains("<table id=\"result\">"), table)
        XCTAssertTrue(table.contains("{endpoint=&quot;/api&quot;}"), table)
        XCTAssertTrue(table.contains("<option value=\"http_requests_total\">"))
        let graph = page("/query?tab=graph&range=10m&expr=http_requests_total")
        XCTAssertTrue(graph.contains("<polyline"), graph)
        let error = page("/query?expr=" + FormURLEncoding.encode("sum(rate(x[5m])) by endpoint <script>"))
        XCTAssertTrue(error.contains("id=\"parse-error\""), error)
        XCTAssertTrue(error.contains("1:"), error)
        XCTAssertFalse(error.contains("<script>"), "the expression is escaped")
        XCTAssertTrue(page("/rules").contains("job:up:sum"))
        XCTAssertTrue(page("/alerts").contains("AlwaysFiring"))
        XCTAssertTrue(page("/targets").contains("No targets"))
        XCTAssertTrue(page("/config").contains("rule_files"))
        XCTAssertEqual(web.handle(HTTPServerRequest(method: "GET", target: "/")).status, 302)
        XCTAssertTrue(page("/query?tab=graph&range=forever&expr=up").contains("invalid range"))
    }
}
