import Foundation
import XCTest
@testable import labctl
import LabctlTestSupport

/// `labctl labs`, `labctl init` and `labctl check lab-spec`, run in-process and as the built binary.
final class LabCommandsTests: XCTestCase {

    private func run(_ arguments: [String]) -> RunResult { TestConsole.runLabctl(arguments) }

    private func temporaryDirectory() throws -> URL { try makeTemporaryDirectory(prefix: "labctl-cli") }

    // MARK: - labs

    func testLabsListGolden() {
        let result = run(["labs", "list", "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, """
        LAB         PTS  EX  TITLE
        lab0        100   3  Initial stack setup
        lab1        100   2  First service with metrics
        lab2        100   2  Understanding PromQL
        lab3        100   2  Grafana dashboards
        lab4        100   2  System metrics with Node Exporter
        lab5        100   2  Load testing with k6
        lab6        100   4  Monitoring Redis and Nginx
        lab7        100   2  Alerts with Alertmanager
        lab8        100   5  Advanced cases and good practices
        practica26  100   3  Práctica 26: Monitoring and performance profiling

        """)
    }

    func testLabsShow() {
        let result = run(["labs", "show", "lab7"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("lab7 — Alertas con Alertmanager (v2, 100 puntos)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("     - 10 pts  alert_fires file=prometheus/alert_rules.yml alert=HighErrorRate scenario=error_burst within=5m\n"),
                      result.stdout)
        let unknown = run(["labs", "show", "lab77"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("unknown lab \"lab77\" (did you mean \"lab7\"?)"), unknown.stderr)
        XCTAssertEqual(run(["labs", "show", "lab1", "--lang", "fr"]).status, 2)
    }

    // MARK: - init

    func testInitDryRunForceAndRerun() throws {
        let dir = try temporaryDirectory().appendingPathComponent("l1").path
        let dry = run(["init", "lab1", dir, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("would write 6 file(s) (6 create)"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("+++ b/services/fastapi_app/main.py\n"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir))

        XCTAssertEqual(run(["init", "lab1", dir]).status, 0)
        let again = run(["init", "lab1", dir])
        XCTAssertTrue(again.stdout.contains("wrote 0 file(s) (6 unchanged)"), again.stdout)

        let file = dir + "/prometheus/prometheus.yml"
        try "global: {}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let kept = run(["init", "lab1", dir])
        XCTAssertEqual(kept.status, 0)
        XCTAssertTrue(kept.stderr.contains("1 file(s) differ from the template and were kept: prometheus/prometheus.yml"), kept.stderr)
        let diff = run(["init", "lab1", dir, "--dry-run"])
        XCTAssertTrue(diff.stdout.contains("--- a/prometheus/prometheus.yml\n+++ b/prometheus/prometheus.yml\n@@ -1,1 +1,"), diff.stdout)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "global: {}\n")
        XCTAssertEqual(run(["init", "lab1", dir, "--force"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("TODO(labctl)"), "the starter is back")
        XCTAssertEqual(run(["init", "lab1", dir, "--force", "--solution"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("job_name: 'fastapi'"))
    }

    func testInitPractica26NeedsAndUsesStudentValues() throws {
        let dir = try temporaryDirectory().appendingPathComponent("p26").path
        let missing = run(["init", "practica26", dir])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("missing prefix"), missing.stderr)
        let ok = run(["init", "practica26", dir, "--student", "ana", "--prefix", "ana_shop", "--domain", "salud",
                      "--entity", "cita", "--set", "project=clinica", "--solution"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let rules = try String(contentsOfFile: dir + "/alert_rules.yml", encoding: .utf8)
        XCTAssertTrue(rules.contains("alert: AnaShopHighCPU"), rules)
        XCTAssertTrue(rules.contains("expr: ana_shop_cpu_usage_percent > 80"), rules)
        XCTAssertTrue(rules.contains("{{ $value | humanizeDuration }}"), "Prometheus templates untouched")
        let answers = try String(contentsOfFile: dir + "/.labctl/answers.yaml", encoding: .utf8)
        XCTAssertTrue(answers.contains("lab: practica26\nversion: 2\nvariant: solution\nanswers:\n"), answers)
        XCTAssertTrue(answers.contains("  project: clinica\n"), answers)
        XCTAssertEqual(run(["init", "--update", dir]).status, 0)
        XCTAssertEqual(run(["init", "--update"]).status, 2)
    }

    // MARK: - check lab-spec

    func testCheckLabSpecCommand() throws {
        let console = TestConsole()
        let labs = LabctlProcess.packageRoot.appendingPathComponent("labs")
        let good = CommandRunner(root: CommandSpec(name: "labctl", summary: "", subcommands: [CheckLabSpecCommand.spec]),
                                     version: "t").run(["lab-spec", labs.appendingPathComponent("lab7").path], console: console.console)
        XCTAssertEqual(good, .success, console.stderr)

        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("lab.yaml")
        try String(contentsOf: labs.appendingPathComponent("lab0/lab.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "kind: datasource\n", with: "kind: datasourc\n")
            .write(to: bad, atomically: true, encoding: .utf8)
        let console2 = TestConsole()
        let status = CommandRunner(root: CommandSpec(name: "labctl", summary: "", subcommands: [CheckLabSpecCommand.spec]),
                                       version: "t").run(["lab-spec", bad.path, "--format", "json"], console: console2.console)
        XCTAssertEqual(status, .failure)
        XCTAssertTrue(console2.stdout.contains("lab-spec/unknown-check-kind"), console2.stdout)
        XCTAssertTrue(console2.stdout.contains("did you mean \\\"datasource\\\""), console2.stdout)
    }

    // MARK: - The built binary

    func testBuiltBinaryFindsItsContent() throws {
        let dir = try temporaryDirectory().appendingPathComponent("lab6").path
        let result = try LabctlProcess.run(["init", "lab6", dir, "-q"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("wrote 16 file(s) (16 create)\n"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/nginx/nginx.conf"))
        let missing = try LabctlProcess.run(["labs", "list"], environment: ["LABCTL_CONTENT": dir])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("lab content not found"), missing.stderr)
    }
}
