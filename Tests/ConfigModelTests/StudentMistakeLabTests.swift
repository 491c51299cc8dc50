import Diagnostics
import Foundation
import XCTest
@testable import ConfigModel

/// `check lab` on small labs written here, one per mistake students make that used to pass silently.
final class StudentMistakeLabTests: XCTestCase {
    private var root: URL?

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    /// Writes `files` (relative path → text) into a fresh directory and checks it.
    private func check(_ files: [String: String]) throws -> (dir: String, diagnostics: [Diagnostic]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-mistake-\(UUID().uuidString)")
        root = dir
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return (dir.path, LabCheck(lint: true).run(directory: dir.path).diagnostics)
    }

    private func found(_ diagnostics: [Diagnostic], _ code: String) -> [Diagnostic] {
        diagnostics.filter { $0.code == code }
    }

    // MARK: - A small stack

    static let compose = """
    services:
      prometheus:
        image: prom/prometheus:v3.5.0
        volumes:
          - ./prometheus:/etc/prometheus
        networks: [monitoring]
        restart: unless-stopped
      alertmanager:
        image: prom/alertmanager:v0.28.1
        volumes:
          - ./alertmanager:/etc/alertmanager
        networks: [monitoring]
        restart: unless-stopped
      api:
        build: ./app
        networks: [monitoring]
        restart: unless-stopped
    networks:
      monitoring:
    """

    static let app = """
    from prometheus_client import Counter, Gauge, make_asgi_app
    REQUESTS = Counter('http_requests_total', 'Requests', ['status'])
    ACTIVE = Gauge('http_requests_active', 'In flight')
    """

    static func prometheus(ruleFiles: String? = "rule_files:\n  - alert_rules.yml\n") -> String {
        "global:\n  scrape_interval: 15s\n" + (ruleFiles ?? "")
            + "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['alertmanager:9093']\n"
            + "scrape_configs:\n  - job_name: fastapi\n    static_configs:\n      - targets: ['api:8000']\n"
    }

    static let rules = """
    groups:
      - name: api
        rules:
          - alert: ServiceDown
            expr: up{job="fastapi"} == 0
            for: 1m
            labels:
              severity: critical
            annotations:
              summary: down
              description: down
    """

    static let alertmanager = """
    route:
      receiver: default
      routes:
        - matchers: ['severity="critical"']
          receiver: default
    receivers:
      - name: default
    """

    private func stack(_ overrides: [String: String]) -> [String: String] {
        var files = [
            "docker-compose.yml": Self.compose, "app/main.py": Self.app, "app/Dockerfile": "FROM python:3.11\nEXPOSE 8000\n",
            "prometheus/prometheus.yml": Self.prometheus(), "prometheus/alert_rules.yml": Self.rules,
            "alertmanager/alertmanager.yml": Self.alertmanager,
        ]
        for (k, v) in overrides { files[k] = v }
        return files
    }

    func testTheStackIsClean() throws {
        let (_, diagnostics) = try check(stack([:]))
        XCTAssertEqual(diagnostics, [])
    }

