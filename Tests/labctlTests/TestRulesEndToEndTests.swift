import Foundation
import XCTest
import LabctlTestSupport

/// Runs the built `labctl test rules` on the rule unit-test fixtures: exit codes, promtool-style
/// output, `--run`, `--junit` and usage errors.
final class TestRulesEndToEndTests: XCTestCase {
    private static let fixtures = LabctlProcess.packageRoot.appendingPathComponent("Tests/RuntimeTests/Fixtures/ruletests")


    private func labctl(_ arguments: String...) throws -> RunResult { try LabctlProcess.run(arguments) }

    private func fixture(_ path: String) -> String { Self.fixtures.appendingPathComponent(path).path }

    func testPassingSeedScenarios() throws {
        let run = try labctl("test", "rules", fixture("seed/seed_alerts_test.yml"))
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Unit Testing:  \(fixture("seed/seed_alerts_test.yml"))\n  SUCCESS\n"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("1 test file: 1 passed, 0 failed (0 of 4 test groups failed)\n"), run.stdout)
    }

    func testFailuresExitOneWithPromtoolDiff() throws {
        let run = try labctl("test", "rules", fixture("agreement/01_recording_pass.yml"),
                             fixture("agreement/03_alert_too_early_fail.yml"))
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("  FAILED:\n    name: expects firing while still pending,\n    alertname: InstanceDown, time: 3m, \n        exp:[\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("        got:[]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("2 test files: 1 passed, 1 failed"), run.stdout)
    }

    func testRunFilterAndJUnit() throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-rules-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: report) }
        let run = try labctl("test", "rules", "--run", "^ServiceDown", "--junit", report.path,
                             fixture("seed/seed_alerts_test.yml"))
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stdout.contains("(3 test groups skipped by --run)"), run.stdout)
        let xml = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(xml.contains("tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"3\""), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"ServiceDown pending then firing after 1m\""), xml)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try labctl("test", "rules").status, 2)
        XCTAssertEqual(try labctl("test", "rules", "--run", "(", fixture("seed/seed_alerts_test.yml")).status, 2)
        let missing = try labctl("test", "rules", "/nonexistent/test.yml")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stdout.contains("FAILED"), missing.stdout)
    }

    func testDirectoryAndDeviceExitOneAndSaySo() throws {
        let directory = try makeTemporaryDirectory(prefix: "labctl-rules-dir")
        let run = try labctl("test", "rules", directory.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue((run.stdout + run.stderr).contains("is a directory"), run.stdout + run.stderr)
        let device = try labctl("test", "rules", "/dev/null")
        XCTAssertEqual(device.status, 1)
        XCTAssertTrue((device.stdout + device.stderr).contains("not a regular file"), device.stdout + device.stderr)
    }

    func testRoundingDifferenceHintsAtFuzzyCompare() throws {
        let directory = try makeTemporaryDirectory(prefix: "labctl-rules-fuzzy")
        let file = directory.appendingPathComponent("t.yml")
        try """
            tests:
              - input_series:
                  - series: a
                    values: 0.1
                promql_expr_test:
                  - expr: a + 0.2
                    eval_time: 0s
                    exp_samples:
                      - labels: '{}'
                        value: 0.3

            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try labctl("test", "rules", file.path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("hint: the values differ only in the last digits"), run.stdout)
        XCTAssertTrue(run.stdout.contains("fuzzy_compare: true"), run.stdout)
    }
}
