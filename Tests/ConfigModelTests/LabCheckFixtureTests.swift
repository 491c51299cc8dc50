import ConfigModel
import Diagnostics
import Foundation
import XCTest

/// Every lab directory under Fixtures/labs, checked whole, with the findings labctl must report as
/// `code@file:line:col` (file relative to the lab directory). `.good` labs have no errors; `.bad` labs
/// have at least one `lab/…` finding.
final class LabCheckFixtureTests: XCTestCase {
    static let expected: [String: [String]] = [
        "alertmanager-typo.bad": [
            "lab/no-shared-network@grafana/provisioning/datasources/prometheus.yml:16:10",
            "lab/no-shared-network@prometheus/prometheus.yml:35:19",
            "lab/unknown-host@prometheus/prometheus.yml:14:21",
        ],
        "datasource-localhost.bad": [
            "lab/localhost-target@grafana/provisioning/datasources/datasources.yml:7:10",
            "lab/published-port@prometheus/prometheus.yml:7:19",
            "lab/wrong-service@grafana/provisioning/datasources/datasources.yml:16:10",
        ],
        "lab7.good": [],
        "localhost-target.bad": ["lab/localhost-target@prometheus/prometheus.yml:11:19"],
        "mounts.bad": [
            "grafana-lint/job-instance-variables@grafana/dashboards/up.json:1:1",
            "grafana-lint/job-instance-variables@grafana/dashboards/up.json:1:1",
            "grafana-lint/template-datasource@grafana/dashboards/up.json:1:1",
            "lab/alerts-not-sent@prometheus/alert_rules.yml:4:16",
            "lab/config-not-mounted@docker-compose.yml:11:5",
            "lab/config-not-mounted@docker-compose.yml:4:5",
            "lab/dashboards-not-mounted@grafana/provisioning/dashboards/dashboards.yml:10:13",
            "lab/dashboards-not-mounted@grafana/provisioning/dashboards/dashboards.yml:6:13",
            "lab/provisioning-not-mounted@docker-compose.yml:18:5",
        ],
        "no-compose.good": [],
        "practica26.good": [
            "compose/obsolete-version@docker-compose.monitoring.yml:1:1",
            "grafana-dashboard/api-wrapper@grafana/dashboards/api-dashboard.json:1:1",
            "grafana-lint/histogram-quantile-not-summed@grafana/dashboards/api-dashboard.json:10:69",
            "grafana-lint/job-instance-variables@grafana/dashboards/api-dashboard.json:2:16",
            "grafana-lint/job-instance-variables@grafana/dashboards/api-dashboard.json:2:16",
            "grafana-lint/rate-interval@grafana/dashboards/api-dashboard.json:10:118",
            "grafana-lint/rate-interval@grafana/dashboards/api-dashboard.json:8:75",
            "grafana-lint/template-datasource@grafana/dashboards/api-dashboard.json:2:16",
            "lab/docker-host-unresolved@prometheus.yml:7:19",
            "lab/unknown-metric@grafana/dashboards/api-dashboard.json:14:44",
        ],
        "published-port.bad": [
            "lab/no-metrics-endpoint@prometheus/prometheus.yml:19:19",
            "lab/published-port@prometheus/prometheus.yml:11:19",
            "lab/wrong-port@prometheus/prometheus.yml:15:19",
        ],
        "rule-not-mounted.bad": [
            "lab/rule-file-not-mounted@prometheus/prometheus.yml:6:5",
            "lab/rule-file-not-mounted@prometheus/prometheus.yml:7:5",
        ],
        "unknown-metric.bad": [
            "lab/unknown-job@grafana/dashboards/api.json:32:48",
            "lab/unknown-metric@grafana/dashboards/api.json:17:66",
            "lab/unknown-metric@grafana/dashboards/api.json:29:51",
            "lab/unknown-metric@grafana/dashboards/api.json:32:80",
        ],
    ]

    static var labsDirectory: URL { ConfigFixtures.directory("labs") }

