import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// What the receivers get at the end of the Lab 7 pipeline: the webhook JSON (golden file) and the
/// email `.eml` written by ``OutboxNotifier``, with the rules' rendered annotations.
///
/// Set `LABCTL_UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate change (then read the
/// diff before committing).
final class AlertPipelineNotificationTests: XCTestCase {
    typealias S = AlertPipelineTestSupport

    private func compare(_ text: String, golden name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = S.fixtures.appendingPathComponent("golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LABCTL_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, expected, "golden \(name)", file: file, line: line)
    }

    private func outbox(_ alertmanager: String, sources: [SampleSource], until t: Int64) throws -> (URL, [String]) {
        let dir = S.temporaryDirectory(self)
        let notifier = OutboxNotifier(outbox: dir, renderer: try TemplateNotificationRenderer(), deliverWebhooks: false)
        let p = try S.pipeline(alertmanager: alertmanager, notifier: notifier)
        for source in sources { p.addSource(source) }
        p.advance(to: S.at(t))
        XCTAssertEqual(p.evaluationFailures.map(\.message), [])
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return (dir, files.sorted())
    }

    // MARK: - Webhook

    func testHighErrorRateWebhookPayloadGolden() throws {
        let (dir, files) = try outbox("alertmanager-webhook.yml", sources: [S.fastapiRequests(errorPercent: 20)], until: 170)
        XCTAssertEqual(files, ["0001-monitoring-webhook.json"])
        let body = try String(contentsOf: dir.appendingPathComponent("0001-monitoring-webhook.json"), encoding: .utf8)
        try compare(body, golden: "high-error-rate.webhook.json")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let annotations = try XCTUnwrap(object["commonAnnotations"] as? [String: String])
        XCTAssertEqual(annotations["description"], "Tasa de error es 20% (>5%)")
        XCTAssertEqual(object["groupKey"] as? String,
                       "{}/{severity=\"warning\"}:{alertname=\"HighErrorRate\", cluster=\"lab-bigdata\"}")
    }

    func testServiceDownWebhookPayloadGolden() throws {
        let (dir, files) = try outbox("alertmanager-webhook.yml", sources: [S.fastapiUp { (60...240).contains($0) }],
                                      until: 300)
        XCTAssertEqual(files, ["0001-oncall-webhook.json", "0002-oncall-webhook.json"])
        var bodies = ""
        for file in files { bodies += try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) }
        try compare(bodies, golden: "service-down.webhook.json")
    }

    // MARK: - Email

    func testServiceDownEmailToOncall() throws {
        let (dir, files) = try outbox("alertmanager.yml", sources: [S.fastapiUp { $0 > 120 }], until: 300)
        XCTAssertEqual(files, ["0001-email-critical-email.eml"])
        let eml = try String(contentsOf: dir.appendingPathComponent(try XCTUnwrap(files.first)), encoding: .utf8)
        try compare(eml, golden: "service-down.email-critical.eml")
        let head = eml.components(separatedBy: "\r\n\r\n").first ?? ""
        XCTAssertTrue(head.contains("\r\nTo: oncall@example.com\r\n"), head)
        XCTAssertTrue(head.hasPrefix("From: alertmanager@example.com\r\n"), head)
        XCTAssertTrue(head.contains("\r\nSubject: [CRITICAL] ServiceDown\r\n"), "the route's Subject header template")
        XCTAssertTrue(head.contains("\r\nDate: Mon, 01 Jan 2024 00:03:40 +0000\r\n"), "sent at 220s")
        XCTAssertTrue(eml.contains("Servicio fastapi caído"), "the summary annotation is in the body")
    }

    func testHighErrorRateEmailRendersHumanizePercentage() throws {
        let (dir, files) = try outbox("alertmanager.yml", sources: [S.fastapiRequests(errorPercent: 20)], until: 170)
        XCTAssertEqual(files, ["0001-email-warnings-email.eml"])
        let eml = try String(contentsOf: dir.appendingPathComponent(try XCTUnwrap(files.first)), encoding: .utf8)
        XCTAssertTrue(eml.contains("\r\nTo: monitoring@example.com\r\n"))
        XCTAssertTrue(eml.contains("\r\nSubject: [FIRING:1] HighErrorRate lab-bigdata (dev warning)\r\n"),
                      "no Subject header on this receiver: the default email.default.subject")
        XCTAssertTrue(eml.contains("Tasa de error es 20% (&gt;5%)"), "the description, HTML-escaped")
    }

    func testEmailHeadersAreTemplatesAndWinOverSettings() throws {
        let config = try AlertingTestSupport.config("""
        global: {smtp_smarthost: 'smtp:25', smtp_from: 'am@example.com'}
        route: {receiver: mail}
        receivers:
          - name: mail
            email_configs:
              - to: 'team@example.com'
                headers:
                  subject: 'Lab {{ .GroupLabels.alertname }}'
                  x-lab-alert: '{{ .CommonLabels.severity }}'
                  From: 'lab <lab@example.com>'
        """)
        let integration = try XCTUnwrap(config.receiver(named: "mail")?.integrations.first)
        XCTAssertEqual(integration.headers.map(\.name), ["Subject", "X-Lab-Alert", "From"])
        let alert = Alert(labels: ["alertname": "Down", "severity": "critical"], startsAt: AlertingTestSupport.start)
        let n = AlertNotification(receiver: "mail", integration: integration, integrationIndex: 0, groupKey: "{}:{}",
                                  groupLabels: ["alertname": "Down"], alerts: [.init(alert, at: AlertingTestSupport.start)],
                                  externalURL: "http://am:9093", time: AlertingTestSupport.start)
        let message = try EmailMessage(n, renderer: try TemplateNotificationRenderer())
        XCTAssertEqual(message.subject, "Lab Down")
        XCTAssertEqual(message.from, "lab <lab@example.com>")
        XCTAssertEqual(message.to, "team@example.com")
        XCTAssertTrue(message.rendered.contains("\r\nX-Lab-Alert: critical\r\nMIME-Version: 1.0\r\n"), message.rendered)
        XCTAssertEqual(AlertmanagerIntegration.canonicalHeaderName("content-TYPE"), "Content-Type")
        XCTAssertEqual(AlertmanagerIntegration.canonicalHeaderName("bad header"), "bad header")
    }
}
