import Foundation
import XCTest
@testable import labctl

/// `labctl check metrics`, run in-process under a `check` group like the one the CLI registers.
final class CheckMetricsCommandTests: XCTestCase {
    private let runner = CommandRunner(
        root: CommandSpec(name: "labctl", summary: "test root", subcommands: [
            CommandSpec(name: "check", summary: "Check files", subcommands: [CheckMetricsCommand.spec]),
        ]),
        version: "test")

    static let clean = "# HELP up Whether the target is up.\n# TYPE up gauge\nup{job=\"a\"} 1\n"
    static let lint = """
        # HELP http_requests_total Requests.
        # TYPE http_requests_total counter
        http_requests_total{code="200"} 10
        # TYPE requests counter
        requests 3

        """
    static let broken = "# HELP up Up.\n# TYPE up gauge\nup{job=\"a\" 1\n"

    private func run(_ arguments: [String], stdin: String = "") -> (ExitCode, TestConsole) {
        let console = TestConsole(input: stdin)
        return (runner.run(["check", "metrics"] + arguments, console: console.console), console)
    }

    private func temporaryFile(_ text: String, name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("labctl-check-metrics-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testCleanInputExitsZero() {
        let (code, console) = run([], stdin: Self.clean)
        XCTAssertEqual(code, .success)
        XCTAssertEqual(console.stdout, "")
        XCTAssertEqual(console.stderr, "no problems found in 1 file\n")
        XCTAssertEqual(run(["-"], stdin: Self.clean).0, .success)
    }

    func testLintProblemsExitThree() {
        let (code, console) = run(["-"], stdin: Self.lint)
        XCTAssertEqual(code, .lintFindings)
        XCTAssertTrue(console.stderr.contains("<stdin>:4:"), console.stderr)
        XCTAssertTrue(console.stderr.contains("requests: no help text"), console.stderr)
        XCTAssertTrue(console.stderr.contains("_total"), console.stderr)
        XCTAssertTrue(console.stderr.contains("warning"), console.stderr)
        XCTAssertFalse(console.stderr.contains("http_requests_total"), console.stderr)
    }

    func testParseErrorExitsOne() {
        let (code, console) = run([], stdin: Self.broken)
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(console.stderr.hasPrefix("<stdin>:3:"), console.stderr)
        XCTAssertTrue(console.stderr.contains("error: [exposition/"), console.stderr)
    }

    func testFilesAndJSON() throws {
        let good = try temporaryFile(Self.clean, name: "good.prom")
        let bad = try temporaryFile(Self.lint, name: "lint.prom")
        let (code, console) = run(["--format", "json", good, bad])
        XCTAssertEqual(code, .lintFindings)
        XCTAssertEqual(console.stderr, "")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(console.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["files"] as? [String], [good, bad])
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(diagnostics.count, 2)
        XCTAssertTrue(diagnostics.allSatisfy { $0["file"] as? String == bad && $0["severity"] as? String == "warning" })
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary["errors"], 0)
        XCTAssertEqual(summary["warnings"], diagnostics.count)
    }

    func testMissingFileIsAnErrorButOtherFilesAreChecked() throws {
        let bad = try temporaryFile(Self.lint, name: "lint2.prom")
        let (code, console) = run(["/nonexistent/metrics.prom", bad])
        XCTAssertEqual(code, .failure)
        XCTAssertTrue(console.stderr.contains("error: [input/unreadable] /nonexistent/metrics.prom: no such file"),
                      console.stderr)
        XCTAssertTrue(console.stderr.contains("requests: no help text"), console.stderr)
    }

    func testJUnit() {
        let (code, console) = run(["--format", "junit"], stdin: Self.lint)
        XCTAssertEqual(code, .lintFindings)
        XCTAssertTrue(console.stdout.hasPrefix("<?xml"), console.stdout)
        XCTAssertTrue(console.stdout.contains("<stdin>") || console.stdout.contains("&lt;stdin&gt;"), console.stdout)
    }

    func testCounterTypeWithoutTotalIsOneFinding() {
        let (code, console) = run(["-"], stdin: "# HELP foo Foos.\n# TYPE foo counter\nfoo_total 1\n")
        XCTAssertEqual(code, .lintFindings)
        XCTAssertTrue(console.stderr.hasPrefix("<stdin>:1:1: warning: [metrics-lint/counter-type-without-total]"), console.stderr)
        XCTAssertTrue(console.stderr.contains("# TYPE foo_total counter"), console.stderr)
        XCTAssertFalse(console.stderr.contains("non-counter"), console.stderr)
        XCTAssertFalse(console.stderr.contains("should have \"_total\" suffix"), console.stderr)
    }
}
