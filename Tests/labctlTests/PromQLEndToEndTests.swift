import Foundation
import XCTest
import LabctlTestSupport

/// Runs the built `labctl` binary for `promql check|format|tree` and `check metrics`: valid and
/// invalid input, standard input, exit codes and JSON output.
final class PromQLEndToEndTests: XCTestCase {
    private func labctl(_ arguments: String..., stdin: String = "") throws -> RunResult {
        try LabctlProcess.run(arguments, stdin: stdin)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    // MARK: - promql check

    func testPromQLCheckHintsAtGrafanaVariables() throws {
        let run = try labctl("promql", "check", "sum(rate(http_requests_total{job=\"$job\"}[$interval])) by ($endpoint)")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("parse error"), run.stderr)
        XCTAssertTrue(run.stderr.contains("note: $job, $interval, $endpoint are Grafana variables"), run.stderr)
        XCTAssertTrue(run.stderr.contains("labctl check dashboard"), run.stderr)
        let plain = try labctl("promql", "check", "sum(rate(x[5m])")
        XCTAssertFalse(plain.stderr.contains("Grafana"), plain.stderr)
    }

    func testPromQLCheck() throws {
        let valid = try labctl("promql", "check", "rate(http_requests_total{job=\"api\"}[5m])")
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertEqual(valid.stdout, "valid (instant vector): rate(http_requests_total{job=\"api\"}[5m])\n")
        XCTAssertEqual(valid.stderr, "")

        let invalid = try labctl("promql", "check", "sum(rate(x[5m])")
        XCTAssertEqual(invalid.status, 1)
        XCTAssertEqual(invalid.stdout, "")
        XCTAssertTrue(invalid.stderr.hasPrefix("1:"), invalid.stderr)
        XCTAssertTrue(invalid.stderr.contains(": parse error: unclosed left parenthesis"), invalid.stderr)
        XCTAssertFalse(invalid.stderr.contains(" | "), "no caret when stderr is not a terminal")

        let stdin = try labctl("promql", "check", "-", stdin: "avg by (job) (\n  up\n)\n")
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
        XCTAssertEqual(stdin.stdout, "valid (instant vector): avg by (job) (up)\n")

        let stdinError = try labctl("promql", "check", "-", stdin: "avg by (job) (\n  up +\n)\n")
        XCTAssertEqual(stdinError.status, 1)
        XCTAssertTrue(stdinError.stderr.hasPrefix("3:1: parse error: "), stdinError.stderr)

        XCTAssertEqual(try labctl("promql", "check", "limitk(1, up)").status, 1)
        XCTAssertEqual(try labctl("promql", "check", "--experimental", "limitk(1, up)").status, 0)
        XCTAssertEqual(try labctl("promql", "check").status, 2)
    }

    func testPromQLCheckJSON() throws {
        let valid = try labctl("promql", "check", "--format=json", "sum(up)")
        XCTAssertEqual(valid.status, 0)
        let ok = try json(valid.stdout)
        XCTAssertEqual(ok["valid"] as? Bool, true)
        XCTAssertEqual(ok["canonical"] as? String, "sum(up)")

        let invalid = try labctl("promql", "check", "-f", "json", "-", stdin: "up{job=}")
        XCTAssertEqual(invalid.status, 1)
        let failed = try json(invalid.stdout)
        XCTAssertEqual(failed["valid"] as? Bool, false)
        let diagnostics = try XCTUnwrap(failed["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.first?["file"] as? String, "<stdin>")
        XCTAssertEqual(diagnostics.first?["line"] as? Int, 1)
        XCTAssertEqual(diagnostics.first?["severity"] as? String, "error")
    }

    // MARK: - promql format and tree

    func testPromQLFormat() throws {
        let long = "histogram_quantile(0.99, sum by (le) (rate(apiserver_request_duration_seconds_bucket"
            + "{verb!=\"WATCH\",job=\"apiserver\"}[5m]))) > 1"
        let result = try labctl("promql", "format", long)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
              histogram_quantile(
                0.99,
                sum by (le) (rate(apiserver_request_duration_seconds_bucket{job="apiserver",verb!="WATCH"}[5m]))
              )
            >
              1

            """)
        let canonical = try labctl("promql", "format", "--canonical", "-", stdin: result.stdout)
        XCTAssertEqual(canonical.status, 0)
        XCTAssertEqual(canonical.stdout, "histogram_quantile(0.99, sum by (le) (rate(apiserver_request_duration_seconds_bucket"
            + "{job=\"apiserver\",verb!=\"WATCH\"}[5m]))) > 1\n")
        let again = try labctl("promql", "format", "-", stdin: result.stdout)
        XCTAssertEqual(again.stdout, result.stdout, "formatting is stable")

        let bad = try labctl("promql", "format", "rate(x[5m]")
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertTrue(bad.stderr.contains("parse error"), bad.stderr)
    }

    func testPromQLTree() throws {
        let result = try labctl("promql", "tree", "-", stdin: "sum(\n  x\n) * 2")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            BinaryExpr op=* <instant vector> 1:1-3:5
              AggregateExpr op=sum <instant vector> 1:1-3:1
                VectorSelector name=x <instant vector> 2:3-2:3
              NumberLiteral value=2 <scalar> 3:5-3:5

            """)
        let bad = try labctl("promql", "tree", "sum(x) by")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("parse error"), bad.stderr)
    }

    // MARK: - check metrics

    /// `check metrics` is registered in the `check` group.
    private func requireCheckMetrics() throws {
        let help = try labctl("check", "metrics", "--help")
        XCTAssertEqual(help.status, 0, "labctl check metrics --help")
    }

    func testCheckMetrics() throws {
        try requireCheckMetrics()
        let clean = try labctl("check", "metrics", stdin: "# HELP up Up.\n# TYPE up gauge\nup 1\n")
        XCTAssertEqual(clean.status, 0, clean.stderr)

        let lint = try labctl("check", "metrics", "-", stdin: "# TYPE requests counter\nrequests 3\n")
        XCTAssertEqual(lint.status, 3, lint.stderr)
        XCTAssertTrue(lint.stderr.contains("<stdin>:"), lint.stderr)
        XCTAssertTrue(lint.stderr.contains("no help text"), lint.stderr)

        let broken = try labctl("check", "metrics", stdin: "# TYPE up gauge\nup{job=\"a\" 1\n")
        XCTAssertEqual(broken.status, 1, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("<stdin>:2:"), broken.stderr)

        let json = try labctl("check", "metrics", "--format", "json", stdin: "# TYPE requests counter\nrequests 3\n")
        XCTAssertEqual(json.status, 3)
        let object = try self.json(json.stdout)
        XCTAssertEqual((object["summary"] as? [String: Int])?["warnings"],
                       (object["diagnostics"] as? [Any])?.count)
    }
}
