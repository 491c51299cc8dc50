import Foundation
import XCTest
import LabctlTestSupport

/// Labs 6 and 8 through the built binary: misspelt exporter, recording-rule and federation mistakes
/// in the files `labctl init --solution` writes are findings with their position and exit code, and
/// `labctl grade LAB --example` grades each lab's reference with a seeded defect.
final class Lab6Lab8EndToEndTests: XCTestCase {
    private func labctl(_ arguments: String...) throws -> RunResult { try LabctlProcess.run(arguments) }

    /// `labctl init LAB DIR --solution` into a temporary directory.
    private func solution(_ lab: String) throws -> String {
        let dir = try makeTemporaryDirectory(prefix: "labctl-lab68-e2e").appendingPathComponent(lab).path
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

    func testMisspeltRedisMetricInLab6Dashboard() throws {
        let dir = try solution("lab6")
        try edit(dir + "/grafana/dashboards/redis-nginx.json") {
            $0.replacingOccurrences(of: "\"expr\": \"redis_connected_clients\"", with: "\"expr\": \"redis_connected_client\"")
        }
        let result = try labctl("check", "lab", dir, "--lint-fatal")
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(dir)/grafana/dashboards/redis-nginx.json:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[lab/unknown-metric]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("redis_connected_client,"), result.stderr)
    }

    func testSeedLatencyInLab6AnswersIsFoundAndGraded() throws {
        let dir = try solution("lab6")
        try edit(dir + "/promql/lab6.yml") {
            $0.replacingOccurrences(of: "'rate(redis_commands_duration_seconds_total[5m]) / rate(redis_commands_total[5m]) * 1000000'",
                                    with: "'redis_latency_microseconds_sum / redis_latency_microseconds_count'")
        }
        let check = try labctl("check", "lab", dir)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("\(dir)/promql/lab6.yml:11:"), check.stderr)
        XCTAssertTrue(check.stderr.contains("redis_latency_microseconds_sum"), check.stderr)
        let grade = try labctl("grade", "lab6", dir, "--lang", "en", "--check", "queries.ej4_redis_latency_us")
        XCTAssertEqual(grade.status, 0, grade.stderr)
        XCTAssertTrue(grade.stdout.contains("[0/5]"), grade.stdout)
    }

    func testMisspeltSLORuleInLab8Dashboard() throws {
        let dir = try solution("lab8")
        try edit(dir + "/grafana/dashboards/slo.json") {
            $0.replacingOccurrences(of: "\"expr\": \"job:slo_errors:ratio_rate1h / (1 - 0.999)\"",
                                    with: "\"expr\": \"job:slo_error:ratio_rate1h / (1 - 0.999)\"")
        }
        let result = try labctl("check", "lab", dir, "--lint-fatal")
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(dir)/grafana/dashboards/slo.json:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"job:slo_errors:ratio_rate1h\""), result.stderr)
    }

    func testFederationTypoInLab8IsAnError() throws {
        let dir = try solution("lab8")
        try edit(dir + "/prometheus/federation.yml") {
            $0.replacingOccurrences(of: "    honor_labels: true\n", with: "    honor_label: true\n")
        }
        let result = try labctl("check", "lab", dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(dir)/prometheus/federation.yml:13:5: error:"), result.stderr)
    }

    func testGradeExampleOfBothLabs() throws {
        for lab in ["lab6", "lab8"] {
            let result = try labctl("grade", lab, "--example", "--lang", "en")
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("Total: "), result.stdout)
            XCTAssertFalse(result.stdout.contains("grader error"), result.stdout)
        }
    }
}
