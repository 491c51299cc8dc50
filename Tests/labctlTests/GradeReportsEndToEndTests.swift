import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import LabctlTestSupport

/// `labctl grade` writing its report files (`--junit`, `--gradescope`, `--html`) and printing the
/// Markdown and HTML formats, run as the built binary on the built-in Lab 7 example.
final class GradeReportsEndToEndTests: XCTestCase {
    func testExampleWritesJUnitGradescopeAndHTMLFiles() throws {
        let dir = try makeTemporaryDirectory(prefix: "grade-reports")
        let junit = dir.appendingPathComponent("junit.xml"), results = dir.appendingPathComponent("results.json")
        let html = dir.appendingPathComponent("report.html")
        let result = try LabctlProcess.run(["grade", "lab7", "--example", "--lang", "en", "--format", "markdown",
                                            "--junit", junit.path, "--gradescope", results.path, "--html", html.path],
                                           timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)
        // The terminal output is still there, in the format asked for.
        XCTAssertTrue(result.stdout.contains("- **Total: 90/100**"), result.stdout)
        XCTAssertTrue(result.stdout.contains("| ✘ | `rules.high_error_rate_fires` |"), result.stdout)

        // JUnit: parses as XML, one suite per exercise, the seeded defect as the one failure.
        let document = try XMLDocument(contentsOf: junit, options: [])
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        XCTAssertEqual(root.elements(forName: "testsuite").count, 2)
        let failures = try document.nodes(forXPath: "//testcase[failure]").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        XCTAssertEqual(failures.count, 1)
        XCTAssertTrue(failures.first?.hasPrefix("rules.high_error_rate_fires") == true, "\(failures)")
        let failureText = try document.nodes(forXPath: "//failure").first?.stringValue ?? ""
        XCTAssertTrue(failureText.contains("HighErrorRate never fires on error_burst"), failureText)

        // Gradescope: the documented keys with the right types, the score the terminal shows.
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: results)) as? [String: Any])
        XCTAssertEqual(object["score"] as? Double, 90)
        let tests = try XCTUnwrap(object["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, 14)
        for test in tests {
            XCTAssertTrue(test["name"] is String && test["output"] is String && test["score"] is Double && test["max_score"] is Double, "\(test)")
            XCTAssertEqual(test["visibility"] as? String, "visible")
        }
        let failed = tests.filter { ($0["status"] as? String) == "failed" }
        XCTAssertEqual(failed.count, 1)
        XCTAssertEqual(failed.first?["max_score"] as? Double, 10)

        // HTML: a whole page, nothing loaded from outside.
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("HighErrorRate never fires on error_burst"))
        XCTAssertFalse(page.contains("<script") || page.contains("http://") || page.contains("https://"))
    }

    func testHTMLFormatAndUnwritableFiles() throws {
        let html = try LabctlProcess.run(["grade", "lab7", "--example", "--lang", "es", "--format", "html", "--exercise", "routing"],
                                         timeout: 300)
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"), html.stdout)
        XCTAssertTrue(html.stdout.contains("Total: <strong>35/35</strong>"), html.stdout)

        let missing = "/nonexistent-labctl-dir/junit.xml"
        let failed = try LabctlProcess.run(["grade", "lab7", "--example", "--exercise", "routing", "--junit", missing], timeout: 300)
        XCTAssertEqual(failed.status, 1, failed.stdout + failed.stderr)
        XCTAssertTrue(failed.stderr.contains("cannot write the --junit report to \(missing)"), failed.stderr)

        XCTAssertEqual(try LabctlProcess.run(["grade", "lab7", ".", "--format", "pdf"]).status, 2)

        // A submission that cannot be graded still leaves Gradescope a results.json saying why.
        let dir = try makeTemporaryDirectory(prefix: "grade-ungraded")
        let results = dir.appendingPathComponent("results.json")
        let ungraded = try LabctlProcess.run(["grade", "lab7", "/nonexistent/sub", "--gradescope", results.path])
        XCTAssertEqual(ungraded.status, 1, ungraded.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: results)) as? [String: Any])
        XCTAssertEqual(object["score"] as? Double, 0)
        XCTAssertTrue((object["output"] as? String)?.contains("/nonexistent/sub") == true, "\(object)")
    }
}
