import XCTest
import ConfigModel
@testable import labctl
import LabctlTestSupport

/// A check command run on the wrong kind of file prints one error naming the right command.
final class FileKindGuessTests: XCTestCase {
    private func run(_ arguments: [String], stdin: String) -> RunResult {
        TestConsole.runLabctl(arguments, stdin: stdin)
    }

    private static let alertmanager = """
    global:
      resolve_timeout: 5m
    route:
      receiver: team
    receivers:
      - name: team
    """

    private static let prometheus = """
    global:
      scrape_interval: 15s
    rule_files:
      - alert_rules.yml
    scrape_configs:
      - job_name: api
        static_configs:
          - targets: ['api:8000']
    """

    private static let ruleTests = """
    rule_files:
      - alert_rules.yml
    evaluation_interval: 1m
    tests:
      - interval: 1m
        input_series: []
    """

    // MARK: - Guessing

    func testGuessPicksTheKindWithMostSignatureKeys() {
        XCTAssertEqual(FileKindGuess.guess(keys: ["global", "route", "receivers"]), .alertmanager)
        XCTAssertEqual(FileKindGuess.guess(keys: ["rule_files", "evaluation_interval", "tests"]), .ruleTests)
        XCTAssertEqual(FileKindGuess.guess(keys: ["groups"]), .rules)
        XCTAssertEqual(FileKindGuess.guess(keys: ["services", "volumes"]), .compose)
        XCTAssertNil(FileKindGuess.guess(keys: ["global"]), "global alone is shared by two kinds")
        XCTAssertNil(FileKindGuess.guess(keys: ["route", "scrape_configs"]), "a tie is no guess")
        XCTAssertNil(FileKindGuess.guess(keys: []))
    }

    func testNoMismatchForTheRightKindTyposOrBrokenYAML() {
        XCTAssertNil(FileKindGuess.mismatch(text: Self.prometheus, file: "p.yml", expected: .prometheusConfig))
        XCTAssertNil(FileKindGuess.mismatch(text: "group:\n  - name: x\n", file: "r.yml", expected: .rules))
        XCTAssertNil(FileKindGuess.mismatch(text: "groups: [\n", file: "r.yml", expected: .rules))
        XCTAssertNil(FileKindGuess.mismatch(text: "", file: "r.yml", expected: .rules))
        XCTAssertNil(FileKindGuess.mismatch(text: "- a\n- b\n", file: "r.yml", expected: .rules))
    }

    func testMismatchPointsAtTheFirstTellingKey() throws {
        let wrong = try XCTUnwrap(FileKindGuess.mismatch(text: Self.alertmanager, file: "am.yml",
                                                         expected: .prometheusConfig))
        XCTAssertEqual(wrong.code, FileKindGuess.code)
        XCTAssertEqual(wrong.location?.line, 3)
        XCTAssertEqual(wrong.location?.column, 1)
        XCTAssertTrue(wrong.message.contains("`labctl check alertmanager am.yml`"), wrong.message)
        XCTAssertTrue(wrong.message.contains("top-level keys route, receivers"), wrong.message)
    }

    // MARK: - Commands

    func testCheckConfigOnAnAlertmanagerFile() {
        let result = run(["check", "config", "-"], stdin: Self.alertmanager)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
        <stdin>:3:1: error: [check/wrong-file-kind] this looks like an Alertmanager configuration \
        (top-level keys route, receivers), not a Prometheus configuration; check it with \
        `labctl check alertmanager -`
        1 error in 1 file

        """)
    }

    func testCheckRulesOnAPrometheusConfigAndOnARuleTestFile() {
        let config = run(["check", "rules", "-"], stdin: Self.prometheus)
        XCTAssertEqual(config.status, 1)
        XCTAssertTrue(config.stderr.contains("<stdin>:3:1: error: [check/wrong-file-kind]"), config.stderr)
        XCTAssertTrue(config.stderr.contains("`labctl check config -`"), config.stderr)
        XCTAssertFalse(config.stderr.contains("unknown key"), "no wall of unknown keys")

        let tests = run(["check", "rules", "-"], stdin: Self.ruleTests)
        XCTAssertEqual(tests.status, 1)
        XCTAssertTrue(tests.stderr.contains("run it with `labctl test rules -`"), tests.stderr)
        XCTAssertEqual(tests.stderr.components(separatedBy: "error:").count, 2, "exactly one error")
    }

    func testCheckRulesOnAPromQLAnswersFile() {
        let answers = "# Lab 2\nanswers:\n  ej1_requests_total: 'http_requests_total'\n"
        let result = run(["check", "rules", "-"], stdin: answers)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("<stdin>:2:1: error: [check/wrong-file-kind] this looks like a PromQL answers file"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("`labctl check lab DIR`"), result.stderr)
        XCTAssertFalse(result.stderr.contains("unknown key"), result.stderr)
        XCTAssertEqual(FileKindGuess.guess(keys: ["answers"]), .promqlAnswers)
    }

    func testOtherConfigChecksAndJSON() throws {
        for (command, text) in [("alertmanager", Self.prometheus), ("compose", Self.alertmanager),
                                ("datasources", Self.prometheus), ("dashboard", Self.prometheus)] {
            let result = run(["check", command, "-"], stdin: text)
            XCTAssertEqual(result.status, 1, command)
            XCTAssertTrue(result.stderr.contains("[check/wrong-file-kind]"), "\(command): \(result.stderr)")
        }
        let json = run(["check", "alertmanager", "--format", "json", "-"], stdin: Self.prometheus)
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { $0["code"] as? String }, [FileKindGuess.code])
    }

    func testRightKindStillChecked() {
        let result = run(["check", "config", "--syntax-only", "-"], stdin: Self.prometheus)
        XCTAssertEqual(result.status, 0, result.stderr)
        let broken = run(["check", "alertmanager", "-"], stdin: "route:\n  receiver: nobody\nreceivers: []\n")
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("am-config/unknown-receiver"), broken.stderr)
    }
}
