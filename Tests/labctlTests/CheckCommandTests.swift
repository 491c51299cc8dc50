import Foundation
import XCTest
@testable import labctl

/// `labctl check config|rules`: exit codes (promtool's 0/1/3), formats, stdin and lint switches.
final class CheckCommandTests: XCTestCase {
    private let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ConfigModelTests/Fixtures")

    private func run(_ arguments: [String], stdin: String = "") -> (ExitCode, TestConsole) {
        let console = TestConsole(input: stdin)
        return (runner.run(arguments, console: console.console), console)
    }

    private func fixture(_ path: String) -> String { Self.fixtures.appendingPathComponent(path).path }

    func testCheckIsAGroupWithConfigAndRules() {
        let (code, console) = run(["check", "--help"])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(console.stdout.contains("config"))
        XCTAssertTrue(console.stdout.contains("rules"))
        XCTAssertEqual(run(["check"]).0, .usageError)
    }

    func testExitCodesFollowPromtool() {
        XCTAssertEqual(run(["check", "rules", fixture("rules/basic-alerts.good.yml")]).0, .success)
        XCTAssertEqual(run(["check", "rules", fixture("rules/record-and-alert.bad.yml")]).0, .failure)
        let duplicate = fixture("rules/duplicate-rules.good.yml")
        XCTAssertEqual(run(["check", "rules", duplicate]).0, .success)
        XCTAssertEqual(run(["check", "rules", "--lint-fatal", duplicate]).0, .lintFindings)
        XCTAssertEqual(run(["check", "rules", "--lint-fatal", "--lint", "none", duplicate]).0, .success)
        XCTAssertEqual(run(["check", "rules", "--lint-fatal", "--lint", "duplicate-rules",
                            fixture("rules/lints.good.yml")]).0, .lintFindings)
        XCTAssertEqual(run(["check", "config", fixture("prometheus/minimal.good.yml")]).0, .success)
        XCTAssertEqual(run(["check", "config", fixture("prometheus/many-errors.bad.yml")]).0, .failure)
        XCTAssertEqual(run(["check", "config", "/nonexistent/prometheus.yml"]).0, .failure)
    }

    func testTextOutputHasPositionsAndCodes() {
        let path = fixture("prometheus/timeout-gt-interval.bad.yml")
        let (code, console) = run(["check", "config", path])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(console.stderr.contains("\(path):4:21: error: [prom-config/timeout-gt-interval]"), console.stderr)
    }

    func testConfigChecksReferencedRuleFilesUnlessSyntaxOnly() {
        let path = fixture("prometheus/rule-file-errors.bad.yml")
        let (code, console) = run(["check", "config", path, "--format", "json"])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(console.stdout.contains("rules/record-and-alert"), console.stdout)
        XCTAssertEqual(run(["check", "config", "--syntax-only", path]).0, .success)
    }

    func testRulesFromStandardInput() {
        let rules = "groups:\n  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum(up\n"
        let (code, console) = run(["check", "rules", "-", "--format", "json"], stdin: rules)
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(console.stdout.contains("<stdin>"), console.stdout)
        XCTAssertTrue(console.stdout.contains("promql/parse-error"), console.stdout)
    }

    func testJUnitAndScrapeIntervalOption() {
        let path = fixture("rules/lints.good.yml")
        let (code, console) = run(["check", "rules", "--format", "junit", path])
        XCTAssertEqual(code, .success)
        XCTAssertTrue(console.stdout.contains("<testsuite"), console.stdout)
        XCTAssertEqual(run(["check", "rules", "--scrape-interval", "fast", path]).0, .usageError)
        let (_, at15s) = run(["check", "rules", "--scrape-interval", "15s", "--format", "json", path])
        XCTAssertFalse(at15s.stdout.contains("rate-range-too-short"))
        let (_, atDefault) = run(["check", "rules", "--format", "json", path])
        XCTAssertTrue(atDefault.stdout.contains("rate-range-too-short"))
    }
}
