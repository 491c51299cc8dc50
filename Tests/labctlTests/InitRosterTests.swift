import Foundation
import XCTest
import LabctlTestSupport

/// `labctl init LAB DIR --student ID --roster FILE`: a student scaffolds their own variant from the class
/// roster and gets exactly the values `labctl students generate` gives them.
final class InitRosterTests: XCTestCase {
    private let roster = """
        id,name,prefix,domain,entity
        ana.garcia,Ana García,ana_shop,ecommerce,pedido
        bob,Bob,bob_api,,
        """

    func testInitFromRosterMatchesStudentsGenerate() throws {
        let dir = try makeTemporaryDirectory(prefix: "init-roster")
        let csv = dir.appendingPathComponent("roster.csv")
        try roster.write(to: csv, atomically: true, encoding: .utf8)

        let own = dir.appendingPathComponent("bob-own").path
        let initResult = try LabctlProcess.run(["init", "practica26", own, "--student", "bob", "--roster", csv.path, "-q"])
        XCTAssertEqual(initResult.status, 0, initResult.stderr)

        let klass = dir.appendingPathComponent("clase").path
        let generated = try LabctlProcess.run(["students", "generate", "--roster", csv.path, "--out", klass, "-q"])
        XCTAssertEqual(generated.status, 0, generated.stderr)

        let mine = try String(contentsOfFile: own + "/.labctl/answers.yaml", encoding: .utf8)
        let theirs = try String(contentsOfFile: klass + "/bob/.labctl/answers.yaml", encoding: .utf8)
        XCTAssertTrue(mine.contains("prefix: bob_api"), mine)
        XCTAssertEqual(mine, theirs, "init --roster must give the same answers as students generate")
        let metrics = try String(contentsOfFile: own + "/monitoring/metrics.py", encoding: .utf8)
        XCTAssertFalse(metrics.contains("ana_shop"), "no other student's prefix")
    }

    func testUnknownStudentAndMissingStudentAreErrors() throws {
        let dir = try makeTemporaryDirectory(prefix: "init-roster-bad")
        let csv = dir.appendingPathComponent("roster.csv")
        try roster.write(to: csv, atomically: true, encoding: .utf8)
        let unknown = try LabctlProcess.run(["init", "practica26", dir.appendingPathComponent("x").path,
                                             "--student", "bobb", "--roster", csv.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("did you mean \"bob\""), unknown.stderr)
        let missing = try LabctlProcess.run(["init", "practica26", "--roster", csv.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("--roster needs --student"), missing.stderr)
    }
}
