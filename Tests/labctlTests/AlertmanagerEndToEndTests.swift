import Foundation
import XCTest

/// `labctl alertmanager routes …` run as a process: output streams and exit codes.
final class AlertmanagerEndToEndTests: XCTestCase {
    func testRoutesShowAndTestAsAProcess() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-e2e-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        let c = try XCTUnwrap(AlertmanagerRouteTrees.cases.first { $0.name == "continue-chain" })
        try AlertmanagerRouteTrees.file(c).write(to: file, atomically: true, encoding: .utf8)
        let show = try LabctlProcess.run(["alertmanager", "routes", "show", "--config", file.path], environment: nil)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.hasPrefix("Routing tree:\n.\n└── default-route  receiver: default\n"), show.stdout)
        XCTAssertTrue(show.stdout.contains("    ├── default-route  continue: true  receiver: audit\n"), show.stdout)
        let test = try LabctlProcess.run(["alertmanager", "routes", "test", "--config.file", file.path,
                                               "--verify.receivers=audit,pager,ops", "severity=critical"], environment: nil)
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertEqual(test.stdout, "audit,pager,ops\n")
        let mismatch = try LabctlProcess.run(["alertmanager", "routes", "test", "--config", file.path,
                                                   "--verify.receivers=pager", "severity=critical"], environment: nil)
        XCTAssertEqual(mismatch.status, 1)
        XCTAssertEqual(mismatch.stdout, "audit,pager,ops\nWARNING: Expected receivers did not match resolved receivers.\n")
        let help = try LabctlProcess.run(["alertmanager", "routes", "test", "--help"], environment: nil)
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--verify.receivers"), help.stdout)
    }
}
