import Foundation
import XCTest
@testable import Grading

final class SubmissionTests: XCTestCase {
    func testRefusesEscapesLinksAndHugeFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "ok".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: "/etc/passwd")
        try Data(count: 2048).write(to: dir.appendingPathComponent("big.bin"))
        let submission = try Submission(path: dir.path, maxFileBytes: 1024)
        XCTAssertEqual(try submission.text("a.txt"), "ok")
        XCTAssertThrowsError(try submission.text("link")) { XCTAssertEqual($0 as? SubmissionError, .symlink("link")) }
        XCTAssertThrowsError(try submission.text("../x")) { XCTAssertEqual($0 as? SubmissionError, .outside("../x")) }
        XCTAssertThrowsError(try submission.text("/etc/passwd")) { XCTAssertEqual($0 as? SubmissionError, .outside("/etc/passwd")) }
        XCTAssertThrowsError(try submission.data("big.bin")) {
            XCTAssertEqual($0 as? SubmissionError, .tooLarge("big.bin", bytes: 2048, limit: 1024))
        }
        XCTAssertEqual(submission.symlinks(), ["link"])
    }

    func testSetComparisonIsByLabelsAndValue() {
        let a = SampleSet([(["endpoint": "/"], 1.0), (["endpoint": "/x"], 2.0)])
        let sameOtherOrder = SampleSet([(["endpoint": "/x"], 2.0 + 1e-9), (["endpoint": "/"], 1.0)])
        let otherLabels = SampleSet([(["path": "/"], 1.0), (["path": "/x"], 2.0)])
        let t = ValueTolerance()
        XCTAssertNil(SampleSetDifference.first(expected: a, actual: sameOtherOrder, tolerance: t))
        XCTAssertNotNil(SampleSetDifference.first(expected: a, actual: otherLabels, tolerance: t))
        XCTAssertTrue(SampleSetDifference.sameValuesOtherLabels(expected: a, actual: otherLabels, tolerance: t))
    }
}
