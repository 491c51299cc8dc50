import Foundation
import XCTest
@testable import labctl
import LabctlTestSupport

/// `labctl students generate|verify` through the command runner: output, exit codes, diagnostics.
final class StudentsCommandTests: XCTestCase {
    private func run(_ arguments: [String]) -> RunResult { TestConsole.runLabctl(arguments) }

    private func temporaryDirectory() throws -> URL { try makeTemporaryDirectory(prefix: "labctl-students") }

    func testGenerateThenVerifyThenCatchACopy() throws {
        let dir = try temporaryDirectory()
        let roster = dir.appendingPathComponent("roster.csv").path
        try "\u{FEFF}id;nombre;prefijo;dominio\r\nana;\"García; Ana\";ana_shop;ecommerce\r\nbob;Bob;bob_med;salud\r\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("clase").path
        let generated = run(["students", "generate", "--roster", roster, "--out", out])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        XCTAssertEqual(generated.stdout, """
        ana  ana_shop  ecommerce/\(try entity("ana", out)) (assigned: entity)  15 file(s)
        bob  bob_med  salud/\(try entity("bob", out)) (assigned: entity)  15 file(s)
        practica26 v2 for 2 student(s) in \(out): wrote 30 file(s)

        """)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/.answer-keys/ana.yaml"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/ana/.labctl/answer-key.yaml"),
                       "answer keys must not be inside the directory handed to the student")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/assignments.csv"))
        let again = run(["students", "generate", "--roster", roster, "--out", out, "-q"])
        XCTAssertEqual(again.stdout, "practica26 v2 for 2 student(s) in \(out): wrote 0 file(s)\n")

        let clean = run(["students", "verify", "--roster", roster, "--submissions", out])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(clean.stdout, "checked 2 of 2 submission(s): 0 file(s) with another student's prefix, 0 near-identical pair(s)\n")

        try FileManager.default.removeItem(atPath: out + "/bob/prometheus.yml")
        try FileManager.default.copyItem(atPath: out + "/ana/prometheus.yml", toPath: out + "/bob/prometheus.yml")
        let copied = run(["students", "verify", "--roster", roster, "--submissions", out])
        XCTAssertEqual(copied.status, 1)
        XCTAssertTrue(copied.stderr.contains("bob/prometheus.yml:10:24: error: [students/foreign-prefix] \"ana-shop\" is the prefix of student ana"),
                      copied.stderr)
        XCTAssertTrue(copied.stdout.contains("1 file(s) with another student's prefix"), copied.stdout)
        let json = run(["students", "verify", "--roster", roster, "--submissions", out, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertTrue(json.stdout.contains("students/foreign-prefix"), json.stdout)
    }

    private func entity(_ id: String, _ out: String) throws -> String {
        let key = try String(contentsOfFile: out + "/.answer-keys/\(id).yaml", encoding: .utf8)
        return key.split(separator: "\n").first { $0.hasPrefix("entity: ") }.map { String($0.dropFirst(8)) } ?? "?"
    }

    func testBadRosterAndUsageErrors() throws {
        let dir = try temporaryDirectory()
        let roster = dir.appendingPathComponent("bad.csv").path
        try "id,name,prefix\nana,Ana,ana\nbob,Bob,ana_x\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let bad = run(["students", "generate", "--roster", roster, "--out", dir.appendingPathComponent("o").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.csv:3:9: error: [roster/prefix-overlap] prefix \"ana\" is a prefix of \"ana_x\""), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path), "nothing written")
        XCTAssertEqual(run(["students", "generate", "--roster", roster]).status, 2)
        XCTAssertEqual(run(["students", "verify", "--roster", roster]).status, 2)
        let threshold = run(["students", "verify", "--roster", roster, "--submissions", dir.path, "--threshold", "2"])
        XCTAssertEqual(threshold.status, 2)
        let lab = run(["students", "generate", "--roster", roster, "--out", dir.path, "--lab", "lab1"])
        XCTAssertEqual(lab.status, 1)
    }
}
