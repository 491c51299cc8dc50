import Foundation
import LabCatalog
import XCTest
@testable import Grading

/// Grades every lab's reference solution and every seeded defect of `labs/<lab>/defects.yaml`:
/// the solution gets full marks; each defect loses exactly its points and the feedback of the
/// failing checks contains its word. Grader errors never count.
final class SeededDefectTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    /// The parameter examples of `spec` (Práctica 26's student values), or a roster variant.
    func values(_ spec: LabSpec, student: Int = 0) throws -> [String: String] {
        var given: [String: String] = [:]
        if student > 0, !spec.parameters.isEmpty {
            given = ["student": "s\(student)", "prefix": "tienda\(student)",
                     "domain": ["ecommerce", "salud", "educacion"][student % 3],
                     "entity": ["pedido", "cita", "curso"][student % 3]]
        }
        return try GradingExample.values(for: spec, given: given)
    }

    func grade(_ spec: LabSpec, _ catalog: Catalog, values: [String: String], defect: LabDefect?) throws -> GradeReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defect-\(UUID().uuidString)")
        dirs.append(dir)
        try GradingExample.write(spec, catalog: catalog, values: values, defect: defect, to: dir)
        let options = GraderOptions(language: .en, values: values, student: values["student"])
        return try Grader(spec: spec, options: options).grade(submission: dir.path)
    }

    func testEveryReferenceSolutionGetsFullMarks() throws {
        let catalog = try Catalog.installed(environment: [:])
        for spec in catalog.labs {
            let report = try grade(spec, catalog, values: try values(spec), defect: nil)
            XCTAssertEqual(report.points, report.maxPoints, "\(spec.id):\n" + PlainTextReport(language: .en).render(report))
            XCTAssertTrue(report.graderErrors.isEmpty, "\(spec.id) grader errors: \(report.graderErrors.map(\.id))")
            XCTAssertGreaterThan(report.maxPoints, 0, spec.id)
        }
    }

    func testPractica26ReferenceGetsFullMarksForSeveralStudents() throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("practica26")
        for student in 1...3 {
            let v = try values(spec, student: student)
            let report = try grade(spec, catalog, values: v, defect: nil)
            XCTAssertEqual(report.points, report.maxPoints, "\(v):\n" + PlainTextReport(language: .en).render(report))
        }
    }

    func testEverySeededDefectLosesExactlyItsPoints() throws {
        let catalog = try Catalog.installed(environment: [:])
        var total = 0
        for spec in catalog.labs {
            let defects = try catalog.defects(for: spec.id)
            for defect in defects {
                total += 1
                let report = try grade(spec, catalog, values: try values(spec), defect: defect)
                let lost = report.maxPoints - report.points
                let text = PlainTextReport(language: .en, showHidden: true).render(report)
                XCTAssertEqual(lost, defect.loses, accuracy: 0.01, "\(spec.id)/\(defect.id):\n\(text)")
                XCTAssertTrue(report.graderErrors.isEmpty, "\(spec.id)/\(defect.id) grader errors: \(report.graderErrors.map(\.id))")
                let failing = report.checks.filter { $0.points < $0.maxPoints }
                // What the student reads about the failing checks: their id, title and feedback.
                let feedback = failing.map { check in
                    ([check.id, check.title] + check.feedback.flatMap { [$0.message] + $0.notes }).joined(separator: "\n")
                }.joined(separator: "\n")
                XCTAssertTrue(feedback.lowercased().contains(defect.feedback.lowercased()),
                              "\(spec.id)/\(defect.id): feedback lacks \"\(defect.feedback)\":\n\(feedback)")
            }
        }
        XCTAssertGreaterThan(total, 10, "the catalogue should seed defects in every lab")
    }
}
