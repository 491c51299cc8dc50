import Foundation
import PromModel
import PromQL
import XCTest
@testable import Runtime

/// Runs labctl's own engine scripts (Fixtures/promql/*.test) and checks the runner's verdicts.
final class PromQLTestRunnerTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/promql")

    private func run(_ text: String, options: PromQLTestRunner.Options = .init()) throws -> PromQLTestFileReport {
        PromQLTestRunner(options: options).run(try PromQLTestParser().parse(text, file: "t.test"))
    }

    func testEngineRegressionScriptsPass() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".test") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for name in files {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
            let report = PromQLTestRunner().run(try PromQLTestParser().parse(text, file: name))
            XCTAssertGreaterThan(report.passed, 3, name)
            XCTAssertEqual(report.failed, 0, PromQLTestReportFormatter().text(report))
        }
    }

    func testWrongExpectationsFail() throws {
        let report = try run("""
        load 1m
            x{a="1"} 1+1x5

        eval instant at 2m x
            x{a="1"} 3

        eval instant at 2m x
            x{a="1"} 4

        eval instant at 2m x
            expect fail

        eval instant at 2m rate(x[5m]) > bogus_missing_function_is_a_parse_error_elsewhere

        eval range from 0 to 2m step 1m x
            x{a="1"} 1 2 4
        """)
        XCTAssertEqual(report.cases.map(\.status), [.passed, .failed, .failed, .passed, .failed])
        XCTAssertEqual(report.cases[1].line, 7)
        XCTAssertTrue(report.cases[1].reason?.contains("expected 4") == true, "\(String(describing: report.cases[1].reason))")
        XCTAssertEqual(report.cases[1].expected, ["x{a=\"1\"} 4"])
        XCTAssertEqual(report.cases[1].actual, ["x{a=\"1\"} 3"])
        XCTAssertTrue(report.cases[2].reason?.contains("expected the query to fail") == true)
        XCTAssertEqual(report.cases[4].actual, ["x{a=\"1\"} 1 2 3"])
        XCTAssertEqual(report.summaryLine, "t.test: 2 passed, 3 failed, 0 skipped")
    }

    func testNativeHistogramCasesAreSkippedOnRequest() throws {
        let script = """
        load 1m
            h {{schema:0 sum:1 count:1 buckets:[1]}}x3
            c_bucket{le="1"} 1x3
            f 1x3

        eval instant at 1m h

        eval instant at 1m c

        eval instant at 1m f
            f 1

        eval instant at 1m f
            f {{count:1}}
        """
        let skipping = try run(script.replacingOccurrences(of: "load 1m", with: "load_with_nhcb 1m"),
                               options: .init(skipNativeHistograms: true))
        XCTAssertEqual(skipping.cases.map(\.status), [.skipped, .skipped, .passed, .skipped])
        XCTAssertEqual(skipping.cases[0].reason, "needs native histograms")
        let running = try run(script)
        XCTAssertEqual(running.cases.last?.status, .failed)
        XCTAssertTrue(running.cases.last?.reason?.contains("needs native histograms") == true)
    }

    func testFilterAndDuplicateSeriesInLoad() throws {
        let report = try run("""
        load 1m
            x{a="1"} 1
            x{a="1"} 2

        eval instant at 0 x
            x{a="1"} 2

        eval instant at 0 x + 1
            {a="1"} 3
        """, options: .init(filter: try .regex("\\+")))
        XCTAssertEqual(report.cases.count, 1)
        XCTAssertEqual(report.cases.first?.status, .passed)
    }

    func testStorageRejectionIsAFailedCase() throws {
        let report = try run("load 1m\n  x 1 2\n\nload 1m\n  x 5\n\neval instant at 1m x\n  x 2\n")
        XCTAssertEqual(report.cases.first?.status, .failed)
        XCTAssertEqual(report.cases.first?.line, 5)
        XCTAssertEqual(report.cases.last?.status, .passed)
    }

    func testAtPinningAndSkipRules() throws {
        let expr = try Parser(options: .allExperimental).parseExpr("sum(rate(x[5m] @ 10)) + y + max_over_time(z[5m:1m]) + w @ end()")
        let pinned = PromQLTestQueryAnalysis.pinned(expr, at: 60_000)
        var ats: [AtModifier?] = []
        PromQLTestQueryAnalysis.visit(pinned) { node in
            switch node {
            case .vectorSelector(let vs) where vs.name != "z": ats.append(vs.at)
            case .subquery(let s): ats.append(s.at)
            default: break
            }
        }
        XCTAssertEqual(ats, [.timestamp(milliseconds: 10_000), .timestamp(milliseconds: 60_000),
                             .timestamp(milliseconds: 60_000), .timestamp(milliseconds: 60_000)])
        XCTAssertEqual(PromQLTestQueryAnalysis.atEvalTimes(0), [-1000, 0, 1000])
        XCTAssertEqual(PromQLTestQueryAnalysis.atEvalTimes(100_000), [-1_000_000, 0, 20_000, 100_000, 1_000_000])
        let timeCall = try Parser().parseExpr("time() - x")
        XCTAssertTrue(PromQLTestQueryAnalysis.functionNames(timeCall).contains("time"))
        XCTAssertTrue(PromQLTestQueryAnalysis.usesStepOrRangeDurations(try Parser(options: .allExperimental).parseExpr("x[step()]")))
        XCTAssertFalse(PromQLTestQueryAnalysis.usesStepOrRangeDurations(try Parser().parseExpr("x[5m] offset 1m")))
    }

    func testReportFormatting() {
        let report = PromQLTestFileReport(file: "f.test", cases: [
            .init(line: 3, header: "eval instant at 0 x", exprText: "x", status: .failed, reason: "expected 2 for x but got 1",
                  expected: ["x 2", "y 1"], actual: ["x 1", "y 1"]),
            .init(line: 7, header: "eval instant at 0 h", exprText: "h", status: .skipped, reason: "needs native histograms"),
            .init(line: 9, header: "eval instant at 0 z", exprText: "z", status: .passed),
        ])
        let text = PromQLTestReportFormatter().text(report)
        XCTAssertEqual(text, """
        f.test:3: FAIL eval instant at 0 x
          expected 2 for x but got 1
            expected | actual
            x 2      ≠ x 1
            y 1      | y 1
        f.test: 1 passed, 1 failed, 1 skipped

        """)
        XCTAssertTrue(PromQLTestReportFormatter(showSkipped: true).text(report).contains("f.test:7: SKIP"))
        XCTAssertEqual(PromQLTestReportFormatter.summaryLine([report, report]), "2 passed, 2 failed, 2 skipped")
        let json = PromQLTestReportFormatter().json([report])
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual((object?["summary"] as? [String: Int])?["failed"], 1)
        XCTAssertEqual((object?["files"] as? [[String: Any]])?.first?["file"] as? String, "f.test")
    }

    func testJSONKeepsSlashesAndJUnitHasACasePerEval() {
        let report = PromQLTestFileReport(file: "tests/f.test", cases: [
            .init(line: 3, header: "eval instant at 0 x{path=\"/items\"}", exprText: "x{path=\"/items\"}", status: .failed,
                  reason: "expected 2 for x but got 1", expected: ["x 2"], actual: ["x 1 & <y>"]),
            .init(line: 7, header: "eval instant at 0 h", exprText: "h", status: .skipped, reason: "needs native histograms"),
            .init(line: 9, header: "eval instant at 0 z", exprText: "z", status: .passed),
        ])
        let json = PromQLTestReportFormatter().json([report])
        XCTAssertTrue(json.contains("\"tests/f.test\""), json)
        XCTAssertTrue(json.contains("/items"), json)
        XCTAssertFalse(json.contains("\\/"), json)

        let xml = PromQLTestReportFormatter().junit([report], unrunnable: [.init(file: "bad.test", message: "bad.test:2:10: error: oops")])
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"labctl test promql\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\">\n"), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"tests/f.test\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"eval instant at 0 z\" classname=\"tests/f.test\" line=\"9\"/>"), xml)
        XCTAssertTrue(xml.contains("<skipped message=\"needs native histograms\"/>"), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"eval instant at 0 x{path=&quot;/items&quot;}\" classname=\"tests/f.test\" line=\"3\">"), xml)
        XCTAssertTrue(xml.contains("<failure message=\"expected 2 for x but got 1\">"), xml)
        XCTAssertTrue(xml.contains("    x 2      ≠ x 1 &amp; &lt;y&gt;\n"), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"bad.test\" tests=\"1\" failures=\"1\""), xml)
        XCTAssertTrue(xml.hasSuffix("</testsuites>\n"), xml)
    }
}
