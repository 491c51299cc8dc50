import ConfigModel
import PromModel
import XCTest

final class AlertmanagerConfigTests: XCTestCase {
    let seed: String = {
        ConfigFixtures.text(ConfigFixtures.directory("alertmanager").appendingPathComponent("seed-lab7.good.yml"))
    }()

    func testDefaultsAndGlobalFallbacksAreApplied() throws {
        let (config, diagnostics) = AlertmanagerConfig.load(text: seed, file: "am.yml").parts
        XCTAssertEqual(diagnostics, [])
        let c = try XCTUnwrap(config)
        XCTAssertEqual(c.global.resolveTimeout, .seconds(300))
        let email = try XCTUnwrap(c.receiver(named: "email-critical")?.integrations.first)
        XCTAssertEqual(email.kind, .email)
        XCTAssertEqual(email["smarthost"], "smtp.gmail.com:587")
        XCTAssertEqual(email["from"], "alertmanager@example.com")
        XCTAssertFalse(email.sendResolved)
        let resolved = try XCTUnwrap(c.route?.resolved())
        XCTAssertEqual(resolved.routes.first?.groupWait, .seconds(10))
        XCTAssertEqual(resolved.routes.first?.repeatInterval, .seconds(12 * 3600))
        XCTAssertEqual(resolved.routes.first?.groupBy, ["alertname", "cluster", "service"])
        XCTAssertTrue(resolved.routes.first?.matchers.matches(["severity": "critical"]) ?? false)
        XCTAssertEqual(c.inhibitRules.first?.equal, ["alertname", "instance"])
    }

    func testGenerationReparsesToTheSameConfig() throws {
        let c = try XCTUnwrap(AlertmanagerConfig.load(text: seed, file: "am.yml").value)
        let text = c.yamlText()
        let (again, diagnostics) = AlertmanagerConfig.load(text: text, file: "gen.yml").parts
        XCTAssertEqual(diagnostics, [], text)
        XCTAssertEqual(again?.receivers.map(\.name), c.receivers.map(\.name))
        XCTAssertEqual(again?.route?.routes.count, 2)
        XCTAssertEqual(again?.route?.groupInterval, .seconds(10))
        XCTAssertEqual(again?.global.smtpSmarthost, "smtp.gmail.com:587")
    }

    func testEveryErrorOfAFileIsReported() {
        let text = """
        route:
          receiver: a
          routes:
            - receiver: b
            - receiver: c
        receivers:
          - name: a
        """
        let d = AlertmanagerConfig.check(text: text, file: "x.yml", lint: false)
        XCTAssertEqual(d.map { "\($0.code)@\($0.location?.line ?? 0)" },
                       ["am-config/unknown-receiver@4", "am-config/unknown-receiver@5"])
    }

    func testDaysOfMonthAreStoredAsWritten() throws {
        let text = """
        route: {receiver: r}
        receivers: [{name: r}]
        time_intervals:
          - name: t
            time_intervals:
              - days_of_month: ['1:-1', '-3:-1', '7', '2:5']
        """
        let (config, diagnostics) = AlertmanagerConfig.load(text: text, file: "am.yml").parts
        XCTAssertEqual(diagnostics, [])
        let days = try XCTUnwrap(config?.timeIntervals.first?.periods.first?.daysOfMonth)
        XCTAssertEqual(days, [.init(begin: 1, end: -1), .init(begin: -3, end: -1), .init(begin: 7, end: 7),
                              .init(begin: 2, end: 5)])
        XCTAssertEqual(days.map(\.description), ["1:-1", "-3:-1", "7", "2:5"])
    }

    func testDaysOfMonthOutOfOrderAreRejected() {
        let text = """
        route: {receiver: r}
        receivers: [{name: r}]
        time_intervals:
          - name: t
            time_intervals:
              - days_of_month: ['-1:1', '5:2']
        """
        let d = AlertmanagerConfig.check(text: text, file: "am.yml", lint: false)
        XCTAssertEqual(d.map { "\($0.code)@\($0.location?.line ?? 0)" },
                       ["am-config/invalid-time-interval@6", "am-config/invalid-time-interval@6"])
    }
}
