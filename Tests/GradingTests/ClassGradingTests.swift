import Foundation
import LabCatalog
import XCTest
@testable import Grading

/// A whole Práctica 26 class: per-student variants from a roster, reference solutions with a few
/// seeded defects, one copy and one missing folder.
final class ClassGradingTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func temporary() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("class-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        dirs.append(dir)
        return dir
    }

    /// A roster of `n` students with distinctive prefixes.
    static func rosterText(_ n: Int) -> String {
        let names = ["ana", "bruno", "carla", "diego", "elena", "fabio", "gema", "hugo", "irene", "javier"]
        var out = "id,name,prefix\n"
        for i in 0..<n { out += "\(names[i % names.count]).\(i),\(names[i % names.count].capitalized) \(i),\(names[i % names.count])\(i)_lab\n" }
        return out
    }

    struct ClassFixture {
        var spec: LabSpec
        var roster: Roster
        var students: [ClassStudent]
        var submissions: URL
        var domains: DomainCatalog
        var catalog: Catalog
    }

    /// Writes every student's solution; `defects` maps a student index to a seeded defect id,
    /// `copied` (from, to) makes `to`'s folder a copy of `from`'s, `missing` has no folder.
    func makeClass(_ n: Int, defects: [Int: String] = [:], copied: (Int, Int)? = nil, missing: Int? = nil) throws -> ClassFixture {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("practica26")
        let domains = try DomainCatalog.load(root: catalog.root)
        let root = try temporary()
        let rosterFile = root.appendingPathComponent("roster.csv").path
        let (loaded, diagnostics) = Roster.parse(Self.rosterText(n), file: rosterFile, domains: domains)
        let roster = try XCTUnwrap(loaded, "\(diagnostics)")
        let submissions = root.appendingPathComponent("entregas")
        var students: [ClassStudent] = []
        let seeded = try catalog.defects(for: spec.id)
        for (i, s) in roster.students.enumerated() {
            let values = try AnswerResolver(spec: spec).resolve(try StudentAssignment.assign(s, domains: domains).values(for: spec))
            students.append(ClassStudent(id: s.id, name: s.name, values: values))
            if i == missing { continue }
            let defect = try defects[i].map { id in try XCTUnwrap(seeded.first { $0.id == id }, id) }
            try GradingExample.write(spec, catalog: catalog, values: values, defect: defect, to: submissions.appendingPathComponent(s.id))
        }
        if let (from, to) = copied {
            let target = submissions.appendingPathComponent(students[to].id)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: submissions.appendingPathComponent(students[from].id), to: target)
        }
        return ClassFixture(spec: spec, roster: roster, students: students, submissions: submissions, domains: domains, catalog: catalog)
    }

    func testClassIsGradedWithDefectsCopyAndMissingFolder() throws {
        let seeded = try Catalog.installed(environment: [:]).defects(for: "practica26")
        let defect = try XCTUnwrap(seeded.first)
        let c = try makeClass(8, defects: [2: defect.id], copied: (0, 5), missing: 7)
        var report = ClassGrader(spec: c.spec, runner: InProcessSubmissionRunner(spec: c.spec, language: .en), jobs: 2)
            .grade(c.students, submissions: c.submissions.path)
        CopyFlags.apply(to: &report, roster: c.roster, submissions: c.submissions.path,
                        verifier: SubmissionVerifier(catalog: c.catalog, domains: c.domains, spec: c.spec))
        XCTAssertEqual(report.students.map(\.studentID), c.students.map(\.id), "roster order kept")
        XCTAssertEqual(report.students[7].status, .missing)
        for i in [0, 1, 3, 4, 6] {
            XCTAssertEqual(report.students[i].points, report.maxPoints, "\(report.students[i].studentID) has the reference")
            // Identical reference solutions are near-identical pairs; only the copy carries another's prefix.
            XCTAssertFalse(report.students[i].flags.contains("students/foreign-prefix"), "\(report.students[i].flags)")
        }
        XCTAssertEqual(report.maxPoints - report.students[2].points, defect.loses, accuracy: 0.01)
        XCTAssertTrue(report.students[5].flags.contains("students/foreign-prefix"), "a copy of another student's folder is flagged: \(report.students[5].flags)")
        XCTAssertLessThan(report.students[5].points, report.maxPoints, "graded against their own variant")

        let csv = Gradebook().render(report)
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines.count, 9)
        XCTAssertEqual(lines[0], "student_id,name,status,total,max,configuration,profiling,production,grader_errors,flags,seconds")
        XCTAssertTrue(lines[8].hasPrefix("\(c.students[7].id),"), String(lines[8]))
        XCTAssertTrue(lines[8].contains(",missing,"), String(lines[8]))
        XCTAssertTrue(lines[6].contains("students/foreign-prefix"), "flag column: \(lines[6])")

        let summary = ClassSummary(language: .en).render(report)
        XCTAssertTrue(summary.contains("7 graded, 1 missing, 0 grader errors (of 8)"), summary)
        XCTAssertTrue(summary.contains("Missing: \(c.students[7].id)"), summary)
        XCTAssertTrue(summary.contains("Possible copies"), summary)

        // A regrade after student 2 fixes the defect: --compare names them and the exercise.
        var fixed = report
        fixed.students[2] = report.students[0]
        fixed.students[2].studentID = report.students[2].studentID
        let comparison = try GradebookComparison(old: csv, file: "old.csv", report: fixed)
        XCTAssertEqual(comparison.changes.map(\.studentID), [report.students[2].studentID], comparison.render())
        XCTAssertFalse(comparison.changes[0].reasons.isEmpty)
    }

    func testCompareRejectsAFileThatIsNotAGradebook() throws {
        let report = ClassGradeReport(lab: "x", labTitle: "x", exercises: [], maxPoints: 0, students: [])
        XCTAssertThrowsError(try GradebookComparison(old: "a,b\n1,2\n", file: "old.csv", report: report)) { error in
            XCTAssertTrue((error as? GraderError)?.message.contains("old.csv:1:1") == true, "\(error)")
        }
        XCTAssertThrowsError(try GradebookComparison(old: "student_id,total\n\"open\n", file: "old.csv", report: report))
    }

    /// A fake grader executable (a shell script) for the limits of the process runner.
    func script(_ body: String) throws -> String {
        let url = try temporary().appendingPathComponent("fake-labctl")
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    func testHangingCrashingAndGarbageSubmissionsAreGraderErrors() throws {
        let student = ClassStudent(id: "s1", values: [:])
        let dir = try temporary().path
        let hang = ProcessSubmissionRunner(executable: try script("sleep 30"), lab: "lab1", language: .en, timeLimit: 1)
        let start = Date()
        let hung = hang.grade(student, directory: dir)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "killed at its limit")
        XCTAssertEqual(hung.status, .graderError)
        XCTAssertTrue(hung.error?.contains("limit of 1 s") == true, hung.error ?? "")

        let crash = ProcessSubmissionRunner(executable: try script("kill -SEGV $$"), lab: "lab1", language: .en, timeLimit: 10)
        let crashed = crash.grade(student, directory: dir)
        XCTAssertEqual(crashed.status, .graderError)
        XCTAssertTrue(crashed.error?.contains("signal") == true, crashed.error ?? "")

        let garbage = ProcessSubmissionRunner(executable: try script("echo '{not json'"), lab: "lab1", language: .en, timeLimit: 10)
        XCTAssertEqual(garbage.grade(student, directory: dir).status, .graderError)

        let args = ProcessSubmissionRunner(executable: "x", lab: "lab1", language: .es).arguments(
            ClassStudent(id: "s", values: ["prefix": "p_lab", "domain": "salud"]), directory: "/d")
        XCTAssertEqual(args, ["grade", "lab1", "/d", "--format", "json", "--show-hidden", "--lang", "es",
                              "--set", "domain=salud", "--set", "prefix=p_lab"])
    }

    func testReportRoundTripsThroughJSON() throws {
        let c = try makeClass(1)
        let report = InProcessSubmissionRunner(spec: c.spec, language: .en).grade(c.students[0], directory: c.submissions.appendingPathComponent(c.students[0].id).path).report
        let original = try XCTUnwrap(report)
        let decoded = try XCTUnwrap(GradeReport.decode(json: Data(JSONReport(showHidden: true).render(original).utf8)))
        XCTAssertEqual(decoded.points, original.points)
        XCTAssertEqual(decoded.checks.map(\.id), original.checks.map(\.id))
        XCTAssertEqual(decoded.checks.map(\.outcome), original.checks.map(\.outcome))
        XCTAssertNil(GradeReport.decode(json: Data("[1]".utf8)))
    }
}
