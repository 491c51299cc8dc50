@testable import PromQL
import XCTest

/// The pretty printer follows Prometheus's `Prettify` rules (see ``PrettyPrinter``). Most cases use
/// a width of 10 so that short expressions exercise every rule.
final class PrettyPrinterTests: XCTestCase {
    let parser = Parser(options: .allExperimental)

    private func check(_ cases: [(String, String)], width: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        for (input, expected) in cases {
            let tree = try parser.parseExpr(input)
            let pretty = PrettyPrinter(maxWidth: width).format(tree)
            XCTAssertEqual(pretty, expected, "\(input)\n--- got:\n\(pretty)", file: file, line: line)
            let again = try parser.parseExpr(pretty)
            XCTAssertTrue(again.structurallyEquals(tree), "reparse of \(input)", file: file, line: line)
        }
    }

    // MARK: - Rules, width 10

    func testAggregations() throws {
        try check([
            ("sum(up)", "sum(up)"),
            ("sum by (job) (up)", "sum by (job) (\n  up\n)"),
            ("max(foo) without (instance)", "max without (instance) (\n  foo\n)"),
            ("sum by () (requests)", "sum(\n  requests\n)"),
            ("topk(5, requests)", "topk(\n  5,\n  requests\n)"),
            ("topk by (job) (3, cpu)", "topk by (job) (\n  3,\n  cpu\n)"),
            ("count_values(\"v\", up)", "count_values(\n  \"v\",\n  up\n)"),
            ("avg by (a) (min by (b) (xyz))", "avg by (a) (\n  min by (b) (\n    xyz\n  )\n)"),
        ], width: 10)
    }

    func testBinaryExpressions() throws {
        try check([
            ("a+b", "a + b"),
            ("alpha + beta", "  alpha\n+\n  beta"),
            ("x == bool 1", "  x\n== bool\n  1"),
            ("alpha - beta - gamma", "    alpha\n  -\n    beta\n-\n  gamma"),
            ("ab + cd + efghijk", "  ab + cd\n+\n  efghijk"),
            ("abc * on(job) group_left(env) defgh", "  abc\n* on (job) group_left (env)\n  defgh"),
            ("abc / ignoring(x) defgh", "  abc\n/ ignoring (x)\n  defgh"),
            ("errors unless on(job) excluded", "  errors\nunless on (job)\n  excluded"),
            ("2 ^ 3 ^ 4 ^ 5", "  2\n^\n  3 ^ 4 ^ 5"),
            ("2 ^ 3 ^ 4 ^ 5 ^ 6", "  2\n^\n    3\n  ^\n    4 ^ 5 ^ 6"),
        ], width: 10)
    }

