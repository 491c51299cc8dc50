import Diagnostics
import Foundation
import LabCatalog
import XCTest

/// The language `labctl init` records in `.labctl/answers.yaml`, and finding it from a file of the lab.
final class LabAnswersLanguageTests: XCTestCase {
    func testLanguageRoundTripsAndIsOptional() throws {
        let spanish = LabAnswers(lab: "lab1", version: 2, values: [:], language: .es)
        XCTAssertTrue(spanish.yaml().contains("language: es"), spanish.yaml())
        XCTAssertEqual(try LabAnswers.parse(spanish.yaml(), file: "a.yaml").language, .es)
        let none = LabAnswers(lab: "lab1", version: 2, values: [:])
        XCTAssertFalse(none.yaml().contains("language"), none.yaml())
        XCTAssertNil(try LabAnswers.parse(none.yaml(), file: "a.yaml").language)
        XCTAssertThrowsError(try LabAnswers.parse("lab: lab1\nversion: 2\nlanguage: fr\n", file: "a.yaml")) { error in
            XCTAssertTrue("\(error)".contains("language must be es or en, not \"fr\""), "\(error)")
        }
    }

    func testRecordedLanguageIsFoundFromInsideTheLab() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-answers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("prometheus/rules")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".labctl"), withIntermediateDirectories: true)
        try LabAnswers(lab: "lab7", version: 2, values: [:], language: .es).yaml()
            .write(to: root.appendingPathComponent(LabAnswers.path), atomically: true, encoding: .utf8)
        let file = nested.appendingPathComponent("alerts.yml")
        try "groups: []\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(LabAnswers.recordedLanguage(near: root.path), .es)
        XCTAssertEqual(LabAnswers.recordedLanguage(near: file.path), .es, "from a file two folders down")
        XCTAssertNil(LabAnswers.recordedLanguage(near: FileManager.default.temporaryDirectory.path))
    }
}
