import Diagnostics
import Foundation
import XCTest
import LabctlTestSupport

/// `labctl check lab --lang es|en` on a lab with the commonest mistakes, run as the built binary:
/// golden files in both languages, Spanish throughout, and a Spanish entry for every code the
/// checks emit (the lints' registry and every lab fixture).
final class CheckLabLanguageEndToEndTests: XCTestCase {
    private static let fixtures = LabctlProcess.packageRoot.appendingPathComponent("Tests/Fixtures")
    private static let typical = fixtures.appendingPathComponent("labs/typical-mistakes")

    /// `check lab .` in `directory` with `environment`; the output with the machine-dependent Python
    /// note taken out (it says python3 is missing where it is: that is the only line that can differ).
    private func checkLab(_ directory: URL, _ extra: [String], environment: [String: String] = ["NO_COLOR": "1"])
        throws -> RunResult {
        let r = try LabctlProcess.run(["check", "lab", "."] + extra, environment: environment, directory: directory)
        guard r.stderr.contains("[python/not-checked]") else { return r }
        var lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.contains("[python/not-checked]") }
        let text = lines.joined(separator: "\n").replacingOccurrences(of: ", 1 info", with: "")
        return RunResult(status: r.status, stdout: r.stdout, stderr: text)
    }

    /// Compares `text` with the golden file `name` (`LABCTL_UPDATE_GOLDEN=1` rewrites it).
    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.fixtures.appendingPathComponent("golden/\(name)")
        if ProcessInfo.processInfo.environment["LABCTL_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, golden, "\(name) differs (LABCTL_UPDATE_GOLDEN=1 rewrites it)", file: file, line: line)
    }

    // MARK: - Golden files

    func testTypicalMistakesInSpanishGolden() throws {
        let result = try checkLab(Self.typical, ["--lang", "es"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "")
        try assertGolden(result.stderr, "check-lab-typical-mistakes.es.txt")
        // Spanish throughout: none of the words every English message of these checks uses.
        for english in [": warning:", " note:", "did you mean", " which ", " the ", " is not ", " errors,", "found"] {
            XCTAssertFalse(result.stderr.contains(english), "English \"\(english)\" in:\n\(result.stderr)")
        }
        XCTAssertTrue(result.stderr.hasSuffix("6 errores, 14 avisos en 8 archivos\n"), result.stderr)
    }

    func testTypicalMistakesInEnglishGolden() throws {
        let result = try checkLab(Self.typical, ["--lang", "en"])
        XCTAssertEqual(result.status, 1, result.stderr)
        try assertGolden(result.stderr, "check-lab-typical-mistakes.en.txt")
    }

    func testLanguageComesFromLangThenTheLabThenEnglish() throws {
        let english = try checkLab(Self.typical, [])
        let spanish = try checkLab(Self.typical, ["--lang", "es"])
        XCTAssertEqual(try checkLab(Self.typical, [], environment: ["NO_COLOR": "1", "LANG": "es_ES.UTF-8"]).stderr, spanish.stderr)
        XCTAssertEqual(try checkLab(Self.typical, [], environment: ["NO_COLOR": "1", "LANG": "C.UTF-8"]).stderr, english.stderr)
        XCTAssertEqual(try checkLab(Self.typical, ["--lang", "en"], environment: ["NO_COLOR": "1", "LC_ALL": "es_ES"]).stderr,
                       english.stderr, "--lang wins over the environment")
        // A lab written by `labctl init --lang es` keeps speaking Spanish without --lang or LANG.
        let dir = try makeTemporaryDirectory(prefix: "labctl-lang").appendingPathComponent("lab1")
        let written = try LabctlProcess.run(["init", "lab1", dir.path, "--lang", "es"])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stdout.contains("lab1 v"), written.stdout)
        XCTAssertTrue(written.stdout.contains("archivo(s)"), written.stdout)
        let answers = try String(contentsOf: dir.appendingPathComponent(".labctl/answers.yaml"), encoding: .utf8)
        XCTAssertTrue(answers.contains("language: es"), answers)
        let checked = try LabctlProcess.run(["check", "lab", dir.path])
        XCTAssertTrue(checked.stderr.contains("aviso: [lab/todo] pendiente:"), checked.stderr)
        let overridden = try LabctlProcess.run(["check", "lab", dir.path], environment: ["NO_COLOR": "1", "LANG": "en_US.UTF-8"])
        XCTAssertTrue(overridden.stderr.contains("warning: [lab/todo] still to do:"), overridden.stderr)
        XCTAssertEqual(try LabctlProcess.run(["check", "lab", dir.path, "--lang", "fr"]).status, 2)
    }

    func testCodesAndPositionsDoNotChangeWithTheLanguage() throws {
        let en = try diagnostics(Self.typical, "en"), es = try diagnostics(Self.typical, "es")
        XCTAssertEqual(en.map(\.key), es.map(\.key))
        XCTAssertFalse(en.isEmpty)
    }

    // MARK: - Every code has Spanish

    func testEveryRegisteredLintAndCheckHasSpanish() throws {
        let listed = try LabctlProcess.run(["check", "lints", "--format", "json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let sections = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let codes = sections.flatMap { ($0["lints"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        XCTAssertGreaterThan(codes.count, 60)
        let known = MessageCatalog.standard.codes
        let missing = codes.filter { !known.contains($0) }
        XCTAssertEqual(missing, [], "codes without a Spanish entry in MessageCatalog")
    }

    /// Every message and note `check lab` emits on every lab fixture is translated (differs in Spanish).
    func testEveryMessageOfTheLabFixturesIsTranslated() throws {
        let roots = [Self.fixtures.appendingPathComponent("labs"),
                     LabctlProcess.packageRoot.appendingPathComponent("Tests/ConfigModelTests/Fixtures/labs")]
        var labs: [URL] = []
        for root in roots {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            labs += names.map { root.appendingPathComponent($0) }
        }
        XCTAssertGreaterThan(labs.count, 5)
        var seen = Set<String>()
        for lab in labs {
            let en = try diagnostics(lab, "en"), es = try diagnostics(lab, "es")
            XCTAssertEqual(en.map(\.key), es.map(\.key), lab.lastPathComponent)
            for (a, b) in zip(en, es) {
                seen.insert(a.code)
                if a.code == "python/not-checked" { continue }
                XCTAssertNotEqual(a.message, b.message, "\(lab.lastPathComponent): [\(a.code)] has no Spanish text")
                for (n, m) in zip(a.notes, b.notes) {
                    XCTAssertNotEqual(n, m, "\(lab.lastPathComponent): a note of [\(a.code)] has no Spanish text")
                }
            }
        }
        XCTAssertGreaterThan(seen.count, 25, "the fixtures should exercise many codes: \(seen.sorted())")
    }

    // MARK: - Helpers

    private struct Finding {
        let code: String, message: String, notes: [String], key: String
    }

    private func diagnostics(_ lab: URL, _ language: String) throws -> [Finding] {
        let r = try LabctlProcess.run(["check", "lab", ".", "--format", "json", "--lang", language], directory: lab)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stderr)
        let items = root["diagnostics"] as? [[String: Any]] ?? []
        return items.map { d in
            let code = d["code"] as? String ?? ""
            let position = "\(d["file"] ?? "-"):\(d["line"] ?? 0):\(d["column"] ?? 0)"
            let notes = (d["notes"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            return Finding(code: code, message: d["message"] as? String ?? "", notes: notes,
                           key: "\(d["severity"] ?? "") \(code) \(position)")
        }
    }
}
