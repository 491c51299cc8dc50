import XCTest
@testable import Grading

final class ManualMarksTests: XCTestCase {
    func report() -> GradeReport {
        GradeReport(lab: "practica26", labTitle: "P26", submission: "/s", language: "en", exercises: [
            ExerciseResult(id: "profiling", title: "Profiling", checks: [
                CheckResult(id: "profiling.report", kind: "profiling_report", title: "report", outcome: .passed, points: 10, maxPoints: 10),
                CheckResult(id: "profiling.manual", kind: "manual", title: "manual", outcome: .manual, points: 0, maxPoints: 10),
            ]),
        ])
    }

    func testMarksReplaceTheManualVerdictAndCount() throws {
        let (marks, diagnostics) = ManualMarks.parse("profiling.manual:\n  points: 6\n  comment: Falta medir\n", file: "m.yml")
        XCTAssertEqual(diagnostics, [])
        let parsed = try XCTUnwrap(marks)
        XCTAssertEqual(parsed.validate(against: report()), [])
        let graded = parsed.apply(to: report(), language: .es)
        XCTAssertEqual(graded.points, 16)
        XCTAssertEqual(graded.maxPoints, 20)
        XCTAssertEqual(graded.checks[1].outcome, .partial)
        XCTAssertEqual(graded.checks[1].feedback.map(\.message), ["nota del profesor: 6/10 — Falta medir"])
        XCTAssertTrue(graded.manualChecks.isEmpty)
    }

    func testBadMarksAreDiagnosedWithPositions() throws {
        let cases: [(String, String, Int)] = [
            ("profiling.manual:\n  points: -1\n", "0 or more", 2),
            ("profiling.manual:\n  points: many\n", "points", 2),
            ("profiling.manual:\n  pts: 3\n", "pts", 2),
            ("- a\n- b\n", "mapping", 1),
            ("profiling.manual: {points: [1\n", " ", 1),
        ]
        for (text, word, line) in cases {
            let (marks, diagnostics) = ManualMarks.parse(text, file: "m.yml")
            XCTAssertNil(marks, text)
            let first = try XCTUnwrap(diagnostics.first, text)
            XCTAssertTrue(first.message.contains(word), "\(text): \(first.message)")
            XCTAssertEqual(first.location?.file, "m.yml")
            XCTAssertGreaterThanOrEqual(first.location?.line ?? 0, line, text)
        }
        let (unknown, _) = ManualMarks.parse("profiling.manul:\n  points: 3\nprofiling.manual:\n  points: 30\n", file: "m.yml")
        let problems = try XCTUnwrap(unknown).validate(against: report())
        XCTAssertEqual(problems.count, 2)
        XCTAssertTrue(problems.contains { $0.message.contains("no check profiling.manul") && $0.message.contains("did you mean") })
        XCTAssertTrue(problems.contains { $0.message.contains("worth 10 points; 30 were given") && $0.location?.line == 3 })
        XCTAssertNil(ManualMarks.parse(String(repeating: "#", count: ManualMarks.maxBytes + 1), file: "m.yml").marks)
        XCTAssertEqual(ManualMarks.parse("", file: "m.yml").marks?.marks.count, 0)
    }
}
