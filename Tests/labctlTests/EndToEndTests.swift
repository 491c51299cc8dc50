import Foundation
import XCTest
import LabctlTestSupport

/// Runs the built `labctl` binary as a process and checks stdout, stderr and exit codes.
final class EndToEndTests: XCTestCase {
    private func labctl(_ arguments: String..., stdin: String = "",
                        environment: [String: String] = ["NO_COLOR": "1"]) throws -> RunResult {
        try LabctlProcess.run(arguments, stdin: stdin, environment: environment)
    }

    // MARK: - Tests

    func testHelpOnEveryLevel() throws {
        let levels: [[String]] = [["--help"], ["-h"], ["help"], ["help", "version"], ["version", "--help"],
                                  ["completion", "-h"], ["help", "--help"]]
        for arguments in levels {
            let result = try LabctlProcess.run(arguments, environment: nil)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("Usage:\n  labctl"), "\(arguments)")
            XCTAssertTrue(result.stdout.contains("Examples:\n"), "\(arguments)")
            XCTAssertEqual(result.stderr, "", "\(arguments)")
        }
        let root = try labctl("--help")
        for command in ["help", "version", "completion"] {
            XCTAssertTrue(root.stdout.contains("\n  \(command) "), command)
        }
    }

    func testVersion() throws {
        let result = try labctl("--version")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("labctl "), result.stdout)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1)
        let json = try labctl("version", "--format=json")
        XCTAssertEqual(json.status, 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: String]
        XCTAssertEqual(object?["name"], "labctl")
        XCTAssertEqual(object?["version"].map { result.stdout.contains($0) }, true)
    }

    func testUnknownOptionSuggestsAndExitsTwo() throws {
        let result = try labctl("version", "--formt", "json")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("unknown option '--formt'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"--format\"?"), result.stderr)
    }

    func testUnknownCommandSuggestsAndExitsTwo() throws {
        let result = try labctl("completon", "bash")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("unknown command 'completon'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"completion\"?"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Run 'labctl --help' for usage."))
        let nested = try labctl("help", "versio")
        XCTAssertEqual(nested.status, 2)
        XCTAssertTrue(nested.stderr.contains("did you mean \"version\"?"), nested.stderr)
    }

    func testMissingCommandIsAUsageError() throws {
        let result = try labctl()
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("needs a command"))
        XCTAssertEqual(result.stdout, "")
    }

    func testCompletionBashIsValidShell() throws {
        let result = try labctl("completion", "bash")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("'labctl completion'"))
        XCTAssertTrue(result.stdout.contains("--format"))
        XCTAssertTrue(result.stdout.contains("'bash zsh'"))
        let check = try ChildProcess.run("/bin/bash", arguments: ["-n"], stdin: result.stdout)
        XCTAssertEqual(check.status, 0, check.stderr)
    }
}
