import Foundation
import XCTest
@testable import Runtime
import LabctlTestSupport

/// Runs the rule unit-test fixtures (Fixtures/ruletests) with labctl's runner: every `*_pass.yml`
/// passes, every `*_fail.yml` fails, the seed scenarios pass. When `promtool` is on PATH, its verdict
/// (exit code) on every fixture must be the same.
///
/// Known Prometheus 2.42 vs 3.x differences the fixtures avoid (labctl follows 3.x):
/// - a test group without `interval` loads its series at 0s steps in 2.42 (all at t=0); 3.x and labctl
///   use `evaluation_interval`;
/// - range selectors are closed `[t-r, t]` in 2.x and left-open `(t-r, t]` in 3.x, so `rate(x[1m])`
///   over 1m samples has no result in 3.x;
/// - `fuzzy_compare`, `start_timestamp` and `--run`/`--junit` do not exist in 2.42 (unknown fields fail).
final class RuleTestFixtureTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ruletests")

    static func testFiles(in folder: String) throws -> [String] {
        let dir = fixtures.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.first?.isNumber == true && $0.hasSuffix(".yml") }
            .sorted()
            .map { dir.appendingPathComponent($0).path }
    }

    func testAgreementFixturesHaveTheExpectedVerdicts() throws {
        let files = try Self.testFiles(in: "agreement")
        XCTAssertGreaterThanOrEqual(files.count, 20)
        var passing = 0, failing = 0
        for path in files {
            let result = RuleTestRunner().run(path: path)
            let name = (path as NSString).lastPathComponent
            if name.contains("_pass") {
                passing += 1
                XCTAssertTrue(result.passed, "\(name): \(result.failures.joined(separator: "\n"))")
            } else {
                failing += 1
                XCTAssertFalse(result.passed, "\(name) should fail")
                XCTAssertFalse(result.failures.isEmpty, name)
            }
        }
        XCTAssertGreaterThanOrEqual(passing, 8)
        XCTAssertGreaterThanOrEqual(failing, 8)
    }

    func testSeedScenariosPass() throws {
        let path = Self.fixtures.appendingPathComponent("seed/seed_alerts_test.yml").path
        let result = RuleTestRunner().run(path: path)
        XCTAssertTrue(result.passed, result.failures.joined(separator: "\n"))
        XCTAssertEqual(result.groups.count, 4)
        XCTAssertGreaterThanOrEqual(result.groups.map(\.checks).reduce(0, +), 15)
    }

    func testFailureMessagesLookLikePromtool() throws {
        let early = RuleTestRunner().run(path: Self.fixtures.appendingPathComponent("agreement/03_alert_too_early_fail.yml").path)
        let text = try XCTUnwrap(early.failures.first)
        XCTAssertEqual(text, """
                name: expects firing while still pending,
                alertname: InstanceDown, time: 3m, 
                    exp:[
                        0:
                          Labels:{alertname="InstanceDown", instance="n1", job="node", severity="page", team="node-team"}
                          Annotations:{summary="n1 of node is down", value="0"}
                        ], 
                    got:[]
            """)
        let order = RuleTestRunner().run(path: Self.fixtures.appendingPathComponent("agreement/07_group_order_fail.yml").path)
        XCTAssertEqual(order.failures, ["""
                expr: "consumed", time: 3m,
                    exp: {__name__="consumed"} 4.1E+01
                    got: {__name__="consumed"} 3.1E+01
            """])
        let eval = RuleTestRunner().run(path: Self.fixtures.appendingPathComponent("agreement/14_rule_eval_error_fail.yml").path)
        XCTAssertEqual(eval.failures, [
            "    rule: merged, time: 0s, err: vector contains metrics with the same labelset after applying rule labels",
        ])
    }

    func testRunFilterSkipsGroupsByName() throws {
        var options = RuleTestRunner.Options()
        options.runFilter = try PromQLTestMessageMatch.regex("ServiceDown|Latency")
        let result = RuleTestRunner(options: options)
            .run(path: Self.fixtures.appendingPathComponent("seed/seed_alerts_test.yml").path)
        XCTAssertEqual(result.groups.filter(\.skipped).map(\.name),
                       ["HighErrorRate fires after 2m at 20% errors", "healthy service raises nothing"])
        XCTAssertEqual(result.groups.filter { !$0.skipped }.count, 2)
        XCTAssertTrue(result.passed)
    }

    // MARK: - promtool

    /// The exit status of `executable` (bounded to 120 s).
    static func exitCode(_ executable: String, _ arguments: [String]) throws -> Int32 {
        try ChildProcess.run(executable, arguments: arguments, timeout: 120).status
    }

    func testVerdictsAgreeWithPromtool() throws {
        let promtool = try ToolLocator.require("promtool")
        let files = try Self.testFiles(in: "agreement") + [Self.fixtures.appendingPathComponent("seed/seed_alerts_test.yml").path]
        var agreed = 0
        for path in files {
            let theirs = try Self.exitCode(promtool, ["test", "rules", path])
            let ours: Int32 = RuleTestRunner().run(path: path).passed ? 0 : 1
            XCTAssertEqual(theirs, ours, "\((path as NSString).lastPathComponent): promtool exit \(theirs), labctl \(ours)")
            if theirs == ours { agreed += 1 }
        }
        print("promtool test rules agreement: \(agreed) of \(files.count) files")
    }
}