    func testPublishedPortsAgainstListeningPorts() throws {
        let compose = Self.compose.replacingOccurrences(of: "    volumes:\n      - ./alertmanager:/etc/alertmanager\n",
                                                        with: "    volumes:\n      - ./alertmanager:/etc/alertmanager\n    ports: ['9093:9093', '9094:9094', '9095:9095']\n")
        XCTAssertNotEqual(compose, Self.compose)
        let (_, diagnostics) = try check(stack(["docker-compose.yml": compose]))
        let wrong = found(diagnostics, PublishedPortNotListeningCheck.code)
        XCTAssertEqual(wrong.count, 1, diagnostics.description)
        XCTAssertTrue(wrong.first?.message.contains("container port 9095") ?? false)
        XCTAssertTrue(wrong.first?.message.contains(#"publish "9095:9093""#) ?? false)
    }

    // MARK: - Rule files not listed

    func testUnlistedRuleFileIsCheckedAndReported() throws {
        let broken = "groups:\n  - name: extra\n    rules:\n      - alert: Down\n        expr: up{job=\"fastapi\"} == = 0\n"
        let (dir, diagnostics) = try check(stack(["prometheus/extra_rules.yml": broken]))
        let unlisted = found(diagnostics, RuleFileNotListedCheck.code)
        XCTAssertEqual(unlisted.count, 1, diagnostics.description)
        XCTAssertEqual(unlisted.first?.location, SourceLocation(file: dir + "/prometheus/extra_rules.yml", line: 1, column: 1))
        XCTAssertTrue(unlisted.first?.message.contains("prometheus/prometheus.yml") ?? false)
        XCTAssertTrue(unlisted.first?.message.contains("rule_files: ['extra_rules.yml']") ?? false)
        let parse = diagnostics.filter { $0.severity == .error && $0.location?.file.hasSuffix("extra_rules.yml") == true }
        XCTAssertEqual(parse.first?.location?.line, 5, diagnostics.description)
    }

    func testRuleFilesKeyRemoved() throws {
        let (_, diagnostics) = try check(stack(["prometheus/prometheus.yml": Self.prometheus(ruleFiles: nil)]))
        let unlisted = found(diagnostics, RuleFileNotListedCheck.code)
        XCTAssertEqual(unlisted.count, 1, diagnostics.description)
        XCTAssertTrue(unlisted.first?.message.contains("has no rule_files: key") ?? false)
    }

    // MARK: - PromQL answers

    func testAnswersFileIsChecked() throws {
        let answers = "answers:\n  ej3: 'sum by endpoint (rate(http_requests_total[1m]))'\n  ej6: 'http_request_active'\n"
        let (dir, diagnostics) = try check(stack(["promql/lab2.yml": answers]))
        let parse = found(diagnostics, PromQLAnswerFile.parseErrorCode)
        XCTAssertEqual(parse.first?.location?.file, dir + "/promql/lab2.yml")
        XCTAssertEqual(parse.first?.location?.line, 2)
        let unknown = found(diagnostics, UnknownMetricCheck.code)
        XCTAssertEqual(unknown.first?.location?.line, 3, diagnostics.description)
        XCTAssertTrue(unknown.first?.message.contains("did you mean \"http_requests_active\"") ?? false)
    }

    // MARK: - Alertmanager routes against the rules' labels

    func testRouteMatcherThatNoAlertMatches() throws {
        let am = Self.alertmanager.replacingOccurrences(of: "severity=\\\"critical\\\"", with: "severity=\\\"Critical\\\"")
            .replacingOccurrences(of: #"severity="critical""#, with: #"severity="Critical""#)
        let (_, diagnostics) = try check(stack(["alertmanager/alertmanager.yml": am]))
        let never = found(diagnostics, RouteNeverMatchesCheck.code)
        XCTAssertEqual(never.count, 1, diagnostics.description)
        XCTAssertEqual(never.first?.location?.line, 4)
        XCTAssertTrue(never.first?.message.contains(#"did you mean severity="critical""#) ?? false)
    }

    func testDeprecatedMatchWithTypoIsBothDeprecatedAndNeverMatching() throws {
        let am = "route:\n  receiver: default\n  routes:\n    - match:\n        severity: warnning\n      receiver: default\nreceivers:\n  - name: default\n"
        let (_, diagnostics) = try check(stack(["alertmanager/alertmanager.yml": am]))
        XCTAssertEqual(found(diagnostics, DeprecatedMatchLint.code).count, 1)
        let never = found(diagnostics, RouteNeverMatchesCheck.code)
        XCTAssertEqual(never.first?.location?.line, 5, diagnostics.description)
    }

    // MARK: - The known-metric catalogue of Labs 6-8

    func testCatalogueSeesThroughRemoteWriteDockerDiscoveryAndPushgateway() throws {
        let compose = """
        services:
          prometheus:
            image: prom/prometheus:v3.5.0
            command: ['--config.file=/etc/prometheus/prometheus.yml', '--web.enable-remote-write-receiver']
            volumes: ['./prometheus:/etc/prometheus', '/var/run/docker.sock:/var/run/docker.sock:ro']
            networks: [monitoring]
            restart: unless-stopped
          api:
            build: ./app
            labels: ['prometheus.enable=true', 'prometheus.job=fastapi']
            networks: [monitoring]
            restart: unless-stopped
          k6:
            image: grafana/k6:0.57.0
            environment: ['K6_PROMETHEUS_RW_SERVER_URL=http://prometheus:9090/api/v1/write']
            networks: [monitoring]
            restart: unless-stopped
          pushgateway:
            image: prom/pushgateway:v1.11.1
            networks: [monitoring]
            restart: unless-stopped
          nginx_exporter:
            image: nginx/nginx-prometheus-exporter:1.4.1
            networks: [monitoring]
            restart: unless-stopped
        networks:
          monitoring:
        """
        let prometheus = "global:\n  scrape_interval: 15s\nscrape_configs:\n"
            + "  - job_name: docker_services\n    docker_sd_configs:\n      - host: unix:///var/run/docker.sock\n"
            + "  - job_name: pushgateway\n    honor_labels: true\n    static_configs:\n      - targets: ['pushgateway:9091']\n"
            + "  - job_name: nginx\n    static_configs:\n      - targets: ['nginx_exporter:9113']\n"
        let batch = "from prometheus_client import CollectorRegistry, Gauge, push_to_gateway\n"
            + "g = Gauge('job_records_processed', 'Records', registry=CollectorRegistry())\n"
        let rules = """
        groups:
          - name: g
            rules:
              - record: a:typo
                expr: http_request_active
              - record: a:active
                expr: http_requests_active
              - record: a:k6
                expr: k6_http_reqs_total
              - record: a:pushed
                expr: job_records_processed
              - record: a:nginx
                expr: nginx_connections_active
              - record: a:nginx_typo
                expr: nginx_connection_active
        """
        let files = stack(["docker-compose.yml": compose, "prometheus/prometheus.yml": prometheus + "rule_files: [alert_rules.yml]\n",
                           "prometheus/alert_rules.yml": rules, "batch/batch_job.py": batch])
        let (_, diagnostics) = try check(files)
        XCTAssertFalse(diagnostics.contains { $0.severity == .error }, diagnostics.description)
        let unknown = found(diagnostics, UnknownMetricCheck.code)
        XCTAssertEqual(unknown.compactMap(\.location?.line).sorted(), [5, 15], diagnostics.description)
    }

    // MARK: - Symbolic links leaving the lab

    func testLinkOutOfTheLabIsReportedAndNotFollowed() throws {
        let (dir, clean) = try check(stack(["grafana/dashboards/api.json": "{\"uid\":\"d\",\"title\":\"t\",\"schemaVersion\":39,\"panels\":[]}"]))
        XCTAssertEqual(found(clean, LinkOutsideLabCheck.code), [])
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try "{ not json".write(to: outside.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/grafana/dashboards/root", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: dir + "/grafana/same", withDestinationPath: "dashboards")
        let outcome = LabCheck(lint: true).run(directory: dir)
        let links = found(outcome.diagnostics, LinkOutsideLabCheck.code)
        XCTAssertEqual(links.map(\.location?.file), [dir + "/grafana/dashboards/root"], outcome.diagnostics.description)
        XCTAssertFalse(outcome.files.contains { $0.contains("broken.json") }, "\(outcome.files)")
        XCTAssertFalse(outcome.diagnostics.contains { $0.location?.file.contains("broken.json") ?? false })
    }

    func testInhibitRuleSourceThatNoAlertMatches() throws {
        let am = Self.alertmanager + "\ninhibit_rules:\n  - source_matchers: ['severity=\"critcal\"']\n"
            + "    target_matchers: ['severity=\"critical\"']\n    equal: [alertname]\n"
        let (_, diagnostics) = try check(stack(["alertmanager/alertmanager.yml": am]))
        let never = found(diagnostics, RouteNeverMatchesCheck.code)
        XCTAssertEqual(never.map(\.location?.line), [9], diagnostics.description)
        XCTAssertTrue(never.first?.message.contains("inhibit rule source_matchers") ?? false)
        XCTAssertTrue(never.first?.message.contains(#"did you mean severity="critical""#) ?? false)
    }

    // MARK: - Python

    func testPythonSyntaxError() throws {
        guard PythonSyntaxCheck().python != nil else { throw XCTSkip("python3 is not installed") }
        let (dir, diagnostics) = try check(stack(["app/main.py": Self.app + "\ndef index(:\n    pass\n"]))
        let errors = found(diagnostics, PythonSyntaxCheck.syntaxErrorCode)
        XCTAssertEqual(errors.count, 1, diagnostics.description)
        XCTAssertEqual(errors.first?.location?.file, dir + "/app/main.py")
        XCTAssertEqual(errors.first?.location?.line, 4)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/app/__pycache__"))
    }

    func testPythonMissingIsSkippedWithANote() {
        let found = PythonSyntaxCheck(searchPath: ["/nonexistent"]).check(files: ["main.py"])
        XCTAssertEqual(found.map(\.code), [PythonSyntaxCheck.skippedCode])
        XCTAssertEqual(found.first?.severity, .info)
        XCTAssertEqual(PythonSyntaxCheck(searchPath: ["/nonexistent"]).check(files: []), [])
    }
}
