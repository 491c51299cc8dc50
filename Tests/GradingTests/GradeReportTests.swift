import XCTest
@testable import Grading

final class GradeReportTests: XCTestCase {
    func testTotalsLeaveOutManualAndGraderErrors() {
        let checks = [
            CheckResult(id: "a.1", kind: "file_exists", title: "t", outcome: .passed, points: 5, maxPoints: 5),
            CheckResult(id: "a.2", kind: "promql", title: "t", outcome: .partial, points: 2.5, maxPoints: 5),
            CheckResult(id: "a.3", kind: "manual", title: "t", outcome: .manual, points: 0, maxPoints: 10),
            CheckResult(id: "a.4", kind: "promql", title: "t", outcome: .graderError, points: 0, maxPoints: 7),
        ]
        let report = GradeReport(lab: "lab7", labTitle: "Lab", submission: ".", language: "en",
                                 exercises: [ExerciseResult(id: "a", title: "A", checks: checks)])
        XCTAssertEqual(report.points, 7.5)
        XCTAssertEqual(report.maxPoints, 10)
        XCTAssertEqual(report.graderErrors.map(\.id), ["a.4"])
        XCTAssertEqual(report.manualChecks.map(\.id), ["a.3"])
    }
}
