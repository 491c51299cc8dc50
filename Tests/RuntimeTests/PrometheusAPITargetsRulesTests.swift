import GoCompat
import ConfigModel
import Foundation
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

/// `/api/v1/targets`, `/api/v1/rules` and `/api/v1/alerts` over real managers.
final class PrometheusAPITargetsRulesTests: XCTestCase {
    private let config = """
        scrape_configs:
          - job_name: api
            scrape_interval: 15s
            scrape_timeout: 5s
            static_configs:
              - targets: ["127.0.0.1:1"]
                labels:
                  team: web
          - job_name: ignored
            static_configs:
              - targets: ["127.0.0.1:2"]
            relabel_configs:
              - action: drop
                source_labels: [__address__]
                regex: "127\\\\.0\\\\.0\\\\.1:2"
        """

    private let rules = """
        groups:
          - name: availability
            interval: 30s
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
              - alert: InstanceDown
                expr: up == 0
                for: 1m
                labels:
                  severity: critical
                annotations:
                  summary: "{{ $labels.instance }} down"
          - name: other
            rules:
              - alert: Never
                expr: vector(1) == 2
        """

    private func scrapeAPI() throws -> PrometheusAPI {
        let storage = MemoryStorage()
        let parsed = PrometheusConfig.parse(config, file: "prometheus.yml")
        let prometheus = try XCTUnwrap(parsed.validValue, "\(parsed.diagnostics)")
        let manager = ScrapeManager(storage: storage)
        try manager.apply(prometheus, baseDirectory: ".")
        manager.scrapeAllOnce(at: 1_000)
        return APIFixture.api(storage, context: APIContext(scrapeManager: manager, now: { APIFixture.now }))
    }

    private func ruleAPI() throws -> PrometheusAPI {
        let storage = try APIFixture.storage()
        var options = RuleManagerOptions(query: Engine().ruleQuery(over: storage), storage: storage,
                                         clock: ManualClock(milliseconds: 0))
        options.alignByGroupHash = false
        let manager = RuleManager(options: options)
        try manager.load([try RuleFixtures.ruleFile(rules, file: "rules/lab.yml")])
        manager.evaluateAll(at: 300_000)
        return APIFixture.api(storage, context: APIContext(ruleManager: manager, now: { APIFixture.now }))
    }

    private func data(_ response: HTTPServerResponse) throws -> [String: Any] {
        XCTAssertEqual(response.status, 200, APIFixture.text(response))
        return try XCTUnwrap(try APIFixture.json(response)["data"] as? [String: Any])
    }

    // MARK: - Targets

    func testTargetsActiveAndDropped() throws {
        let api = try scrapeAPI()
        let all = try data(APIFixture.get(api, "/api/v1/targets"))
        let active = try XCTUnwrap(all["activeTargets"] as? [[String: Any]])
        XCTAssertEqual(active.count, 1)
        let target = try XCTUnwrap(active.first)
        XCTAssertEqual(target["scrapePool"] as? String, "api")
        XCTAssertEqual(target["scrapeUrl"] as? String, "http://127.0.0.1:1/metrics")
        XCTAssertEqual(target["health"] as? String, "down")
        XCTAssertFalse((target["lastError"] as? String ?? "").isEmpty)
        XCTAssertEqual(target["scrapeInterval"] as? String, "15s")
        XCTAssertEqual(target["scrapeTimeout"] as? String, "5s")
        XCTAssertEqual((target["labels"] as? [String: String])?["team"], "web")
        XCTAssertEqual((target["labels"] as? [String: String])?["instance"], "127.0.0.1:1")
        XCTAssertNotNil(target["lastScrape"] as? String)
        let dropped = try XCTUnwrap(all["droppedTargets"] as? [[String: Any]])
        XCTAssertEqual(dropped.count, 1)
        XCTAssertEqual((dropped.first?["discoveredLabels"] as? [String: String])?["__address__"], "127.0.0.1:2")
        XCTAssertEqual(all["droppedTargetCounts"] as? [String: Int], ["ignored": 1])

        let onlyActive = try data(APIFixture.get(api, "/api/v1/targets?state=active"))
        XCTAssertEqual((onlyActive["droppedTargets"] as? [Any])?.count, 0)
        XCTAssertTrue(onlyActive["droppedTargetCounts"] is NSNull)
        let onlyDropped = try data(APIFixture.get(api, "/api/v1/targets?state=Dropped"))
        XCTAssertEqual((onlyDropped["activeTargets"] as? [Any])?.count, 0)
        let otherPool = try data(APIFixture.get(api, "/api/v1/targets?scrapePool=nothing"))
        XCTAssertEqual((otherPool["activeTargets"] as? [Any])?.count, 0)
        XCTAssertEqual((otherPool["droppedTargets"] as? [Any])?.count, 0)
    }

