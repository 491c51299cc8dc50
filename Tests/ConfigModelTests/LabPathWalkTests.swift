import XCTest
@testable import ConfigModel
import LabctlTestSupport

/// The lab file walk stays bounded on hostile trees (mounts of `/`, symbolic link loops).
final class LabPathWalkTests: XCTestCase {
    private func temporaryDirectory() throws -> URL { try makeTemporaryDirectory(prefix: "labpath") }

    func testLinkLoopsAreWalkedWithinTheEntryBudget() throws {
        let dir = try temporaryDirectory()
        try "{}".write(to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        // 30 links back to the folder: 30^5 entries within depth 4 without a budget.
        for i in 0..<30 {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("l\(i)").path, withDestinationPath: ".")
        }
        let start = Date()
        let files = LabPath.files(under: dir.path, suffixes: [".json"], depth: 4, limit: 100_000, maxEntries: 2_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertTrue(files.contains(dir.appendingPathComponent("a.json").path), "\(files.prefix(3))")
        XCTAssertLessThanOrEqual(files.count, 2_000)
    }

    func testDefaultBudgetBoundsAWalk() throws {
        let dir = try temporaryDirectory()
        for i in 0..<30 {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("l\(i)").path, withDestinationPath: ".")
        }
        XCTAssertEqual(LabPath.files(under: dir.path, suffixes: [".json"], depth: 4), [])
    }
}
