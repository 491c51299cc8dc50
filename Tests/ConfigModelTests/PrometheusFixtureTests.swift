import Diagnostics
import Foundation
import XCTest
@testable import ConfigModel

/// Runs every fixture of ``FixtureTable`` and compares the findings with the table.
final class PrometheusFixtureTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ entry: FixtureTable.Entry) -> String {
        fixtures.appendingPathComponent(entry.directory).appendingPathComponent(entry.name).path
    }

    /// labctl's findings for a fixture, as `code@line:col` in report order.
    static func findings(_ entry: FixtureTable.Entry, lint: Bool = true) -> [Diagnostic] {
        let path = path(entry)
        let outcome = entry.command == "config" ? PrometheusConfigCheck(lint: lint).run(path: path)
            : RuleFileCheck(lint: lint).run(path: path)
        return DiagnosticReport(files: outcome.files, diagnostics: outcome.diagnostics).diagnostics
    }

    static func describe(_ d: Diagnostic, mainFile: String) -> String {
        guard let loc = d.location else { return d.code }
        let file = (loc.file as NSString).lastPathComponent
        let prefix = loc.file == mainFile ? "" : "\(file):"
        return "\(prefix)\(d.code)@\(loc.line):\(loc.column)"
    }

    func testEveryFixtureFileIsInTheTable() throws {
        var names = Set<String>()
        for (dir, command) in [("prometheus", "config"), ("rules", "rules")] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent(dir).path)
            for f in files where f.hasSuffix(".yml") { names.insert("\(command)/\(f)") }
        }
        XCTAssertEqual(names, Set(FixtureTable.entries.map(\.key)))
        XCTAssertGreaterThanOrEqual(names.count, 60)
    }

    func testFixturesProduceTheExpectedFindings() {
        for entry in FixtureTable.entries {
            let found = Self.findings(entry).map { Self.describe($0, mainFile: Self.path(entry)) }
            XCTAssertEqual(found, entry.expected, entry.key)
        }
    }

    func testGoodFixturesHaveNoErrorsAndBadOnesDo() {
        for entry in FixtureTable.entries {
            let errors = Self.findings(entry, lint: false).filter { $0.severity == .error }
            if entry.isGood {
                XCTAssertEqual(errors, [], entry.key)
            } else {
                XCTAssertFalse(errors.isEmpty, entry.key)
            }
        }
    }

    func testLintNoneLeavesOnlyErrorsAndDataWarnings() {
        for entry in FixtureTable.entries {
            let warnings = Self.findings(entry, lint: false).filter { $0.severity == .warning }
            XCTAssertTrue(warnings.allSatisfy { $0.code == ConfigCode.fileSDMissing }, entry.key)
        }
    }
}
