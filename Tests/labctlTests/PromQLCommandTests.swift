import Foundation
import XCTest
@testable import labctl

/// `labctl promql check|format|tree`, run in-process through the command runner.
final class PromQLCommandTests: XCTestCase {
    private let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)

    private func run(_ arguments: [String], stdin: String = "", terminal: Bool = false) -> (ExitCode, TestConsole) {
        let console = TestConsole(input: stdin, terminal: terminal)
        return (runner.run(arguments, console: console.console), console)
    }

    // MARK: - check

    func testCheckValidExpressionPrintsTypeAndCanonicalForm() {
        let (code, console) = run(["promql", "check", "sum(rate(x[300s])) by (job)"])
        XCTAssertEqual(code, .success)
        XCTAssertEqual(console.stdout, "valid (instant vector): sum by (job) (rate(x[5m]))\n")
        XCTAssertEqual(console.stderr, "")
        XCTAssertEqual(run(["promql", "check", "1 + 2"]).1.stdout, "valid (scalar): 1 + 2\n")
        XCTAssertEqual(run(["promql", "check", "x[5m]"]).1.stdout, "valid (range vector): x[5m]\n")
    }

    func testCheckInvalidExpressionPrintsPrometheusMessage() {
        let (code, console) = run(["promql", "check", "sum(up"])
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(console.stdout, "")
        XCTAssertEqual(console.stderr, "1:7: parse error: unclosed left parenthesis\n")
        let typed = run(["promql", "check", "rate(up)"])
        XCTAssertEqual(typed.0, .failure)
        XCTAssertTrue(typed.1.stderr.hasPrefix("1:6: parse error: "), typed.1.stderr)
        XCTAssertTrue(typed.1.stderr.contains("expected type range vector"), typed.1.stderr)
        let grouping = run(["promql", "check", "sum(rate(x[5m]) by (le)"])
        XCTAssertEqual(grouping.0, .failure)
        XCTAssertTrue(grouping.1.stderr.hasPrefix("1:17: parse error: unexpected <by> in aggregation\n  note: a `)` may be missing before `by`"),
                      grouping.1.stderr)
    }

    func testCaretLineOnlyOnTerminal() {
        let (_, console) = run(["promql", "check", "up + * 2"], terminal: true)
        XCTAssertEqual(console.stderr, """
            1:6: parse error: unexpected <op:*>
             1 | up + * 2
               |      ^

            """)
        XCTAssertFalse(run(["promql", "check", "up + * 2"]).1.stderr.contains("|"))
    }

    func testCheckReadsMultiLineStandardInputWithPositions() {
        let query = "sum by (job) (\n  rate(x[5m])\n)\n"
        XCTAssertEqual(run(["promql", "check", "-"], stdin: query).1.stdout,
                       "valid (instant vector): sum by (job) (rate(x[5m]))\n")
        let (code, console) = run(["promql", "check", "-"], stdin: "sum by (job) (\n  rate(x[5m]\n)", terminal: true)
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(console.stderr, "3:2: parse error: unclosed left parenthesis\n 3 | )\n   |  ^\n")
        let empty = run(["promql", "check", "-"], stdin: "")
        XCTAssertEqual(empty.0, .failure)
        XCTAssertEqual(empty.1.stderr, "1:1: parse error: no expression found in input\n")
    }

    func testExperimentalFlag() {
        let plain = run(["promql", "check", "limitk(2, up)"])
        XCTAssertEqual(plain.0, .failure)
        XCTAssertTrue(plain.1.stderr.contains("parse error"), plain.1.stderr)
        for flag in ["--experimental", "-x"] {
            let (code, console) = run(["promql", "check", flag, "limitk(2, up)"])
            XCTAssertEqual(code, .success, flag)
            XCTAssertEqual(console.stdout, "valid (instant vector): limitk(2, up)\n")
        }
        XCTAssertEqual(run(["promql", "check", "-x", "rate(x[5m] smoothed)"]).0, .success)
        XCTAssertEqual(run(["promql", "check", "rate(x[5m] smoothed)"]).0, .failure)
    }

    func testCheckJSON() throws {
        let (code, console) = run(["promql", "check", "--format", "json", "up == 1"])
        XCTAssertEqual(code, .success)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(console.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["valid"] as? Bool, true)
        XCTAssertEqual(object["type"] as? String, "instant vector")
        XCTAssertEqual(object["canonical"] as? String, "up == 1")
        XCTAssertEqual(object["source"] as? String, "<query>")
        XCTAssertEqual((object["diagnostics"] as? [Any])?.count, 0)

        let failed = run(["promql", "check", "-f", "json", "-"], stdin: "up +\n  (x")
        XCTAssertEqual(failed.0, .failure)
        XCTAssertEqual(failed.1.stderr, "")
        let bad = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(failed.1.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(bad["valid"] as? Bool, false)
        XCTAssertTrue(bad["canonical"] is NSNull)
        XCTAssertEqual(bad["source"] as? String, "<stdin>")
        let diagnostic = try XCTUnwrap((bad["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(diagnostic["code"] as? String, "promql/parse-error")
        XCTAssertEqual(diagnostic["message"] as? String, "unclosed left parenthesis")
        XCTAssertEqual(diagnostic["line"] as? Int, 2)
        XCTAssertEqual(diagnostic["column"] as? Int, 5)
    }

    func testUsageErrors() {
        let missing = run(["promql", "check"])
        XCTAssertEqual(missing.0, .usageError)
        XCTAssertTrue(missing.1.stderr.contains("missing argument EXPR"), missing.1.stderr)
        XCTAssertEqual(run(["promql"]).0, .usageError)
        XCTAssertEqual(run(["promql", "chek", "x"]).0, .usageError)
        XCTAssertEqual(run(["promql", "check", "--format", "xml", "x"]).0, .usageError)
        XCTAssertEqual(run(["promql", "format", "--width", "0", "x"]).0, .usageError)
        XCTAssertEqual(run(["promql", "format", "--width", "abc", "x"]).0, .usageError)
    }

    // MARK: - format

    func testFormatPrettyAndCanonical() {
        let query = "sum by (job, instance) (rate(http_requests_total{job=\"api\",code=~\"5..\"}[5m])) / "
            + "sum by (job, instance) (rate(http_requests_total{job=\"api\"}[5m]))"
        let (code, console) = run(["promql", "format", query])
        XCTAssertEqual(code, .success)
        XCTAssertEqual(console.stdout, """
              sum by (job, instance) (rate(http_requests_total{code=~"5..",job="api"}[5m]))
            /
              sum by (job, instance) (rate(http_requests_total{job="api"}[5m]))

            """)
        let canonical = run(["promql", "format", "--canonical", query]).1.stdout
        XCTAssertFalse(canonical.dropLast().contains("\n"))
        XCTAssertTrue(canonical.hasPrefix("sum by (job, instance) (rate("), canonical)
        XCTAssertEqual(run(["promql", "format", "-w", "10", "sum(foo) by (job)"]).1.stdout,
                       "sum by (job) (\n  foo\n)\n")
        XCTAssertEqual(run(["promql", "format", "-"], stdin: "rate(\n  x[5m]\n)\n").1.stdout, "rate(x[5m])\n")
    }

    func testFormatParseError() {
        let (code, console) = run(["promql", "format", "-"], stdin: "\n\nfoo{")
        XCTAssertEqual(code, .failure)
        XCTAssertEqual(console.stdout, "")
        XCTAssertTrue(console.stderr.hasPrefix("3:"), console.stderr)
        XCTAssertTrue(console.stderr.contains("parse error"), console.stderr)
    }

    // MARK: - tree

    func testTree() {
        let (code, console) = run(["promql", "tree", "-"], stdin: "rate(\n  x[5m]\n)")
        XCTAssertEqual(code, .success)
        XCTAssertEqual(console.stdout, """
            Call func=rate <instant vector> 1:1-3:1
              MatrixSelector range=5m <range vector> 2:3-2:7
                VectorSelector name=x <instant vector> 2:3-2:3

            """)
        XCTAssertEqual(run(["promql", "tree", "rate(x)"]).0, .failure)
    }
}
