import Foundation
import XCTest
@testable import Grading

/// `results.json` against the shape of Gradescope's autograder specification: keys and types.
final class GradescopeReportTests: XCTestCase {
    private func results(_ language: GradingLanguage = .en) throws -> [String: Any] {
        let text = GradescopeReport(language: language).render(ReportFixture.report(language))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func tests(_ object: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(object["tests"] as? [[String: Any]])
    }

    func testTopLevelKeysAndTypes() throws {
        let object = try results()
        let documented: Set<String> = ["score", "execution_time", "output", "output_format", "test_output_format",
                                       "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"]
        XCTAssertTrue(Set(object.keys).isSubset(of: documented), "undocumented keys: \(Set(object.keys).subtracting(documented))")
        XCTAssertEqual(object["score"] as? Double, ReportFixture.points)
        XCTAssertTrue(object["output"] is String)
        XCTAssertEqual(object["output_format"] as? String, "text")
        XCTAssertEqual(object["stdout_visibility"] as? String, "hidden")
        let extra = try XCTUnwrap(object["extra_data"] as? [String: Any])
        XCTAssertEqual(extra["max_score"] as? Double, ReportFixture.maxPoints)
        XCTAssertEqual(extra["manual_points"] as? Double, 10)
        XCTAssertEqual(try tests(object).count, 8)
    }

    func testEveryTestHasTheDocumentedKeysAndTypes() throws {
        let allowedVisibility: Set<String> = ["hidden", "after_due_date", "after_published", "visible"]
        let documented: Set<String> = ["score", "max_score", "status", "name", "name_format", "number", "output",
                                       "output_format", "tags", "visibility", "extra_data"]
        for test in try tests(try results()) {
            XCTAssertTrue(Set(test.keys).isSubset(of: documented), "\(test.keys)")
            XCTAssertTrue(test["name"] is String)
            XCTAssertTrue(test["number"] is String)
            let score = try XCTUnwrap(test["score"] as? Double)
            let max = try XCTUnwrap(test["max_score"] as? Double)
            XCTAssertTrue(score >= 0 && score <= max, "\(test)")
            XCTAssertTrue(test["output"] is String)
            XCTAssertTrue(allowedVisibility.contains(test["visibility"] as? String ?? ""), "\(test)")
            XCTAssertTrue(test["tags"] is [String])
            if let status = test["status"] { XCTAssertTrue(["passed", "failed"].contains(status as? String ?? ""), "\(test)") }
        }
    }

    func testScoresVisibilityManualAndGraderErrors() throws {
        let object = try results()
        let byNumber = Dictionary(uniqueKeysWithValues: try tests(object).compactMap { t in (t["number"] as? String).map { ($0, t) } })
        // The tests' scores add up to the top-level score: manual and grader-error checks give 0 of 0.
        let sum = try tests(object).reduce(0.0) { $0 + ((($1["score"]) as? Double) ?? 0) }
        XCTAssertEqual(sum, ReportFixture.points)
        let failed = try XCTUnwrap(byNumber["ej1.2"])
        XCTAssertEqual(failed["status"] as? String, "failed")
        XCTAssertEqual(failed["visibility"] as? String, "visible")
        XCTAssertTrue((failed["output"] as? String)?.hasPrefix("answers/ej1.yaml:3:12: the query returns other labels") == true)
        XCTAssertEqual(byNumber["ej1.3"]?["score"] as? Double, 2.5)
        XCTAssertEqual(byNumber["ej1.3"]?["max_score"] as? Double, 5)
        // Hidden checks count and keep their feedback, shown once grades are published.
        XCTAssertEqual(byNumber["ej2.1"]?["visibility"] as? String, "after_published")
        XCTAssertEqual(byNumber["ej2.2"]?["visibility"] as? String, "after_published")
        XCTAssertTrue((byNumber["ej2.2"]?["output"] as? String)?.contains("SECRET") == true)
        let manual = try XCTUnwrap(byNumber["ej2.3"])
        XCTAssertTrue((manual["name"] as? String)?.contains("manual") == true)
        XCTAssertEqual(manual["score"] as? Double, 0)
        XCTAssertEqual(manual["max_score"] as? Double, 0)
        XCTAssertNil(manual["status"], "a manual check is not failed")
        XCTAssertTrue((manual["output"] as? String)?.contains("10 points") == true)
        XCTAssertEqual(manual["tags"] as? [String], ["manual", "ej2"])
        let error = try XCTUnwrap(byNumber["ej2.4"])
        XCTAssertEqual(error["visibility"] as? String, "hidden", "grader errors are for the instructor")
        XCTAssertEqual(error["max_score"] as? Double, 0)
        XCTAssertTrue((error["output"] as? String)?.contains("labs/lab2/lab.yaml:88:11") == true)
    }

    func testSpanishNamesStillSayManual() throws {
        let manual = try tests(try results(.es)).first { ($0["number"] as? String) == "ej2.3" }
        XCTAssertTrue((manual?["name"] as? String)?.contains("manual") == true)
        XCTAssertTrue((manual?["output"] as? String)?.contains("A calificar por el docente") == true)
    }

    func testUngradedSubmission() throws {
        let text = GradescopeReport.ungraded("no such folder: \"x\"")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["score"] as? Double, 0)
        XCTAssertEqual(object["output"] as? String, "no such folder: \"x\"")
        XCTAssertEqual((object["tests"] as? [Any])?.count, 0)
    }
}
