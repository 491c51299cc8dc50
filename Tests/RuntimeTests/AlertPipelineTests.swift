import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// The joints of the pipeline: RuleAlert → Alert conversion, external labels, alert relabelling,
/// settings from prometheus.yml, the shared clock and the order of events at one instant.
final class AlertPipelineTests: XCTestCase {
    typealias S = AlertPipelineTestSupport

    private func rules(_ yaml: String) throws -> RuleFile {
        let loaded = RuleFile.parse(yaml, file: "rules.yml")
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return try XCTUnwrap(loaded.value)
    }

    private func prometheus(_ yaml: String) throws -> PrometheusConfig {
        let loaded = PrometheusConfig.parse(yaml, file: "prometheus.yml")
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return try XCTUnwrap(loaded.value)
    }

    private static let immediateAlertmanager = """
    route: {receiver: r, group_by: [alertname], group_wait: 0s, group_interval: 1m, repeat_interval: 1h}
    receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/"}]}]
    """

    private static let upRule = """
    groups:
      - name: g
        interval: 30s
        rules:
          - alert: Down
            expr: up == 0
            labels: {severity: critical, cluster: from-rule}
            annotations: {summary: "{{ $labels.instance }} down", empty: ""}
    """

    // MARK: - Conversion

    func testFiringPendingAndResolvedAlertsConvertLikePrometheus() {
        var r = RuleAlert(ruleName: "Down", labels: ["alertname": "Down", "instance": "a"],
                          annotations: [Label("summary", "a down")], state: .firing, value: 0, activeAt: 60_000,
                          generatorURL: "http://p/graph?g0.expr=up")
        r.firedAt = 120_000
        r.lastSentAt = 120_000
        r.validUntil = 360_000
        let firing = AlertSender.alert(from: r)
        XCTAssertEqual(firing.startsAt, Date(timeIntervalSince1970: 120), "startsAt is when it fired")
        XCTAssertEqual(firing.endsAt, Date(timeIntervalSince1970: 360), "endsAt is validUntil while firing")
        XCTAssertEqual(firing.annotations, ["summary": "a down"])
        XCTAssertEqual(firing.generatorURL, "http://p/graph?g0.expr=up")
        XCTAssertEqual(firing.labels, r.labels)
        r.state = .inactive
        r.resolvedAt = 180_000
        XCTAssertEqual(AlertSender.alert(from: r).endsAt, Date(timeIntervalSince1970: 180), "endsAt is the resolution")
        XCTAssertEqual(AlertSender.alert(from: r).startsAt, Date(timeIntervalSince1970: 120))
    }

    func testExternalLabelsAreAddedButTheAlertsOwnWin() {
        let sender = AlertSender(externalLabels: ["cluster": "lab", "env": "dev"]) { _ in }
        let r = RuleAlert(ruleName: "Down", labels: ["alertname": "Down", "cluster": "mine"], annotations: [],
                          state: .firing, value: 0, activeAt: 0)
        XCTAssertEqual(sender.prepare(r)?.labels, ["alertname": "Down", "cluster": "mine", "env": "dev"])
    }

    func testAlertRelabellingDropsAndRewritesThenTheEndpointStepsRun() throws {
        let global = try Relabeler([
            RelabelConfig(sourceLabels: ["severity"], regex: "info", action: .drop),
            RelabelConfig(sourceLabels: ["instance"], regex: "([^:]+):.*", targetLabel: "host"),
        ])
        let endpoint = try Relabeler([RelabelConfig(regex: "env|instance", action: .labeldrop)])
        final class Box: @unchecked Sendable { var alerts: [Alert] = [] }
        let box = Box()
        let sender = AlertSender(externalLabels: ["env": "dev"], relabeler: global, endpointRelabeler: endpoint) {
            box.alerts += $0
        }
        func alert(_ severity: String) -> RuleAlert {
            var r = RuleAlert(ruleName: "A", labels: ["alertname": "A", "instance": "api:8000", "severity": severity],
                              annotations: [], state: .firing, value: 1, activeAt: 0)
            r.lastSentAt = 30_000
            return r
        }
        sender.send([alert("info"), alert("critical")])
        XCTAssertEqual(box.alerts.map(\.labels), [["alertname": "A", "host": "api", "severity": "critical"]],
                       "env was added before the endpoint's labeldrop removed it")
        XCTAssertEqual(sender.droppedAlerts, 1)
        XCTAssertEqual(sender.deliveries.map(\.time), [30_000])
        sender.send([alert("info")])
        XCTAssertEqual(sender.deliveries.count, 1, "nothing left to deliver")
    }

    // MARK: - Settings

    func testSettingsComeFromPrometheusYML() throws {
        let options = AlertPipelineOptions(prometheus: try S.prometheus(), ruleFiles: [],
                                           alertmanager: try S.alertmanager("alertmanager.yml"))
        XCTAssertEqual(options.externalLabels, ["cluster": "lab-bigdata", "environment": "dev"])
        XCTAssertEqual(options.evaluationInterval, 15_000)
        let config = try prometheus("""
        global: {rule_query_offset: 10s}
        alerting:
          alert_relabel_configs: [{source_labels: [severity], regex: info, action: drop}]
          alertmanagers:
            - static_configs: [{targets: ['am:9093']}]
              alert_relabel_configs: [{regex: env, action: labeldrop}]
        """)
        let custom = AlertPipelineOptions(prometheus: config, ruleFiles: [], alertmanager: try S.alertmanager("alertmanager.yml"))
        XCTAssertEqual(custom.ruleQueryOffset, 10_000)
        XCTAssertEqual(custom.alertRelabelConfigs.map(\.action), [.drop])
        XCTAssertEqual(custom.endpointAlertRelabelConfigs.map(\.action), [.labeldrop])
    }