    static func labs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: labsDirectory.path)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") }
    }

    /// `code@relative-file:line:col`, sorted.
    static func summary(_ diagnostics: [Diagnostic], labDirectory: String) -> [String] {
        diagnostics.map { d in
            let file = d.location.map { $0.file.hasPrefix(labDirectory + "/") ? String($0.file.dropFirst(labDirectory.count + 1)) : $0.file }
            return "\(d.code)@\(file ?? "-"):\(d.location.map { "\($0.line):\($0.column)" } ?? "-")"
        }.sorted()
    }

    func testEveryLabReportsExpectedDiagnostics() {
        let names = Self.labs()
        XCTAssertGreaterThanOrEqual(names.count, 6)
        for name in names {
            let dir = Self.labsDirectory.appendingPathComponent(name).path
            let outcome = LabCheck(lint: true).run(directory: dir)
            let got = Self.summary(outcome.diagnostics, labDirectory: dir)
            if name.hasSuffix(".good") {
                XCTAssertFalse(outcome.hasErrors, "\(name): \(got)")
            } else {
                XCTAssertTrue(outcome.diagnostics.contains { $0.code.hasPrefix("lab/") }, "\(name): \(got)")
            }
            guard let want = Self.expected[name] else {
                XCTFail("\(name) is not in the expectation table; found \(got)")
                continue
            }
            XCTAssertEqual(got, want.sorted(), name)
            for d in outcome.diagnostics where d.code.hasPrefix("lab/") {
                XCTAssertNotNil(d.location, "\(name): \(d) has no position")
            }
        }
        for name in Self.expected.keys where !names.contains(name) {
            XCTFail("expectation for missing lab \(name)")
        }
    }

    func testGoodLabSeesTheWholeStack() {
        let dir = Self.labsDirectory.appendingPathComponent("lab7.good").path
        let (lab, outcome) = LabLoader(lint: true).load(directory: dir)
        XCTAssertEqual(outcome.files.count, 8, "\(outcome.files)")
        XCTAssertEqual(lab.services.map(\.name), ["prometheus", "alertmanager", "grafana", "node_exporter", "cadvisor", "api"])
        XCTAssertEqual(lab.service(named: "api")?.role, .app)
        XCTAssertEqual(lab.service(named: "api")?.listeningPorts, [8000])
        XCTAssertEqual(lab.service(named: "cadvisor")?.listeningPorts, [8080])
        XCTAssertEqual(lab.prometheus?.containerPath, "/etc/prometheus/prometheus.yml")
        XCTAssertEqual(lab.ruleFiles.map { LabPathForTests.name($0.path) }, ["alert_rules.yml", "recording_rules.yml"])
        XCTAssertEqual(lab.ruleFileResolutions.map(\.containerPath),
                       ["/etc/prometheus/alert_rules.yml", "/etc/prometheus/recording_rules.yml"])
        XCTAssertNotNil(lab.alertmanager)
        XCTAssertEqual(lab.datasources.map(\.name), ["Prometheus", "Alertmanager"])
        XCTAssertEqual(lab.providerResolutions.first?.dashboards.map(LabPathForTests.name), ["api.json"])
        XCTAssertEqual(lab.dashboards.count, 1)
        XCTAssertTrue(lab.appMetrics.contains("http_request_duration_seconds_bucket"))
        XCTAssertTrue(lab.appMetrics.contains("errors_total"))
        XCTAssertEqual(lab.endpoints.count, 8)
    }

    func testLintNoneDropsHeuristicWarnings() {
        let dir = Self.labsDirectory.appendingPathComponent("unknown-metric.bad").path
        XCTAssertEqual(LabCheck(lint: false).run(directory: dir).diagnostics.map(\.code), [])
    }

    func testMessagesGiveTheFix() {
        let dir = Self.labsDirectory.appendingPathComponent("localhost-target.bad").path
        let messages = LabCheck().run(directory: dir).diagnostics.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("use api:8000") }, "\(messages)")
        let typo = Self.labsDirectory.appendingPathComponent("alertmanager-typo.bad").path
        XCTAssertTrue(LabCheck().run(directory: typo).diagnostics.contains {
            $0.message.contains("did you mean \"alertmanager\"?")
        })
        let rules = Self.labsDirectory.appendingPathComponent("rule-not-mounted.bad").path
        XCTAssertTrue(LabCheck().run(directory: rules).diagnostics.contains {
            $0.message.contains("(./prometheus:/etc/prometheus)")
        })
    }

    func testNotADirectory() {
        let outcome = LabCheck().run(directory: "/nonexistent/lab")
        XCTAssertEqual(outcome.diagnostics.map(\.code), [LabLoader.notALabCode])
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-empty-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        XCTAssertEqual(LabCheck().run(directory: empty.path).diagnostics.map(\.code), [LabLoader.notALabCode])
    }

    func testCatalogueIsGeneratedFromTypes() {
        let codes = LabWiringChecks.descriptions.map(\.code)
        XCTAssertEqual(Set(codes).count, codes.count)
        XCTAssertTrue(codes.allSatisfy { $0.hasPrefix("lab/") })
        XCTAssertTrue(LabWiringChecks.descriptions.allSatisfy { !$0.summary.isEmpty })
    }
}

/// File names of paths, for assertions.
enum LabPathForTests {
    static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    func testMisspeltRuleFileInMountedDirectorySuggestsTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-lab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("prometheus"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let compose = "services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - ./prometheus:/etc/prometheus\n"
        try compose.write(to: dir.appendingPathComponent("docker-compose.yml"), atomically: true, encoding: .utf8)
        try "rule_files: ['alert-rules.yml']\n".write(to: dir.appendingPathComponent("prometheus/prometheus.yml"),
                                                       atomically: true, encoding: .utf8)
        try "groups: []\n".write(to: dir.appendingPathComponent("prometheus/alert_rules.yml"), atomically: true, encoding: .utf8)
        let missing = LabCheck().run(directory: dir.path).diagnostics.filter { $0.code == "lab/rule-file-not-mounted" }
        XCTAssertEqual(missing.count, 1, "\(missing)")
        XCTAssertEqual(missing.first?.notes.map(\.message).first?.hasPrefix("did you mean \"alert_rules.yml\"? ("), true,
                       "\(missing)")
    }
}
