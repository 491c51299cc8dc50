import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Grading

final class JUnitReportTests: XCTestCase {
    private func document(_ language: GradingLanguage = .en, showHidden: Bool = false) throws -> XMLDocument {
        let xml = JUnitReport(language: language, showHidden: showHidden).render(ReportFixture.report(language))
        return try XMLDocument(data: Data(xml.utf8), options: [])
    }

    private func nodes(_ document: XMLDocument, _ path: String) throws -> [XMLElement] {
        try document.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    func testSuitePerExerciseAndCasePerCheck() throws {
        let doc = try document()
        let root = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "8")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "3")
        XCTAssertEqual(root.attribute(forName: "errors")?.stringValue, "1")
        XCTAssertEqual(root.attribute(forName: "skipped")?.stringValue, "1")
        let suites = try nodes(doc, "/testsuites/testsuite")
        XCTAssertEqual(suites.count, 3)
        XCTAssertEqual(suites.map { $0.elements(forName: "testcase").count }, [3, 4, 1])
        XCTAssertEqual(suites.first?.attribute(forName: "name")?.stringValue, "ej1 — Queries & <rates>")
        let classnames = try nodes(doc, "//testcase").compactMap { $0.attribute(forName: "classname")?.stringValue }
        XCTAssertEqual(classnames, ["lab2.ej1", "lab2.ej1", "lab2.ej1", "lab2.ej2", "lab2.ej2", "lab2.ej2", "lab2.ej2", "lab2.ej3"])
        let points = try nodes(doc, "/testsuites/properties/property[@name='points']").first?.attribute(forName: "value")?.stringValue
        XCTAssertEqual(points, "20.5")
    }

    func testFailuresCarryFeedbackAndEscapedText() throws {
        let doc = try document()
        let failed = try XCTUnwrap(nodes(doc, "//testcase[starts-with(@name, 'ej1.errors')]").first)
        // The title's `|`, `<b>` and the note's quotes and `<script>` come back intact: escaped, not markup.
        XCTAssertEqual(failed.attribute(forName: "name")?.stringValue, "ej1.errors Error ratio | 5xx <b>")
        let failure = try XCTUnwrap(failed.elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "promql")
        XCTAssertTrue(failure.attribute(forName: "message")?.stringValue?.hasPrefix("failed 0/10: the query returns other labels") == true)
        let text = try XCTUnwrap(failure.stringValue)
        XCTAssertTrue(text.hasPrefix("answers/ej1.yaml:3:12: the query returns other labels"), text)
        XCTAssertTrue(text.contains("> 0 && \"<script>\""), text)
        XCTAssertEqual(failed.children?.count, 1, "no <script> element may appear")
        let partial = try XCTUnwrap(nodes(doc, "//testcase[starts-with(@name, 'ej1.p95')]/failure").first)
        XCTAssertTrue(partial.attribute(forName: "message")?.stringValue?.hasPrefix("partial 2.5/5") == true)
        XCTAssertTrue(try nodes(doc, "//testcase[starts-with(@name, 'ej1.rate')]/*").isEmpty, "a passed check has no children")
    }

    func testManualIsSkippedAndGraderErrorIsAnError() throws {
        let doc = try document()
        let skipped = try nodes(doc, "//testcase/skipped")
        XCTAssertEqual(skipped.count, 1)
        XCTAssertEqual(skipped.first?.attribute(forName: "message")?.stringValue, "to be graded by the instructor (10 points)")
        let errors = try nodes(doc, "//testcase/error")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.attribute(forName: "type")?.stringValue, "grader_error")
        XCTAssertTrue(errors.first?.stringValue?.contains("in the spec: labs/lab2/lab.yaml:88:11") == true)
    }

    func testHiddenFeedbackOnlyWithShowHidden() throws {
        let hidden = JUnitReport(language: .en).render(ReportFixture.report(.en))
        XCTAssertFalse(hidden.contains("SECRET"))
        XCTAssertFalse(hidden.contains("alert_rule HighErrorRate"))
        let doc = try document(showHidden: true)
        let failure = try XCTUnwrap(nodes(doc, "//testcase[starts-with(@name, 'ej2.labels')]/failure").first)
        XCTAssertTrue(failure.stringValue?.contains("SECRET: the severity label is missing") == true)
    }

    func testSpanishTexts() throws {
        let doc = try document(.es)
        XCTAssertEqual(try nodes(doc, "//testcase/skipped").first?.attribute(forName: "message")?.stringValue,
                       "a calificar por el docente (10 puntos)")
        XCTAssertTrue(try nodes(doc, "//failure").first?.attribute(forName: "message")?.stringValue?.hasPrefix("fallo 0/10") == true)
    }

    func testControlCharactersStillParse() throws {
        var report = ReportFixture.report(.en)
        report.exercises[0].checks[1].feedback = [Feedback("bell \u{07} nul \u{00} ]]> &amp; \u{FFFE}")]
        let xml = JUnitReport(language: .en).render(report)
        let doc = try XMLDocument(data: Data(xml.utf8), options: [])
        let text = try nodes(doc, "//testcase[starts-with(@name, 'ej1.errors')]/failure").first?.stringValue
        XCTAssertEqual(text, "bell \u{FFFD} nul \u{FFFD} ]]> &amp; \u{FFFD}")
    }
}