    func testRelabelDroppingEveryAlertMeansNoNotification() throws {
        var options = AlertPipelineOptions(ruleFiles: [try rules(Self.upRule)],
                                           alertmanager: try AlertingTestSupport.config(Self.immediateAlertmanager))
        options.alertRelabelConfigs = [RelabelConfig(sourceLabels: ["severity"], regex: "critical", action: .drop)]
        let memory = MemoryNotifier()
        let p = try AlertPipeline(options: options, notifier: memory)
        p.addSource(SampleSource(name: "up", interval: 15_000) { _ in [(["__name__": "up", "instance": "a"], 0)] })
        p.advance(to: 120_000)
        XCTAssertEqual(p.alert("Down")?.state, .firing, "the rule fires")
        XCTAssertTrue(memory.notifications.isEmpty, "but relabelling dropped it before Alertmanager")
        XCTAssertEqual(p.sender.droppedAlerts, 2, "sent at 30s and re-sent at 120s (1m resend delay), both dropped")
        XCTAssertTrue(p.dispatcher.alerts.isEmpty)
    }

    func testABadRelabelRegexIsAnError() throws {
        var options = AlertPipelineOptions(ruleFiles: [],
                                           alertmanager: try AlertingTestSupport.config(Self.immediateAlertmanager))
        options.endpointAlertRelabelConfigs = [RelabelConfig(regex: "(", action: .keep)]
        XCTAssertThrowsError(try AlertPipeline(options: options, notifier: MemoryNotifier())) { error in
            XCTAssertTrue(error is RelabelError, "\(error)")
        }
    }

    // MARK: - Time

    func testOneClockAndEventsAtOneInstantRunSourcesRulesThenFlushes() throws {
        let options = AlertPipelineOptions(ruleFiles: [try rules(Self.upRule)],
                                           alertmanager: try AlertingTestSupport.config(Self.immediateAlertmanager),
                                           start: 1_000_000_020_000)
        let memory = MemoryNotifier()
        let p = try AlertPipeline(options: options, notifier: memory)
        p.addSource(SampleSource(name: "up", interval: 30_000) { t in
            [(["__name__": "up", "instance": "a:1"], t >= 1_000_000_050_000 ? 0 : 1)]
        })
        XCTAssertEqual(p.nextEventTime, 1_000_000_020_000, "the source's first instant is the start")
        p.advance(to: 1_000_000_045_000)
        XCTAssertEqual(p.rules.options.clock.milliseconds, 1_000_000_045_000)
        XCTAssertEqual(p.dispatcher.clock.now, Date(timeIntervalSince1970: 1_000_000_045))
        XCTAssertNil(p.alert("Down"))
        XCTAssertEqual(p.nextEventTime, 1_000_000_050_000, "the source and the group's first slot")
        p.advance(by: 5_000)
        // At 50s: the sample (0) is appended, the rule fires (no `for`), the alert is received and the
        // group (group_wait 0s) flushes — all at the same instant.
        let n = try XCTUnwrap(memory.notifications.first)
        XCTAssertEqual(n.time, Date(timeIntervalSince1970: 1_000_000_050))
        XCTAssertEqual(n.alerts.first?.labels, ["alertname": "Down", "instance": "a:1", "severity": "critical",
                                                "cluster": "from-rule"])
        XCTAssertEqual(n.alerts.first?.annotations, Labels(sortedUnique: [Label("empty", ""), Label("summary", "a:1 down")]),
                       "empty annotations are sent, as Prometheus does")
        XCTAssertTrue(WebhookPayload.body(n).contains("\"annotations\":{\"empty\":\"\",\"summary\":\"a:1 down\"}"),
                      WebhookPayload.body(n))
        XCTAssertEqual(p.now, 1_000_000_050_000)
        XCTAssertEqual(p.rejectedSamples, 0)
    }

    func testAdvanceStopsAfterTheStepLimit() throws {
        var options = AlertPipelineOptions(ruleFiles: [], alertmanager: try AlertingTestSupport.config(Self.immediateAlertmanager))
        options.maxStepsPerAdvance = 3
        let p = try AlertPipeline(options: options, notifier: MemoryNotifier())
        p.addSource(SampleSource(name: "fast", interval: 1) { _ in [] })
        XCTAssertEqual(p.advance(to: 1_000_000), 3)
        XCTAssertEqual(p.now, 1_000_000, "the clock still reaches the target")
    }

    func testSampleSourceInstants() {
        let s = SampleSource(name: "x", interval: 15_000, offset: 5_000) { _ in [] }
        XCTAssertEqual(s.firstInstant(atOrAfter: 0), 5_000)
        XCTAssertEqual(s.firstInstant(atOrAfter: 5_000), 5_000)
        XCTAssertEqual(s.firstInstant(atOrAfter: 5_001), 20_000)
        XCTAssertEqual(s.firstInstant(atOrAfter: -12_000), -10_000)
        let zero = SampleSource(name: "y", interval: 0) { _ in [] }
        XCTAssertEqual(zero.interval, 1, "an interval is at least 1ms")
    }
}
