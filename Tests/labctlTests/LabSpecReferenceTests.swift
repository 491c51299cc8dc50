import Foundation
import LabCatalog
import XCTest
@testable import labctl
import LabctlTestSupport

/// The files `labctl init` writes are the reference solution of each lab: every check of the lab's
/// spec that labctl can already evaluate (`file_exists`, `file_contains`, `config_valid`,
/// `alert_route`) must pass on them, or the spec and the templates disagree.
final class LabSpecReferenceTests: XCTestCase {
    private func run(_ arguments: [String]) -> RunResult { TestConsole.runLabctl(arguments) }

    private func temporaryDirectory() throws -> URL { try makeTemporaryDirectory(prefix: "labctl-ref") }

    /// The lab written with its parameters' example values.
    private func initialise(_ lab: LabSpec, in root: URL) -> String {
        let directory = root.appendingPathComponent(lab.id).path
        var arguments = ["init", lab.id, directory, "--quiet", "--solution"]
        for parameter in lab.parameters { arguments += ["--set", "\(parameter.name)=\(parameter.example)"] }
        let result = run(arguments)
        XCTAssertEqual(result.status, 0, "init \(lab.id): \(result.stderr)")
        return directory
    }

    // MARK: - Tests

    func testTemplatesPassTheirOwnStaticChecks() throws {
        let catalog = try Catalog.installed()
        XCTAssertFalse(catalog.labs.isEmpty)
        let root = try temporaryDirectory()
        var evaluated = 0
        for lab in catalog.labs {
            let directory = initialise(lab, in: root)
            for exercise in lab.exercises {
                for check in exercise.checks {
                    let values = check.parameters.values.map { "\($0)" }.joined()
                    if values.contains("<<labctl:") { continue }   // needs the student's values
                    let what = "\(lab.id)/\(exercise.id) \(check.kind.rawValue) at \(check.location)"
                    guard let file = check.string("file") else { continue }
                    let path = (directory as NSString).appendingPathComponent(file)
                    switch check.kind {
                    case .fileExists:
                        XCTAssertTrue(FileManager.default.fileExists(atPath: path), what)
                    case .fileContains:
                        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                        XCTAssertTrue(text.contains(check.string("text") ?? "\u{0}"), what)
                    case .configValid:
                        let result = run(["check", check.string("check") ?? "", path, "--lint", "none"])
                        XCTAssertEqual(result.status, 0, "\(what): \(result.stderr)")
                    case .alertRoute:
                        let labels = (check.map("labels") ?? []).map { "\($0.key)=\($0.value)" }
                        let result = run(["alertmanager", "routes", "test", "--config", path] + labels)
                        XCTAssertEqual(result.status, 0, "\(what): \(result.stderr)")
                        let got = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                            .split(separator: ",").map(String.init)
                        XCTAssertEqual(Set(got), Set(check.list("receivers") ?? []), what)
                    default:
                        continue
                    }
                    evaluated += 1
                }
            }
        }
        XCTAssertGreaterThan(evaluated, 20, "too few checks evaluated: the spec walk is broken")
    }
}
