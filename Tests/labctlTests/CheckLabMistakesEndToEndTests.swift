import Foundation
import XCTest
import LabctlTestSupport

/// `labctl check lab` run as a process on labs `labctl init` wrote, with a student's mistake put in:
/// the finding, its position and the exit code.
final class CheckLabMistakesEndToEndTests: XCTestCase {
    private func labctl(_ arguments: String...) throws -> RunResult { try LabctlProcess.run(arguments) }

    /// `labctl init LAB DIR --solution` into a temporary directory.
    private func solution(_ lab: String) throws -> String {
        let dir = try makeTemporaryDirectory(prefix: "labctl-mistake-e2e").appendingPathComponent(lab).path
        let written = try labctl("init", lab, dir, "-q", "--solution")
        XCTAssertEqual(written.status, 0, written.stderr)
        return dir
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(text, changed, "\(path) did not change")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testUnlistedRuleFileWithSyntaxErrorFailsTheCheck() throws {
        let dir = try solution("lab7")
        let rules = "groups:\n  - name: extra\n    rules:\n      - alert: ApiDown\n        expr: up{job=\"fastapi\"} == = 0\n"
        try rules.write(toFile: dir + "/prometheus/extra_rules.yml", atomically: true, encoding: .utf8)
        let result = try labctl("check", "lab", dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(dir)/prometheus/extra_rules.yml:1:1: warning: [lab/rule-file-not-listed]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(dir)/prometheus/extra_rules.yml:5:"), result.stderr)
    }

    func testMisspeltMetricInLab8Dashboard() throws {
        let dir = try solution("lab8")
        try edit(dir + "/grafana/dashboards/fastapi.json") {
            $0.replacingOccurrences(of: "\"expr\": \"sum(rate(http_requests_total", with: "\"expr\": \"sum(rate(http_request_active")
        }
        let result = try labctl("check", "lab", dir, "--lint-fatal")
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("[lab/unknown-metric]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"http_requests_active\""), result.stderr)
    }

    func testAnswersFileParseErrorInLab2() throws {
        let dir = try solution("lab2")
        try edit(dir + "/promql/lab2.yml") {
            $0.replacingOccurrences(of: "'sum by (endpoint) (rate(http_requests_total[1m]))'",
                                    with: "'sum by endpoint (rate(http_requests_total[1m]))'")
        }
        let result = try labctl("check", "lab", dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(dir)/promql/lab2.yml:10:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[promql-answers/parse-error]"), result.stderr)
        let rules = try labctl("check", "rules", dir + "/promql/lab2.yml")
        XCTAssertEqual(rules.status, 1)
        XCTAssertTrue(rules.stderr.contains("[check/wrong-file-kind]"), rules.stderr)
    }

    func testRouteThatNeverMatchesInLab7() throws {
        let dir = try solution("lab7")
        try edit(dir + "/alertmanager/alertmanager.yml") {
            $0.replacingOccurrences(of: "severity=\"critical\"", with: "severity=\"Critical\"")
        }
        let result = try labctl("check", "lab", dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("/alertmanager/alertmanager.yml:19:11: warning: [lab/route-never-matches]"), result.stderr)
    }

    func testNginxSeedVersionInLab6() throws {
        let dir = try solution("lab6")
        try edit(dir + "/docker-compose.yml") {
            $0.replacingOccurrences(of: "'--nginx.scrape-uri=http://nginx:8080/stub_status'",
                                    with: "'-nginx.scrape-uri=http://nginx:9113/stub_status'")
        }
        let result = try labctl("check", "lab", dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("[lab/single-dash-flag]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[lab/exporter-wrong-port]"), result.stderr)
    }
}
