import Foundation
import XCTest
@testable import ConfigModel
import LabctlTestSupport

/// When `promtool` is on PATH, runs it on every fixture and checks that its verdict (exit code 0 or 1)
/// matches labctl's, except for the fixtures ``FixtureTable`` marks with a reason.
final class PrometheusPromtoolAgreementTests: XCTestCase {
    /// The exit status of `executable` (bounded to 120 s).
    static func status(_ executable: String, _ arguments: [String]) throws -> Int32 {
        try ChildProcess.run(executable, arguments: arguments, timeout: 120).status
    }

    func testVerdictsAgreeWithPromtool() throws {
        let promtool = try ToolLocator.require("promtool")
        var agreed = 0, differing = 0
        for entry in FixtureTable.entries {
            let path = PrometheusFixtureTests.path(entry)
            let theirs = try Self.status(promtool, ["check", entry.command, path])
            let ours: Int32 = PrometheusFixtureTests.findings(entry, lint: false).contains { $0.severity == .error } ? 1 : 0
            if let reason = entry.promtool242 {
                XCTAssertNotEqual(theirs, ours, "\(entry.key) is marked as differing (\(reason)) but agrees")
                differing += 1
            } else {
                XCTAssertEqual(theirs, ours, "\(entry.key): promtool exit \(theirs), labctl \(ours)")
                agreed += 1
            }
        }
        XCTAssertGreaterThanOrEqual(agreed, 55)
        print("promtool agreement: \(agreed) agree, \(differing) documented differences")
    }

    func testDuplicateRulesLintExitCodesMatchPromtool() throws {
        let promtool = try ToolLocator.require("promtool")
        let entry = FixtureTable.Entry("rules/duplicate-rules.good.yml", [])
        let path = PrometheusFixtureTests.path(entry)
        XCTAssertEqual(try Self.status(promtool, ["check", "rules", path]), 0)
        XCTAssertEqual(try Self.status(promtool, ["check", "rules", "--lint-fatal", path]), 3)
        XCTAssertTrue(PrometheusFixtureTests.findings(entry).contains { $0.code == DuplicateRuleLint.code })
    }
}
