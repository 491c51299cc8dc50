import Foundation
import XCTest

final class GradeEndToEndTests: XCTestCase {
    func testExampleShowsPassesAndTheSeededFailure() throws {
        let result = try LabctlProcess.run(["grade", "lab7", "--example", "--lang", "en"], timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Total: 90/100"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✘ rules.high_error_rate_fires"), result.stdout)
        XCTAssertTrue(result.stdout.contains("HighErrorRate never fires on error_burst"), result.stdout)
        XCTAssertTrue(result.stdout.contains("✔ routing.service_down_route"), result.stdout)
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

    func testCheckLabSpecCatchesBrokenReferencesAndSeries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString)/lab9")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let spec = """
        id: lab9
        order: 9
        version: 1
        title: {es: "Prueba", en: "Test"}
        summary: {es: "Prueba", en: "Test"}
        objectives: []
        files: []
        scenarios:
          - name: s
            description: {es: "e", en: "e"}
            interval: 15s
            duration: 1m
            series:
              - series: 'up{job="a"}'
                values: '1x'
        total_points: 10
        exercises:
          - id: e
            title: {es: "e", en: "e"}
            task: {es: "e", en: "e"}
            points: 10
            checks:
              - kind: manual
                evidence: "x"
                points: 10
        """
        try spec.write(to: dir.appendingPathComponent("lab.yaml"), atomically: true, encoding: .utf8)
        let result = try LabctlProcess.run(["check", "lab-spec", dir.appendingPathComponent("lab.yaml").path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue((result.stdout + result.stderr).contains("lab-spec/bad-scenario"), result.stdout + result.stderr)
    }
}