    func testCalls() throws {
        try check([
            ("time()", "time()"),
            ("rate(requests[5m])", "rate(\n  requests[5m]\n)"),
            ("clamp(cpu_load, 0, 1)", "clamp(\n  cpu_load,\n  0,\n  1\n)"),
            ("histogram_quantile(0.99, rate(latency_bucket[5m]))",
             "histogram_quantile(\n  0.99,\n  rate(\n    latency_bucket[5m]\n  )\n)"),
            ("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")",
             "label_replace(\n  up,\n  \"dst\",\n  \"$1\",\n  \"src\",\n  \"(.*)\"\n)"),
        ], width: 10)
    }

    func testParentheses() throws {
        try check([
            ("(up)", "(up)"),
            ("(metric_one)", "(\n  metric_one\n)"),
            ("((metric_1))", "(\n  (metric_1)\n)"),
            ("(longer_name + b)", "(\n    longer_name\n  +\n    b\n)"),
            ("(1 + 2)", "(1 + 2)"),
        ], width: 10)
    }

    func testUnaryExpressions() throws {
        try check([
            ("-up", "-up"),
            ("-rate(errors[1m])", "-rate(\n  errors[1m]\n)"),
            ("(-rate(errors[1m]))", "(\n  -rate(\n    errors[1m]\n  )\n)"),
            ("-(alpha + beta)", "-(\n    alpha\n  +\n    beta\n)"),
        ], width: 10)
    }

    func testSelectorsAndLiteralsAreNeverSplit() throws {
        try check([
            ("some_really_long_metric_name{job=\"x\",env=\"prod\"}",
             "some_really_long_metric_name{env=\"prod\",job=\"x\"}"),
            ("a_long_name[5m] offset 1h", "a_long_name[5m] offset 1h"),
            ("x @ 100", "x @ 100.000"),
            ("\"a rather long string literal\"", "\"a rather long string literal\""),
            ("123456789012345", "123456789012345"),
        ], width: 10)
    }

    func testSubqueries() throws {
        try check([
            ("max_over_time(rate(errors[1m])[30m:1m])",
             "max_over_time(\n  rate(\n    errors[1m]\n  )[30m:1m]\n)"),
            ("rate(long_selector[10m:1m] @ start() offset 1m)",
             "rate(\n  long_selector[10m:1m] @ start() offset 1m\n)"),
        ], width: 10)
        // A subquery that fits is indented like any other argument (Prometheus leaves it at column 1).
        try check([
            ("quantile_over_time(0.5, up[5m:1m])", "quantile_over_time(\n  0.5,\n  up[5m:1m]\n)"),
        ], width: 20)
    }

    func testExperimentalSyntax() throws {
        try check([
            ("rate(foo[2*1h])", "rate(\n  foo[2 * 1h]\n)"),
            ("alpha + fill(0) beta", "  alpha\n+ fill (0)\n  beta"),
            ("limitk(2, requests)", "limitk(\n  2,\n  requests\n)"),
        ], width: 10)
    }

    // MARK: - Default width

    func testDefaultWidthIs100BytesOfCanonicalText() throws {
        let fits = "x + " + String(repeating: "m", count: 96)
        XCTAssertEqual(try parser.parseExpr(fits).prettyDescription, fits)
        let long = "x + " + String(repeating: "m", count: 97)
        XCTAssertEqual(try parser.parseExpr(long).prettyDescription, "  x\n+\n  " + String(repeating: "m", count: 97))
    }

    func testRealisticAlert() throws {
        let input = "sum by (instance) (rate(node_cpu_seconds_total{mode!=\"idle\",job=\"node\"}[5m])) / "
            + "count by (instance) (node_cpu_seconds_total{mode=\"idle\",job=\"node\"}) > 0.9"
        let expected = """
                sum by (instance) (rate(node_cpu_seconds_total{job="node",mode!="idle"}[5m]))
              /
                count by (instance) (node_cpu_seconds_total{job="node",mode="idle"})
            >
              0.9
            """
        try check([(input, expected), ("sum by (job) (rate(http_requests_total[5m]))",
                                       "sum by (job) (rate(http_requests_total[5m]))")], width: 100)
    }

    func testNestedAggregationAtDefaultWidth() throws {
        let input = "histogram_quantile(0.95, sum by (le, handler) (rate(prometheus_http_request_duration_seconds_bucket"
            + "{job=\"prometheus\"}[5m])))"
        let expected = """
            histogram_quantile(
              0.95,
              sum by (le, handler) (rate(prometheus_http_request_duration_seconds_bucket{job="prometheus"}[5m]))
            )
            """
        try check([(input, expected)], width: 100)
    }

    // MARK: - Conformance corpus

    /// Every conformance expression, formatted at several widths, parses back to the same tree,
    /// and formatting is stable (formatting the output again gives the same text).
    func testConformanceExpressionsRoundTrip() throws {
        let cases = try ConformanceCorpus.load()
        var failures: [String] = []
        var checked = 0
        for c in cases {
            guard let tree = try? parser.parseExpr(c.expr) else { continue }
            checked += 1
            for width in [100, 20, 1] {
                let pretty = PrettyPrinter(maxWidth: width).format(tree)
                do {
                    let again = try parser.parseExpr(pretty)
                    if !again.structurallyEquals(tree) {
                        failures.append("\(c.file):\(c.line) width \(width): \(c.expr)\n\(pretty)")
                    } else if PrettyPrinter(maxWidth: width).format(again) != pretty {
                        failures.append("\(c.file):\(c.line) width \(width): not stable: \(c.expr)")
                    }
                } catch {
                    failures.append("\(c.file):\(c.line) width \(width): \(c.expr)\n\(pretty)\n\(error)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertEqual(failures.count, 0, failures.prefix(20).joined(separator: "\n"))
    }

    /// The early-exit measure agrees with the length of the canonical form for every subtree of the
    /// corpus, at budgets just below, at and above that length.
    func testMeasureMatchesCanonicalLength() throws {
        let cases = try ConformanceCorpus.load()
        var failures: [String] = []
        func visit(_ expr: Expr) {
            let length = expr.description.utf8.count
            for budget in [length - 1, length, length + 1, 0, 100] {
                var remaining = budget
                let fits = PrettyPrinter.consume(expr, budget: &remaining)
                if fits != (length <= budget) { failures.append("\(expr) (\(length)) at budget \(budget)") }
            }
            expr.children.forEach(visit)
        }
        for c in cases {
            if let tree = try? parser.parseExpr(c.expr) { visit(tree) }
        }
        XCTAssertEqual(failures.count, 0, failures.prefix(20).joined(separator: "\n"))
    }

    func testDeepNestingDoesNotCrash() throws {
        let depth = 200
        let input = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        let tree = try parser.parseExpr(input)
        let pretty = PrettyPrinter(maxWidth: 10).format(tree)
        XCTAssertTrue(try parser.parseExpr(pretty).structurallyEquals(tree))
        // The four innermost levels, `((((x))))`, fit in 10 characters and stay on one line.
        XCTAssertEqual(pretty.split(separator: "\n").count, 2 * (depth - 4) + 1)
    }
}
