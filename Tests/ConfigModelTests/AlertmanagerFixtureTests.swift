import ConfigModel
import Diagnostics
import Foundation
import XCTest
import LabctlTestSupport

/// Every alertmanager fixture with the diagnostics labctl must report (code@line:col), and agreement with
/// Debian's `amtool check-config` when it is installed.
final class AlertmanagerFixtureTests: XCTestCase {
    static let expected: [String: [String]] = [
        "bad-duration.bad.yml": ["yaml/invalid-value@3:15"],
        "bad-matcher.bad.yml": ["am-config/invalid-matcher@5:18"],
        "bad-regex.bad.yml": ["am-config/invalid-regex@6:18", "am-lint/deprecated-match@5:7"],
        "bad-time-interval.bad.yml": ["am-config/invalid-time-interval@9:13", "am-config/invalid-time-interval@11:20"],
        "duplicate-group-by.bad.yml": ["am-config/group-by-duplicate@3:34"],
        "duplicate-receiver.bad.yml": ["am-config/duplicate-receiver@5:5"],
        "email-no-from.bad.yml": ["am-config/missing-setting@8:9"],
        "email-no-smarthost.bad.yml": ["am-config/missing-setting@6:9"],
        "lints.good.yml": ["am-lint/group-by-without-alertname@4:13",
                           "am-lint/repeat-interval-below-group-interval@6:20", "am-lint/unused-receiver@9:5"],
        "matchers-set.good.yml": ["am-lint/deprecated-match@9:7"],
        "minimal.good.yml": [],
        "missing-receiver-name.bad.yml": ["am-config/receiver-name-missing@5:5"],
        "msteams.good.yml": [],
        "no-route.bad.yml": ["am-config/no-route@1:1", "am-lint/unused-receiver@2:5"],
        "receivers.good.yml": [],
        "root-matchers.bad.yml": ["am-config/root-matchers@3:3", "am-lint/deprecated-match@3:3"],
        "root-no-receiver.bad.yml": ["am-config/root-receiver-missing@2:3", "am-lint/unused-receiver@4:5"],
        // The seed writes match: and source_match:/target_match: (deprecated since Alertmanager 0.22).
        "seed-lab7.good.yml": ["am-lint/deprecated-match@16:7", "am-lint/deprecated-match@21:7", "am-lint/deprecated-match@43:5",
                               "am-lint/deprecated-match@45:5"],
        "slack-no-url.bad.yml": ["am-config/missing-setting@6:9"],
        "time-intervals.good.yml": [],
        "undefined-receiver.bad.yml": ["am-config/unknown-receiver@6:17", "am-lint/deprecated-match@4:7"],
        "undefined-time-interval.bad.yml": ["am-config/unknown-time-interval@5:29"],
        "unknown-key.bad.yml": ["yaml/unknown-key@2:3", "am-config/root-receiver-missing@2:3",
                                "am-lint/unused-receiver@4:5"],
        "unquoted-matcher-quote.bad.yml": ["am-config/invalid-matcher@5:18"],
        "utf8-matchers.good.yml": [],
        "webhook-no-url.bad.yml": ["am-config/missing-setting@6:9"],
        "webhook.good.yml": [],
        "wildcard-group-by.bad.yml": ["am-config/group-by-wildcard-mixed@3:13"],
        "yaml-syntax.bad.yml": ["yaml/syntax@3:12"],
    ]

    func testFixturesReportExpectedDiagnostics() {
        ConfigFixtures.verify("alertmanager", extensions: [".yml"], expected: Self.expected) { text, url in
            AlertmanagerConfig.check(text: text, file: url.lastPathComponent)
        }
    }

    func testFixtureCountAndMessages() throws {
        XCTAssertGreaterThanOrEqual(ConfigFixtures.files("alertmanager", extensions: [".yml"]).count, 25)
        let url = ConfigFixtures.directory("alertmanager").appendingPathComponent("undefined-receiver.bad.yml")
        let d = AlertmanagerConfig.check(text: ConfigFixtures.text(url), file: "am.yml")
        XCTAssertEqual(d.first?.message, "undefined receiver \"pager\" used in route")
        XCTAssertEqual(d.first?.location?.description, "am.yml:6:17")
    }

    // MARK: - amtool agreement

    /// The verdict Debian's amtool is expected to give when a fixture says so on its first line
    /// (`# debian-amtool: FAIL (reason)`), else the verdict the file name implies.
    static func expectedAmtoolVerdict(_ url: URL) -> (ok: Bool, reason: String?) {
        let first = ConfigFixtures.text(url).split(separator: "\n").first.map(String.init) ?? ""
        if first.hasPrefix("# debian-amtool: FAIL") { return (false, first) }
        if first.hasPrefix("# debian-amtool: OK") { return (true, first) }
        return (url.lastPathComponent.contains(".good."), nil)
    }

    func testVerdictsAgreeWithAmtool() throws {
        let amtool = try ToolLocator.require("amtool")
        var agreed = 0, documented = 0
        for url in ConfigFixtures.files("alertmanager", extensions: [".yml"]) {
            let amtoolOK = try ChildProcess.run(amtool, arguments: ["check-config", url.path], timeout: 120).status == 0
            let labctlOK = !AlertmanagerConfig.check(text: ConfigFixtures.text(url), file: url.path, lint: false)
                .contains { $0.severity == .error }
            let expectation = Self.expectedAmtoolVerdict(url)
            XCTAssertEqual(amtoolOK, expectation.ok, "amtool verdict on \(url.lastPathComponent)")
            if expectation.reason == nil {
                XCTAssertEqual(labctlOK, amtoolOK, "labctl and amtool disagree on \(url.lastPathComponent)")
                agreed += labctlOK == amtoolOK ? 1 : 0
            } else {
                documented += 1
            }
        }
        XCTAssertGreaterThanOrEqual(agreed, 25)
        print("amtool agreement: \(agreed) fixtures agree, \(documented) differ for documented version reasons")
    }
}
