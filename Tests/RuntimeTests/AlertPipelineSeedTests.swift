import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// The course's Lab 7 end to end: prometheus.yml (external labels), alert_rules.yml,
/// recording_rules.yml and alertmanager.yml run over simulated data by one ``AlertPipeline``.
/// Groups evaluate every 30s from 30s after the start; data arrives every 15s; the Alertmanager
/// waits `group_wait: 10s` before the first notification of a group.
final class AlertPipelineSeedTests: XCTestCase {
    typealias S = AlertPipelineTestSupport

    // MARK: - ServiceDown

    func testServiceDownGoesPendingFiresAfterOneMinuteAndPagesOncall() throws {
        let memory = MemoryNotifier()
        let p = try S.pipeline(notifier: memory)
        p.addSource(S.fastapiUp { $0 > 120 })
        p.advance(to: S.at(120))
        XCTAssertNil(p.alert("ServiceDown"))
        p.advance(to: S.at(150))
        XCTAssertEqual(p.alert("ServiceDown")?.state, .pending)
        XCTAssertEqual(p.alert("ServiceDown")?.activeAt, S.at(150))
        p.advance(to: S.at(209))
        XCTAssertEqual(p.alert("ServiceDown")?.state, .pending, "59s pending: not yet")
        XCTAssertTrue(p.sender.deliveries.isEmpty, "pending alerts are not sent")

        p.advance(to: S.at(210))
        XCTAssertEqual(p.alert("ServiceDown")?.state, .firing)
        let delivery = try XCTUnwrap(p.sender.deliveries.first)
        XCTAssertEqual(delivery.time, S.at(210))
        let sent = try XCTUnwrap(delivery.alerts.first)
        XCTAssertEqual(sent.labels, ["alertname": "ServiceDown", "job": "fastapi", "instance": "api:8000",
                                     "severity": "critical", "cluster": "lab-bigdata", "environment": "dev"],
                       "external labels are added")
        XCTAssertEqual(S.seconds(sent.startsAt), 210)
        XCTAssertEqual(sent.endsAt.map(S.seconds), 450, "validUntil: 4 × max(30s interval, 1m resend delay)")
        XCTAssertTrue(sent.generatorURL.hasPrefix("http://localhost:9090/graph?g0.expr=up%7Bjob%3D%22fastapi%22%7D"),
                      sent.generatorURL)
        XCTAssertTrue(memory.notifications.isEmpty, "group_wait has not elapsed")

        p.advance(to: S.at(219))
        XCTAssertTrue(memory.notifications.isEmpty)
        p.advance(to: S.at(220))
        let n = try XCTUnwrap(memory.notifications.first)
        XCTAssertEqual(n.receiver, "email-critical", "severity=critical; continue: true finds no other route")
        XCTAssertEqual(S.seconds(n.time), 220, "group_wait: 10s after the alert arrived")
        XCTAssertEqual(n.groupLabels, ["alertname": "ServiceDown", "cluster": "lab-bigdata"])
        XCTAssertEqual(n.alerts.first?.annotations["summary"], "Servicio fastapi caído")

        p.advance(to: S.at(600))
        XCTAssertEqual(memory.notifications.count, 1, "nothing new until repeat_interval (12h)")
        XCTAssertEqual(p.sender.deliveries.map { S.seconds($0.time) }, [210, 300, 390, 480, 570],
                       "Prometheus re-sends after the 1m resend delay, at the next evaluation")
        XCTAssertEqual(p.evaluationFailures.map(\.message), [])
    }

    // MARK: - HighErrorRate

