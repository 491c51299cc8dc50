import Foundation
import XCTest
import LabctlTestSupport

/// The built binary finds the lab content (root `labs/` and `templates/`, shipped as the `LabContent`
/// resource bundle) and rejects a `$LABCTL_CONTENT` without labs.
final class ContentLocationEndToEndTests: XCTestCase {
    private let fm = FileManager.default

    private func labctl(_ arguments: [String], content: URL?) throws -> RunResult {
        var environment = ["NO_COLOR": "1"]
        if let content { environment["LABCTL_CONTENT"] = content.path }
        return try LabctlProcess.run(arguments, environment: environment, timeout: 120)
    }

    func testBundleIsNextToTheBinary() throws {
        let binary = try LabctlProcess.binary()
        let bundle = binary.deletingLastPathComponent().appendingPathComponent("labctl_LabContent.resources")
        #if os(Linux)
        XCTAssertTrue(fm.fileExists(atPath: bundle.appendingPathComponent("labs/lab7/lab.yaml").path), bundle.path)
        XCTAssertTrue(fm.fileExists(atPath: bundle.appendingPathComponent("templates/lab7/docker-compose.yml").path))
        #endif
        let result = try labctl(["labs", "list", "--lang", "en"], content: nil)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\npractica26  100"), result.stdout)
    }

    func testEmptyContentFolderIsAnError() throws {
        let root = try makeTemporaryDirectory(prefix: "labctl-content")
        try fm.createDirectory(at: root.appendingPathComponent("labs"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        for arguments in [["labs", "list"], ["labs", "show", "lab0"], ["init", "lab0", root.appendingPathComponent("out").path]] {
            let result = try labctl(arguments, content: root)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stdout)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.contains("lab content not found: LABCTL_CONTENT=\(root.path): labs/ holds no lab"),
                          "\(arguments): \(result.stderr)")
        }
        XCTAssertFalse(fm.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    func testContentFolderWithoutLabsFolderIsAnError() throws {
        let root = try makeTemporaryDirectory(prefix: "labctl-content")
        let result = try labctl(["labs", "list"], content: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(": no labs/ folder (expected a folder with labs/<lab>/lab.yaml and templates/)"),
                      result.stderr)
        let missing = try labctl(["labs", "list"], content: root.appendingPathComponent("nowhere"))
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains(": no such folder ("), missing.stderr)
    }

    func testContentFolderWithOneLab() throws {
        let root = try makeTemporaryDirectory(prefix: "labctl-content")
        for folder in ["labs", "templates"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try fm.copyItem(at: LabctlProcess.packageRoot.appendingPathComponent(folder).appendingPathComponent("lab0"),
                            to: root.appendingPathComponent(folder).appendingPathComponent("lab0"))
        }
        let list = try labctl(["labs", "list", "--lang", "en"], content: root)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout, "LAB   PTS  EX  TITLE\nlab0  100   3  Initial stack setup\n")
        let out = root.appendingPathComponent("out")
        let initResult = try labctl(["init", "lab0", out.path, "-q"], content: root)
        XCTAssertEqual(initResult.status, 0, initResult.stderr)
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent("docker-compose.yml").path))
    }
}
