import Foundation
import XCTest
import LabctlTestSupport

/// `labctl check lab DIR` run as a process on the lab fixtures: exit codes, positions, formats.
final class CheckLabEndToEndTests: XCTestCase {
    private static let labs = LabctlProcess.packageRoot.appendingPathComponent("Tests/ConfigModelTests/Fixtures/labs")


    private func labctl(_ arguments: String...) throws -> RunResult { try LabctlProcess.run(arguments) }

    private func lab(_ name: String) -> String { Self.labs.appendingPathComponent(name).path }

    func testGoodLabExitsZero() throws {
        let result = try labctl("check", "lab", lab("lab7.good"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("no problems found in 8 files"), result.stderr)
    }

    func testBrokenLabsExitOneWithPositions() throws {
        let result = try labctl("check", "lab", lab("localhost-target.bad"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(
            "\(lab("localhost-target.bad"))/prometheus/prometheus.yml:11:19: error: [lab/localhost-target]"), result.stderr)
        let published = try labctl("check", "lab", lab("published-port.bad"))
        XCTAssertEqual(published.status, 1)
        XCTAssertTrue(published.stderr.contains("[lab/published-port]"), published.stderr)
        XCTAssertTrue(published.stderr.contains("use api:8000"), published.stderr)
    }

    func testWarningsOnlyLabAndLintSwitches() throws {
        let dir = lab("unknown-metric.bad")
        XCTAssertEqual(try labctl("check", "lab", dir).status, 0)
        XCTAssertEqual(try labctl("check", "lab", dir, "--lint-fatal").status, 3)
        let quiet = try labctl("check", "lab", dir, "--lint", "none", "--lint-fatal")
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertFalse(quiet.stderr.contains("lab/unknown-metric"), quiet.stderr)
    }

    func testJSONAndJUnitFormats() throws {
        let json = try labctl("check", "lab", lab("alertmanager-typo.bad"), "--format", "json")
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        XCTAssertNotNil(object)
        XCTAssertTrue(json.stdout.contains("lab/unknown-host"), json.stdout)
        XCTAssertTrue(json.stdout.contains("did you mean"), json.stdout)
        let junit = try labctl("check", "lab", lab("rule-not-mounted.bad"), "--format", "junit")
        XCTAssertEqual(junit.status, 1)
        XCTAssertTrue(junit.stdout.hasPrefix("<?xml"), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("lab/rule-file-not-mounted"), junit.stdout)
    }

    func testBuiltInExampleLabsPassWithoutErrors() throws {
        for id in ["lab0", "lab7", "practica26"] {
            let result = try labctl("check", "lab", "--example", id, "--lint", "none")
            XCTAssertEqual(result.status, 0, "\(id): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("checking built-in \(id)"), result.stderr)
        }
        let unknown = try labctl("check", "lab", "--example", "lab99")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("unknown lab"), unknown.stderr)
        XCTAssertEqual(try labctl("check", "lab", "somedir", "--example", "lab7").status, 2)
    }

    func testUsageAndMissingDirectory() throws {
        XCTAssertEqual(try labctl("check", "lab").status, 2)
        let missing = try labctl("check", "lab", "/nonexistent/lab")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("not a directory"), missing.stderr)
        let help = try labctl("check", "lab", "--help")
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("lab/localhost-target"), help.stdout)
    }
}