    func testTargetsWithoutScrapeManagerAreEmpty() throws {
        let data = try data(APIFixture.get(APIFixture.api(MemoryStorage()), "/api/v1/targets"))
        XCTAssertEqual((data["activeTargets"] as? [Any])?.count, 0)
        XCTAssertEqual(data["droppedTargetCounts"] as? [String: Int], [:])
    }

    // MARK: - Rules and alerts

    func testRulesShape() throws {
        let api = try ruleAPI()
        let groups = try XCTUnwrap(try data(APIFixture.get(api, "/api/v1/rules"))["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["name"] as? String }, ["availability", "other"])
        let group = groups[0]
        XCTAssertEqual(group["file"] as? String, "rules/lab.yml")
        XCTAssertEqual(group["interval"] as? Double, 30)
        XCTAssertEqual(group["lastEvaluation"] as? String, "1970-01-01T00:05:00Z")
        let rules = try XCTUnwrap(group["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["type"] as? String }, ["recording", "alerting"])
        XCTAssertEqual(rules[0]["name"] as? String, "job:up:sum")
        XCTAssertEqual(rules[0]["query"] as? String, "sum by (job) (up)")
        XCTAssertEqual(rules[0]["health"] as? String, "ok")
        let alerting = rules[1]
        XCTAssertEqual(alerting["state"] as? String, "pending")
        XCTAssertEqual(alerting["duration"] as? Double, 60)
        XCTAssertEqual(alerting["labels"] as? [String: String], ["severity": "critical"])
        XCTAssertEqual(alerting["annotations"] as? [String: String], ["summary": "{{ $labels.instance }} down"])
        let alerts = try XCTUnwrap(alerting["alerts"] as? [[String: Any]])
        XCTAssertEqual(alerts.count, 1)
        XCTAssertEqual((alerts[0]["labels"] as? [String: String])?["instance"], "b:1")
        XCTAssertEqual((alerts[0]["annotations"] as? [String: String])?["summary"], "b:1 down")
        XCTAssertEqual(alerts[0]["value"] as? String, "0e+00")
        XCTAssertEqual(alerts[0]["activeAt"] as? String, "1970-01-01T00:05:00Z")
    }

    func testRuleFilters() throws {
        let api = try ruleAPI()
        func names(_ query: String) throws -> [String] {
            let groups = try XCTUnwrap(try data(APIFixture.get(api, "/api/v1/rules" + query))["groups"] as? [[String: Any]])
            return groups.flatMap { ($0["rules"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        }
        XCTAssertEqual(try names("?type=alert"), ["InstanceDown", "Never"])
        XCTAssertEqual(try names("?type=record"), ["job:up:sum"])
        XCTAssertEqual(try names("?rule_name[]=Never"), ["Never"])
        XCTAssertEqual(try names("?rule_group[]=availability&type=alert"), ["InstanceDown"])
        XCTAssertEqual(try names("?file[]=elsewhere.yml"), [])
        XCTAssertEqual(try names("?match[]=" + FormURLEncoding.encode(#"{severity="critical"}"#)), ["InstanceDown"])
        try APIFixture.assertError(APIFixture.get(api, "/api/v1/rules?type=recording"), status: 400, type: "bad_data",
                                   "invalid parameter \"type\": not supported value \"recording\"")
        let excluded = try data(APIFixture.get(api, "/api/v1/rules?type=alert&exclude_alerts=true"))
        let rule = ((excluded["groups"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]])?.first
        XCTAssertTrue(rule?["alerts"] is NSNull)
    }

    func testAlerts() throws {
        let alerts = try XCTUnwrap(try data(APIFixture.get(try ruleAPI(), "/api/v1/alerts"))["alerts"] as? [[String: Any]])
        XCTAssertEqual(alerts.count, 1)
        XCTAssertEqual(alerts[0]["state"] as? String, "pending")
        XCTAssertEqual((alerts[0]["labels"] as? [String: String])?["alertname"], "InstanceDown")
        let none = try data(APIFixture.get(APIFixture.api(MemoryStorage()), "/api/v1/alerts"))
        XCTAssertEqual((none["alerts"] as? [Any])?.count, 0)
    }
}
