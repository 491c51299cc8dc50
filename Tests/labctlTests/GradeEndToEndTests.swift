import Foundation
import XCTest

final class GradeEndToEndTests: XCTestCase {
    func testExampleShowsPassesAndTheSeededFailure() throws {
        let result = try LabctlProcess.run(["grade", "lab7", "--example", "--lang", "en"], timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Total: 90/100"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✘ rules.5"), result.stdout)
        XCTAssertTrue(result.stdout.contains("HighErrorRate never fires on error_burst"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✔ routing.2"), result.stdout)
    }

    func testJSONFormatAndExitCodes() throws {
        let json = try LabctlProcess.run(["grade", "lab7", "--example", "--format", "json", "--exercise", "routing"], timeout: 300)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["points"] as? Double, 35)
        XCTAssertEqual((object["exercises"] as? [Any])?.count, 1)
        XCTAssertEqual(try LabctlProcess.run(["grade", "lab7", "/nonexistent/sub"]).status, 1)
        XCTAssertEqual(try LabctlProcess.run(["grade", "lab7", ".", "--format", "yaml"]).status, 2)
        XCTAssertEqual(try LabctlProcess.run(["grade", "lab7", ".", "--exercise", "nope"]).status, 2)
    }
}
