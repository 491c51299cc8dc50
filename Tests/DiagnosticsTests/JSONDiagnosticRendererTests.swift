import Foundation
import XCTest
@testable import Diagnostics

final class JSONDiagnosticRendererTests: XCTestCase {
    private let report = DiagnosticReport(files: ["a.yml", "b.yml"], diagnostics: [
        .error("prom-config/bad", "value \"x\" is\tbad", at: SourceLocation(file: "a.yml", line: 3, column: 7),
               notes: [.init("defined here", at: SourceLocation(file: "a.yml", line: 1, column: 1)), .init("hint")]),
        .warning("lint/style", "no location"),
    ])

    func testGolden() {
        XCTAssertEqual(JSONDiagnosticRenderer().render(report), #"""
            {
              "files": ["a.yml", "b.yml"],
              "diagnostics": [
                {"severity": "warning", "code": "lint/style", "message": "no location", "file": null, "line": null, "column": null, "notes": []},
                {"severity": "error", "code": "prom-config/bad", "message": "value \"x\" is\tbad", "file": "a.yml", "line": 3, "column": 7, "notes": [{"message": "defined here", "file": "a.yml", "line": 1, "column": 1}, {"message": "hint", "file": null, "line": null, "column": null}]}
              ],
              "summary": {"files": 2, "errors": 1, "warnings": 1, "infos": 0}
            }

            """#)
    }

    func testEmptyReport() {
        XCTAssertEqual(JSONDiagnosticRenderer().render(DiagnosticReport(files: [], diagnostics: [])), """
            {
              "files": [],
              "diagnostics": [],
              "summary": {"files": 0, "errors": 0, "warnings": 0, "infos": 0}
            }

            """)
    }

    func testOutputParsesBackWithTheSameData() throws {
        let nasty = "quote \" backslash \\ nul \u{0} bell \u{7} newline \n é 🙂 \u{2028}"
        let report = DiagnosticReport(files: [nasty], diagnostics: [
            .error("x/y", nasty, at: SourceLocation(file: nasty, line: 1, column: 2)),
        ])
        let text = JSONDiagnosticRenderer().render(report)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        XCTAssertEqual(diagnostics?.first?["message"] as? String, nasty)
        XCTAssertEqual(diagnostics?.first?["file"] as? String, nasty)
        XCTAssertEqual(diagnostics?.first?["column"] as? Int, 2)
        XCTAssertEqual((object?["files"] as? [String])?.first, nasty)
        XCTAssertEqual((object?["summary"] as? [String: Any])?["errors"] as? Int, 1)
    }

    func testQuotedEscapes() {
        XCTAssertEqual(JSONDiagnosticRenderer.quoted("a\"b\\c\n\r\t\u{1}"), #""a\"b\\c\n\r\t\u0001""#)
        XCTAssertEqual(JSONDiagnosticRenderer.quoted("\u{1F}"), #""\u001f""#)
        XCTAssertEqual(JSONDiagnosticRenderer.quoted("ñ"), "\"ñ\"")
    }
}
