import Foundation
import XCTest
import LabctlTestSupport

/// `labctl init` into a lab directory that is a dangling link or a loop of links says so.
final class InitSymlinkEndToEndTests: XCTestCase {
    func testDanglingAndLoopingLinksAreNamed() throws {
        let root = try makeTemporaryDirectory(prefix: "labctl-init-link")
        let dangling = root.appendingPathComponent("dangling").path
        let loop = root.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: root.appendingPathComponent("nowhere").path)
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        for (path, why) in [(dangling, "dangling"), (loop, "loop")] {
            let run = try LabctlProcess.run(["init", "lab1", path])
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("\(path) is a symbolic link"), run.stderr)
            XCTAssertTrue(run.stderr.contains(why), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("nowhere").path))
    }
}