    func testHighErrorRateFiresAfterTwoMinutesAndNotBefore() throws {
        let memory = MemoryNotifier()
        let p = try S.pipeline(notifier: memory)
        p.addSource(S.fastapiRequests(errorPercent: 20))
        p.advance(to: S.at(30))
        XCTAssertEqual(p.alert("HighErrorRate")?.state, .pending)
        for t in stride(from: Int64(60), through: 149, by: 1) {
            p.advance(to: S.at(t))
            XCTAssertEqual(p.alert("HighErrorRate")?.state, .pending, "not firing at \(t)s")
        }
        XCTAssertTrue(p.sender.deliveries.isEmpty)
        p.advance(to: S.at(150))
        XCTAssertEqual(p.alert("HighErrorRate")?.state, .firing, "2m after it became pending")
        p.advance(to: S.at(159))
        XCTAssertTrue(memory.notifications.isEmpty)
        p.advance(to: S.at(160))
        XCTAssertEqual(memory.notifications.map(\.receiver), ["email-warnings"])
        XCTAssertEqual(memory.notifications.map { S.seconds($0.time) }, [160])
        let alert = try XCTUnwrap(memory.notifications.first?.alerts.first)
        XCTAssertEqual(alert.annotations["description"], "Tasa de error es 20% (>5%)", "humanizePercentage")
        XCTAssertEqual(alert.labels, ["alertname": "HighErrorRate", "severity": "warning", "cluster": "lab-bigdata",
                                      "environment": "dev"])
        XCTAssertNil(p.alert("ServiceDown"))
    }

    func testFivePercentErrorsDoNotAlert() throws {
        let memory = MemoryNotifier()
        let p = try S.pipeline(notifier: memory)
        p.addSource(S.fastapiRequests(errorPercent: 4))
        p.advance(to: S.at(900))
        XCTAssertNil(p.alert("HighErrorRate"))
        XCTAssertTrue(memory.notifications.isEmpty)
        let ratio = try RuleFixtures.samples(p.storage, ["__name__": "job:http_error_rate:ratio"])
        XCTAssertEqual(try XCTUnwrap(ratio.last).v, 0.04, accuracy: 1e-9, "the recording rule ran")
    }

    // MARK: - HighLatency

    func testHighLatencyFiresAfterFiveMinutes() throws {
        let memory = MemoryNotifier()
        let p = try S.pipeline(notifier: memory)
        p.addSource(S.fastapiSlowRequests())
        p.advance(to: S.at(30))
        XCTAssertEqual(p.alert("HighLatency")?.state, .pending)
        p.advance(to: S.at(329))
        XCTAssertEqual(p.alert("HighLatency")?.state, .pending, "4m59s pending: not yet")
        p.advance(to: S.at(330))
        let alert = try XCTUnwrap(p.alert("HighLatency"))
        XCTAssertEqual(alert.state, .firing)
        XCTAssertEqual(alert.value, 2.425, accuracy: 1e-9)
        p.advance(to: S.at(340))
        XCTAssertEqual(memory.notifications.map(\.receiver), ["email-warnings"])
        XCTAssertEqual(memory.notifications.map { S.seconds($0.time) }, [340])
        XCTAssertEqual(memory.notifications.first?.alerts.first?.annotations["description"], "Latencia p95 es 2.425s (>1s)")
    }

    // MARK: - Several alerts

    func testEachAlertReachesTheReceiverItsSeverityChooses() throws {
        let memory = MemoryNotifier()
        let p = try S.pipeline(notifier: memory)
        p.addSource(S.fastapiUp { $0 > 120 })
        p.addSource(S.fastapiRequests(errorPercent: 20))
        p.addSource(S.fastapiSlowRequests())
        p.advance(to: S.at(400))
        let sent = memory.notifications.map { "\(S.seconds($0.time)) \($0.receiver) \($0.groupLabels["alertname"] ?? "")" }
        XCTAssertEqual(sent, ["160.0 email-warnings HighErrorRate", "220.0 email-critical ServiceDown",
                              "340.0 email-warnings HighLatency"])
    }

    // MARK: - Recovery

