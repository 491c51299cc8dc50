import Foundation
import XCTest
@testable import ConfigModel

/// When `promtool` is on PATH, runs it on every fixture and checks that its verdict (exit code 0 or 1)
/// matches labctl's, except for the fixtures ``FixtureTable`` marks with a reason.
final class PrometheusPromtoolAgreementTests: XCTestCase {
    static func promtool() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for dir in paths {
            let candidate = "\(dir)/promtool"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testVerdictsAgreeWithPromtool() throws {
        guard let promtool = Self.promtool() else { throw XCTSkip("promtool is not installed") }
        var agreed = 0, differing = 0
        for entry in FixtureTable.entries {
            let path = PrometheusFixtureTests.path(entry)
            let theirs = try Self.run(promtool, ["check", entry.command, path])
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
        guard let promtool = Self.promtool() else { throw XCTSkip("promtool is not installed") }
        let entry = FixtureTable.Entry("rules/duplicate-rules.good.yml", [])
        let path = PrometheusFixtureTests.path(entry)
        XCTAssertEqual(try Self.run(promtool, ["check", "rules", path]), 0)
        XCTAssertEqual(try Self.run(promtool, ["check", "rules", "--lint-fatal", path]), 3)
        XCTAssertTrue(PrometheusFixtureTests.findings(entry).contains { $0.code == DuplicateRuleLint.code })
    }
}
