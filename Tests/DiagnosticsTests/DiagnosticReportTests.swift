import XCTest
@testable import Diagnostics

final class DiagnosticReportTests: XCTestCase {
    private func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    func testOrdersByGivenFilesThenPositionWithUnlocatedFirst() {
        let report = DiagnosticReport(files: ["b.yml", "a.yml", "b.yml"], diagnostics: [
            .error("x/one", "a late", at: at("a.yml", 9, 1)),
            .error("x/two", "b late", at: at("b.yml", 3, 4)),
            .warning("x/three", "b early", at: at("b.yml", 3, 2)),
            .error("x/four", "other", at: at("c.yml", 1, 1)),
            .error("x/five", "unreadable"),
            .error("x/six", "a early", at: at("a.yml", 1, 1)),
        ])
        XCTAssertEqual(report.files, ["b.yml", "a.yml"], "duplicates removed, order kept")
        XCTAssertEqual(report.diagnostics.map(\.message),
                       ["unreadable", "b early", "b late", "a early", "a late", "other"])
        XCTAssertEqual(report.allFiles, ["b.yml", "a.yml", "c.yml"])
        XCTAssertEqual(report.errorCount, 5)
        XCTAssertEqual(report.warningCount, 1)
        XCTAssertEqual(report.infoCount, 0)
        XCTAssertEqual(report.diagnostics(in: "b.yml").count, 2)
        XCTAssertEqual(report.unlocatedDiagnostics.map(\.code), ["x/five"])
    }

    func testEqualPositionsKeepInsertionOrder() {
        let report = DiagnosticReport(diagnostics: [
            .error("x/a", "first", at: at("f", 1, 1)),
            .error("x/b", "second", at: at("f", 1, 1)),
        ])
        XCTAssertEqual(report.diagnostics.map(\.code), ["x/a", "x/b"])
    }

    func testFormatNames() {
        XCTAssertEqual(DiagnosticFormat.names, ["text", "json", "junit"])
    }
}
