import Foundation
import LabCatalog
import LabctlTestSupport
import XCTest
@testable import Grading

/// With Debian's Prometheus backfilled with a lab's scenarios, `--prometheus` gives the same verdicts
/// as the embedded engine on the PromQL, recording-rule and alert checks (reference solutions and
/// seeded defects). Skipped without prometheus/promtool.
final class PrometheusBackendAgreementTests: XCTestCase {
    static let remoteKinds: Set<String> = ["promql", "recording_rule", "alert_fires", "alert_silent", "dashboard_panel"]
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func solution(_ spec: LabSpec, catalog: Catalog, patch: [String: (String, String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grader-remote-\(UUID().uuidString)")
        dirs.append(dir)
        for (path, content) in try LabRenderer(catalog: catalog).render(spec, values: [:], variant: .solution) {
            var text = content
            if let (old, new) = patch[path] {
                let range = try XCTUnwrap(text.range(of: old), "patch text not in \(path)")
                text.replaceSubrange(range, with: new)
            }
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    /// Grades every variant with both engines and asserts identical outcome, points and feedback.
    func agree(_ lab: String, variants: [String: [String: (String, String)]], mustFail: [String: String]) throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab(lab)
        let server = try PrometheusServer(openMetrics: try ScenarioTimeline(spec).openMetrics(spec))
        defer { server.stop() }
        var remote = GraderOptions()
        remote.prometheusURL = server.url
        var compared = 0
        for (name, patch) in variants.sorted(by: { $0.key < $1.key }) {
            let dir = try solution(spec, catalog: catalog, patch: patch)
            let embedded = try Grader(spec: spec).grade(submission: dir)
            let viaPrometheus = try Grader(spec: spec, options: remote).grade(submission: dir)
            XCTAssertTrue(viaPrometheus.graderErrors.isEmpty, "\(lab) \(name): \(PlainTextReport(language: .en).render(viaPrometheus))")
            let other = Dictionary(viaPrometheus.checks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for check in embedded.checks where Self.remoteKinds.contains(check.kind) {
                let r = try XCTUnwrap(other[check.id], check.id)
                XCTAssertEqual(check.outcome, r.outcome, "\(lab) \(name) \(check.id)")
                XCTAssertEqual(check.points, r.points, "\(lab) \(name) \(check.id)")
                XCTAssertEqual(check.feedback.map(\.message), r.feedback.map(\.message), "\(lab) \(name) \(check.id)")
                compared += 1
            }
            if let failing = mustFail[name] {
                XCTAssertEqual(other[failing]?.outcome, .failed, "\(lab) \(name): \(failing) should fail")
            }
        }
        XCTAssertGreaterThan(compared, 0)
    }

    func testLab7AlertsAgree() throws {
        let rules = "prometheus/alert_rules.yml"
        try agree("lab7", variants: [
            "reference": [:],
            "threshold": [rules: (") > 0.05", ") > 0.5")],
            "for": [rules: ("for: 1m", "for: 9m")],
        ], mustFail: ["threshold": "rules.high_error_rate_fires", "for": "rules.service_down_fires"])
    }

    func testLab8RecordingRulesAgree() throws {
        let rules = "prometheus/recording_rules.yml"
        try agree("lab8", variants: [
            "reference": [:],
            "endpoint": [rules: ("sum by (job, endpoint) (rate(http_requests_total[1m]))", "sum by (job, method) (rate(http_requests_total[1m]))")],
            "p95": [rules: ("sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))", "sum by (le) (rate(http_request_duration_seconds_bucket[5m]))")],
        ], mustFail: [:])
    }

    func testLab6QueriesAgree() throws {
        let answers = "promql/lab6.yml"
        try agree("lab6", variants: [
            "reference": [:],
            "seed_latency": [answers: ("'rate(redis_commands_duration_seconds_total[5m]) / rate(redis_commands_total[5m]) * 1000000'",
                                       "'redis_latency_microseconds_sum / redis_latency_microseconds_count'")],
            "miss_ratio": [answers: ("ej2_cache_hit_ratio: 'rate(redis_keyspace_hits_total[5m]) / (", "ej2_cache_hit_ratio: 'rate(redis_keyspace_misses_total[5m]) / (")],
        ], mustFail: ["seed_latency": "queries.ej4_redis_latency_us", "miss_ratio": "queries.ej2_cache_hit_ratio"])
    }

    /// The SLO queries select 30 days: the scenarios' slots are far enough apart that the other
    /// scenario's requests stay out of the window.
    func testLab8SLOAgree() throws {
        let answers = "promql/lab8.yml"
        try agree("lab8", variants: [
            "reference": [:],
            "errors": [answers: ("ej1_availability_percent: '(sum(rate(http_requests_total{status!~", "ej1_availability_percent: '(sum(rate(http_requests_total{status=~")],
            "budget99": [answers: ("sum(rate(http_requests_total[30d])))) / 0.001)'", "sum(rate(http_requests_total[30d])))) / 0.01)'")],
        ], mustFail: ["errors": "slo.ej1_availability_percent", "budget99": "slo.ej3_error_budget_remaining"])
    }

    /// An unreachable server makes the remote checks grader errors, never passes.
    func testUnreachablePrometheusIsAGraderErrorNotAPass() throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("lab7")
        let dir = try solution(spec, catalog: catalog, patch: [:])
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }
        var options = GraderOptions(queryTimeout: 2)
        options.prometheusURL = "http://127.0.0.1:\(port)"
        let report = try Grader(spec: spec, options: options).grade(submission: dir)
        let alerts = report.checks.filter { $0.kind == "alert_fires" || $0.kind == "alert_silent" }
        XCTAssertFalse(alerts.isEmpty)
        for check in alerts { XCTAssertEqual(check.outcome, .graderError, "\(check.id): \(check.feedback.map(\.message))") }
    }
}
