import Diagnostics
import Foundation
import XCTest
@testable import LabCatalog

/// The lab-spec gaps found while making Práctica 26 per-student: a promql check must name a file the
/// lab produces (lab0's promql/lab0.yml was once missing from `files:`), and its key must exist in
/// that file's template.
final class StudentLabSpecAnswerKeyTests: XCTestCase {
    private func lab0Spec(_ edit: (String) -> String) throws -> [Diagnostic] {
        let catalog = try TestSupport.catalog()
        let copy = try TestSupport.temporaryDirectory(self).appendingPathComponent("content")
        try FileManager.default.copyItem(at: catalog.root, to: copy)
        let spec = copy.appendingPathComponent("labs/lab0/lab.yaml")
        try edit(try TestSupport.read(spec)).write(to: spec, atomically: true, encoding: .utf8)
        return LabSpecLoader.check(path: spec.path).diagnostics
    }

    func testShippedLab0IsClean() throws {
        XCTAssertEqual(try lab0Spec { $0 }.map(\.description), [])
    }

    func testAnswerFileMissingFromFiles() throws {
        let found = try lab0Spec { $0.replacingOccurrences(of: "  - path: promql/lab0.yml\n    kind: promql-answers\n", with: "") }
        XCTAssertTrue(found.contains { $0.code == LabSpecDiagnosticCode.unknownFile && $0.message.contains("promql/lab0.yml") },
                      "\(found)")
    }

    func testAnswerKeyMissingFromTemplate() throws {
        let found = try lab0Spec { $0.replacingOccurrences(of: "key: answers.targets_up", with: "key: answers.targets_upp") }
        let error = try XCTUnwrap(found.first { $0.code == LabSpecDiagnosticCode.unknownAnswerKey }, "\(found)")
        XCTAssertTrue(error.message.contains("\"answers.targets_upp\""), error.message)
        XCTAssertEqual(error.location?.line, 118)
    }
}
