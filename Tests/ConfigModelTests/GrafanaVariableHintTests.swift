import ConfigModel
import PromQL
import XCTest

final class GrafanaVariableHintTests: XCTestCase {
    func testNoteNamesTheVariablesAndTheDashboardCheck() throws {
        let note = try XCTUnwrap(GrafanaVariableHint.note(for: "rate(x[$interval]) + $endpoint + ${var}"))
        XCTAssertTrue(note.hasPrefix("$interval, $endpoint, $var are Grafana variables"), note)
        XCTAssertTrue(note.contains("labctl check dashboard"), note)
        XCTAssertNil(GrafanaVariableHint.note(for: "rate(x[5m])"))
    }

    func testNoteIsAddedToTheFirstParseIssue() {
        XCTAssertThrowsError(try Parser().parseExpr("rate(x[$interval])")) { error in
            guard let errors = error as? ParseErrors else { return XCTFail("\(error)") }
            let hinted = GrafanaVariableHint.adding(to: errors)
            XCTAssertEqual(hinted.issues.first?.hints.last?.hasPrefix("$interval is a Grafana variable"), true)
            XCTAssertEqual(hinted.issues.first?.message, errors.issues.first?.message)
        }
    }
}
