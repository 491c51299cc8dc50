import Foundation
import XCTest

/// `labctl grade LAB --roster --submissions --out` and `--manual`, run as a user runs them.
final class GradeClassEndToEndTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("grade-class-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func testClassRunWritesGradebookSummaryAndReports() throws {
        let roster = "id,name,prefix\nana.0,Ana,ana0_lab\nbruno.1,Bruno,bruno1_lab\ncarla.2,Carla,carla2_lab\ndiego.3,Diego,diego3_lab\n"
        try roster.write(toFile: path("roster.csv"), atomically: true, encoding: .utf8)
        // students generate hands out the starters; two students then hand in work, one nothing,
        // and diego.3's folder is missing.
        let generated = try LabctlProcess.run(["students", "generate", "--roster", path("roster.csv"), "--out", path("class"), "-q"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        try FileManager.default.removeItem(atPath: path("class/diego.3"))
        for student in ["ana.0", "bruno.1"] {
            let answers = try String(contentsOfFile: path("class/\(student)/.labctl/answers.yaml"), encoding: .utf8)
            var args = ["init", "practica26", path("class/\(student)"), "--solution", "--force"]
            for line in answers.split(separator: "\n") where line.hasPrefix("  ") {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
                if parts.count == 2 { args += ["--set", "\(parts[0])=\(parts[1].trimmingCharacters(in: .whitespaces))"] }
            }
            let written = try LabctlProcess.run(args)
            XCTAssertEqual(written.status, 0, written.stderr)
        }
        let run = try LabctlProcess.run(["grade", "practica26", "--roster", path("roster.csv"), "--submissions", path("class"),
                                         "--out", path("notas"), "--jobs", "2", "--lang", "en"], timeout: 300)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("3 graded, 1 missing, 0 grader errors (of 4)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Missing: diego.3"), run.stdout)
        XCTAssertTrue(run.stderr.contains("[4/4]"), "a plain progress line per student off a TTY: \(run.stderr)")
        let csv = try String(contentsOfFile: path("notas/gradebook.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(csv.count, 5)
        XCTAssertTrue(csv[1].hasPrefix("ana.0,Ana,graded,90,90,"), csv[1])
        XCTAssertTrue(csv[2].hasPrefix("bruno.1,Bruno,graded,90,90,"), csv[2])
        XCTAssertTrue(csv[3].hasPrefix("carla.2,Carla,graded,"), csv[3])
        XCTAssertFalse(csv[3].hasPrefix("carla.2,Carla,graded,90,"), "a starter is not full marks: \(csv[3])")
        XCTAssertTrue(csv[4].hasPrefix("diego.3,Diego,missing,"), csv[4])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("notas/reports/ana.0.txt")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("notas/reports/carla.2.json")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("notas/summary.txt")))

        // A regrade against the first gradebook after carla hands in the solution.
        try FileManager.default.copyItem(atPath: path("notas/gradebook.csv"), toPath: path("old.csv"))
        try FileManager.default.removeItem(atPath: path("class/carla.2"))
        try FileManager.default.copyItem(atPath: path("class/ana.0"), toPath: path("class/carla.2"))
        let regrade = try LabctlProcess.run(["grade", "practica26", "--roster", path("roster.csv"), "--submissions", path("class"),
                                             "--out", path("notas2"), "--compare", path("old.csv"), "--lang", "en"], timeout: 300)
        XCTAssertEqual(regrade.status, 0, regrade.stderr)
        XCTAssertTrue(regrade.stdout.contains("Changes since"), regrade.stdout)
        XCTAssertTrue(regrade.stdout.contains("carla.2: "), regrade.stdout)
        XCTAssertFalse(regrade.stdout.contains("ana.0: "), "unchanged students are not listed: \(regrade.stdout)")
        let flagged = try String(contentsOfFile: path("notas2/gradebook.csv"), encoding: .utf8)
        XCTAssertTrue(flagged.contains("students/foreign-prefix"), "carla handed in ana's folder: \(flagged)")
    }

    func testClassRunUsageErrors() throws {
        let noOut = try LabctlProcess.run(["grade", "practica26", "--roster", path("r.csv"), "--submissions", root.path])
        XCTAssertEqual(noOut.status, 2, noOut.stderr)
        XCTAssertTrue(noOut.stderr.contains("--out"), noOut.stderr)
        let badJobs = try LabctlProcess.run(["grade", "practica26", "--roster", path("r.csv"), "--submissions", root.path,
                                             "--out", path("o"), "--jobs", "zero"])
        XCTAssertEqual(badJobs.status, 2, badJobs.stderr)
        try "id,name\n".write(toFile: path("r.csv"), atomically: true, encoding: .utf8)
        let badRoster = try LabctlProcess.run(["grade", "practica26", "--roster", path("r.csv"), "--submissions", root.path,
                                               "--out", path("o")])
        XCTAssertEqual(badRoster.status, 1, badRoster.stdout + badRoster.stderr)
    }

    func testManualMarksAreFoldedIn() throws {
        try "profiling.manual:\n  points: 7.5\n  comment: \"Buen análisis\"\n".write(toFile: path("marks.yml"), atomically: true, encoding: .utf8)
        let run = try LabctlProcess.run(["grade", "practica26", "--example", "--manual", path("marks.yml"), "--lang", "en"], timeout: 300)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("[7.5/10]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("instructor's mark: 7.5/10 — Buen análisis"), run.stdout)
        XCTAssertFalse(run.stdout.contains("to be graded by the instructor"), run.stdout)

        try "profiling.manul:\n  points: 3\n".write(toFile: path("typo.yml"), atomically: true, encoding: .utf8)
        let typo = try LabctlProcess.run(["grade", "practica26", "--example", "--manual", path("typo.yml")], timeout: 300)
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue((typo.stdout + typo.stderr).contains("typo.yml:1:1"), typo.stdout + typo.stderr)
        XCTAssertTrue((typo.stdout + typo.stderr).contains("did you mean"), typo.stdout + typo.stderr)

        try "profiling.manual: [1, 2\n".write(toFile: path("broken.yml"), atomically: true, encoding: .utf8)
        let broken = try LabctlProcess.run(["grade", "practica26", "--example", "--manual", path("broken.yml")], timeout: 300)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue((broken.stdout + broken.stderr).contains("broken.yml:"), broken.stdout + broken.stderr)
    }
}
