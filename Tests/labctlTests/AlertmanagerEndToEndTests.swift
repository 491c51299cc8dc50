import Foundation
import XCTest

/// `labctl alertmanager routes …` run as a process: output streams and exit codes.
final class AlertmanagerEndToEndTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func binary() throws -> String {
        var directories: [URL] = []
        let bundle = Bundle(for: AlertmanagerEndToEndTests.self)
        directories.append(bundle.bundleURL.deletingLastPathComponent())
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent("labctl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        }
        throw XCTSkip("labctl binary not found next to the tests; run `swift build` first")
    }

    func testRoutesShowAndTestAsAProcess() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-e2e-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        let c = try XCTUnwrap(AlertmanagerRouteTrees.cases.first { $0.name == "continue-chain" })
        try AlertmanagerRouteTrees.file(c).write(to: file, atomically: true, encoding: .utf8)
        let labctl = try Self.binary()
        let show = try runShell(labctl, arguments: ["alertmanager", "routes", "show", "--config", file.path])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.hasPrefix("Routing tree:\n.\n└── default-route  receiver: default\n"), show.stdout)
        XCTAssertTrue(show.stdout.contains("    ├── default-route  continue: true  receiver: audit\n"), show.stdout)
        let test = try runShell(labctl, arguments: ["alertmanager", "routes", "test", "--config.file", file.path,
                                                    "--verify.receivers=audit,pager,ops", "severity=critical"])
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertEqual(test.stdout, "audit,pager,ops\n")
        let mismatch = try runShell(labctl, arguments: ["alertmanager", "routes", "test", "--config", file.path,
                                                        "--verify.receivers=pager", "severity=critical"])
        XCTAssertEqual(mismatch.status, 1)
        XCTAssertEqual(mismatch.stdout, "audit,pager,ops\nWARNING: Expected receivers did not match resolved receivers.\n")
        let help = try runShell(labctl, arguments: ["alertmanager", "routes", "test", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--verify.receivers"), help.stdout)
    }
}