    func testRecoverySendsTheResolutionWithEndsAt() throws {
        let outbox = S.temporaryDirectory(self)
        let notifier = OutboxNotifier(outbox: outbox, renderer: try TemplateNotificationRenderer(), deliverWebhooks: false)
        let p = try S.pipeline(alertmanager: "alertmanager-webhook.yml", notifier: notifier)
        p.addSource(S.fastapiUp { (60...240).contains($0) })
        p.advance(to: S.at(400))
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        XCTAssertEqual(files, ["0001-oncall-webhook.json", "0002-oncall-webhook.json"])
        var payloads: [[String: Any]] = []
        for file in files {
            let data = try Data(contentsOf: outbox.appendingPathComponent(file))
            payloads.append(try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
        }
        XCTAssertEqual(payloads.map { $0["status"] as? String }, ["firing", "resolved"])
        let alerts = payloads.compactMap { ($0["alerts"] as? [[String: Any]])?.first }
        XCTAssertEqual(alerts.map { $0["startsAt"] as? String }, ["2024-01-01T00:02:00Z", "2024-01-01T00:02:00Z"],
                       "pending at 60s, firing at 120s")
        XCTAssertEqual(alerts.map { $0["endsAt"] as? String }, ["0001-01-01T00:00:00Z", "2024-01-01T00:04:30Z"],
                       "resolved at the evaluation at 270s that no longer saw up == 0")
        XCTAssertNil(p.alert("ServiceDown"))
    }

    // MARK: - Inhibition

    func testCriticalInhibitsTheWarningWithTheSameAlertnameAndInstance() throws {
        let memory = MemoryNotifier()
        let p = try S.pipeline(rules: ["inhibit_rules.yml"], notifier: memory)
        // node-a: 97% busy until 300s, then 90%; node-b: 85% all along.
        p.addSource(S.nodeCPU(["node-a:9100", "node-b:9100"]) { instance, t in
            instance == "node-b:9100" ? 85 : (t < 300 ? 97 : 90)
        })
        p.advance(to: S.at(90))
        XCTAssertEqual(p.rules.firingAlerts(named: "HighCPUUsage").map { "\($0.labels["instance"] ?? "") \($0.labels["severity"] ?? "")" },
                       ["node-a:9100 critical", "node-a:9100 warning", "node-b:9100 warning"])
        p.advance(to: S.at(100))
        let first = memory.notifications.map { n in
            "\(n.receiver): " + n.alerts.map { "\($0.labels["instance"] ?? "") \($0.labels["severity"] ?? "")" }.joined(separator: ", ")
        }
        XCTAssertEqual(first.sorted(), ["email-critical: node-a:9100 critical", "email-warnings: node-b:9100 warning"],
                       "node-a's warning is inhibited by its critical alert; node-b's is not")
        let mutedWarning: Labels = ["alertname": "HighCPUUsage", "instance": "node-a:9100", "severity": "warning",
                                    "cluster": "lab-bigdata", "environment": "dev"]
        XCTAssertTrue(p.dispatcher.isMuted(mutedWarning, at: p.clock.now))
        XCTAssertFalse(p.dispatcher.isMuted(mutedWarning.setting("instance", to: "node-b:9100"), at: p.clock.now))

        // At 90% (sample at 300s) the critical alert resolves at the evaluation at 300s; the warning
        // group's flush at that instant sends node-a's warning, no longer muted.
        p.advance(to: S.at(360))
        XCTAssertFalse(p.dispatcher.isMuted(mutedWarning, at: p.clock.now))
        let warnings = memory.notifications.filter { $0.receiver == "email-warnings" }
        XCTAssertEqual(warnings.map { S.seconds($0.time) }, [100, 300])
        XCTAssertEqual(warnings.last?.alerts.map { $0.labels["instance"] ?? "" }, ["node-a:9100", "node-b:9100"])
        XCTAssertEqual(warnings.last?.alerts.first?.annotations["description"], "CPU al 97% (>80%)",
                       "Alertmanager keeps the annotations of the last send (270s) until the 1m resend delay")
    }
}
