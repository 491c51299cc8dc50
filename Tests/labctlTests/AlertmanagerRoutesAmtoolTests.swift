import Foundation
import XCTest
@testable import labctl
import LabctlTestSupport

/// Compares `labctl alertmanager routes show|test` with Debian's amtool (0.25) when it is on PATH.
final class AlertmanagerRoutesAmtoolTests: XCTestCase {
    private func labctl(_ arguments: [String]) -> (status: Int32, stdout: String) {
        let console = TestConsole()
        let code = CommandRunner(root: CommandTable.root, version: "test").run(arguments, console: console.console)
        return (code.rawValue, console.stdout)
    }

    func testAgreesWithAmtoolOnEveryTreeAndLabelSet() throws {
        let amtool = try ToolLocator.require("amtool")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-amtool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var compared = 0, disagreements: [String] = []
        for c in AlertmanagerRouteTrees.cases {
            let file = dir.appendingPathComponent("\(c.name).yml")
            try AlertmanagerRouteTrees.file(c).write(to: file, atomically: true, encoding: .utf8)
            let theirs = try ChildProcess.run(amtool, arguments: ["config", "routes", "show", "--config.file", file.path])
            let ours = labctl(["alertmanager", "routes", "show", "--config", file.path])
            XCTAssertEqual(theirs.status, 0, "\(c.name): amtool failed: \(theirs.stderr)")
            compared += 1
            if ours.stdout != theirs.stdout || ours.status != theirs.status {
                disagreements.append("show \(c.name):\n--- labctl\n\(ours.stdout)--- amtool\n\(theirs.stdout)")
            }
            for labels in c.labelSets {
                for tree in [false, true] {
                    let extra = tree ? ["--tree"] : []
                    let t = try ChildProcess.run(amtool, arguments: ["config", "routes", "test", "--config.file", file.path]
                                         + extra + labels)
                    let o = labctl(["alertmanager", "routes", "test", "--config", file.path] + extra + labels)
                    compared += 1
                    if o.stdout != t.stdout || o.status != t.status {
                        disagreements.append("test \(c.name) \(extra) \(labels):\n--- labctl (\(o.status))\n\(o.stdout)"
                                             + "--- amtool (\(t.status))\n\(t.stdout)\(t.stderr)")
                    }
                }
            }
            // --verify.receivers: a match and a mismatch.
            if let labels = c.labelSets.last {
                let expected = labctl(["alertmanager", "routes", "test", "--config", file.path] + labels).stdout
                    .trimmingCharacters(in: .newlines)
                for verify in [expected, "nobody"] {
                    let args = ["--verify.receivers=\(verify)"] + labels
                    let t = try ChildProcess.run(amtool, arguments: ["config", "routes", "test", "--config.file", file.path] + args)
                    let o = labctl(["alertmanager", "routes", "test", "--config", file.path] + args)
                    compared += 1
                    if o.stdout != t.stdout || o.status != t.status {
                        disagreements.append("verify \(c.name) \(args): labctl \(o.status) \(o.stdout) amtool \(t.status) \(t.stdout)")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(AlertmanagerRouteTrees.cases.count, 8)
        XCTAssertGreaterThan(compared, 100)
        XCTAssertEqual(disagreements, [], "\(disagreements.count) of \(compared) comparisons differ")
        print("amtool agreement: \(compared - disagreements.count)/\(compared) outputs identical")
    }
}
