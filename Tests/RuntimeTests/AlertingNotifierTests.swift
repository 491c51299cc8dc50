import ConfigModel
import Foundation
import PromModel
import LabctlTestSupport
import XCTest
@testable import Runtime

/// Webhook JSON (golden), a real POST to a loopback listener, email `.eml` output and the outbox.
final class AlertingNotifierTests: XCTestCase {
    typealias S = AlertingTestSupport

    private func notification(kind: AlertmanagerIntegrationKind, settings: [String: String]) -> AlertNotification {
        let firing = Alert(labels: ["alertname": "Down", "instance": "a:9100", "job": "node"],
                           annotations: ["summary": "node <a> down & out"], startsAt: S.start,
                           generatorURL: "http://prom/graph?g0.expr=up")
        let resolved = Alert(labels: ["alertname": "Down", "instance": "b:9100", "job": "node"],
                             annotations: ["summary": "b down"], startsAt: S.start.addingTimeInterval(0.25),
                             endsAt: S.start.addingTimeInterval(60))
        let at = S.start.addingTimeInterval(90)
        return AlertNotification(
            receiver: "team.ops", integration: AlertmanagerIntegration(kind: kind, settings: settings),
            integrationIndex: 0, groupKey: "{}/{job=\"node\"}:{alertname=\"Down\"}", groupLabels: ["alertname": "Down"],
            alerts: [.init(firing, at: at), .init(resolved, at: at)], externalURL: "http://am:9093", time: at)
    }

    static let webhookGolden = """
    {"receiver":"team\\\\.ops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Down","instance":"a:9100","job":"node"},"annotations":{"summary":"node \\u003ca\\u003e down \\u0026 out"},"startsAt":"2024-01-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom/graph?g0.expr=up","fingerprint":"\(AlertFingerprint(["alertname": "Down", "instance": "a:9100", "job": "node"]))"},{"status":"resolved","labels":{"alertname":"Down","instance":"b:9100","job":"node"},"annotations":{"summary":"b down"},"startsAt":"2024-01-01T00:00:00.25Z","endsAt":"2024-01-01T00:01:00Z","generatorURL":"","fingerprint":"\(AlertFingerprint(["alertname": "Down", "instance": "b:9100", "job": "node"]))"}],"groupLabels":{"alertname":"Down"},"commonLabels":{"alertname":"Down","job":"node"},"commonAnnotations":{},"externalURL":"http://am:9093","version":"4","groupKey":"{}/{job=\\"node\\"}:{alertname=\\"Down\\"}","truncatedAlerts":0}

    """

    func testWebhookJSONGolden() throws {
        let body = WebhookPayload.body(notification(kind: .webhook, settings: ["url": "http://x/"]))
        XCTAssertEqual(body, Self.webhookGolden)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["receiver", "status", "alerts", "groupLabels", "commonLabels",
                                          "commonAnnotations", "externalURL", "version", "groupKey", "truncatedAlerts"])
    }

    func testWebhookIsPostedToALoopbackListener() throws {
        let listener = try AlertingLoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)/alerts?src=labctl"
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let notifier = OutboxNotifier(outbox: outbox, renderer: PlainNotificationRenderer(), poster: HTTPPoster(timeout: 5))
        try notifier.notify(notification(kind: .webhook, settings: ["url": url]))
        let requests = listener.wait(for: 1)
        XCTAssertEqual(requests.count, 1)
        XCTAssertTrue(requests.first?.head.hasPrefix("POST /alerts?src=labctl HTTP/1.1\r\n") ?? false, requests.first?.head ?? "")
        XCTAssertTrue(requests.first?.head.contains("Content-Type: application/json") ?? false)
        XCTAssertEqual(requests.first?.body, Self.webhookGolden)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outbox.path), "delivered, not written")
    }

    func testWebhookErrorsAreReported() throws {
        let listener = try AlertingLoopbackListener(status: 500, maxRequests: 1)
        let poster = HTTPPoster(timeout: 5)
        XCTAssertThrowsError(try poster.post("http://127.0.0.1:\(listener.port)/", body: Data("{}".utf8))) { error in
            XCTAssertEqual("\(error)", "unexpected status code 500 from http://127.0.0.1:\(listener.port)/")
        }
        XCTAssertThrowsError(try poster.post("https://example.com/", body: Data()))
        // A bound port that does not listen refuses: a connection error that names the address.
        guard let (fd, closedPort) = LoopbackPort.refusing() else { throw XCTSkip("no socket") }
        defer { close(fd) }
        XCTAssertThrowsError(try HTTPPoster(timeout: 2).post("http://127.0.0.1:\(closedPort)/", body: Data())) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot connect to 127.0.0.1:\(closedPort): "), "\(error)")
        }
        XCTAssertThrowsError(try poster.post("not a url", body: Data()))
    }

    func testEmailEMLGolden() throws {
        let n = notification(kind: .email, settings: ["to": "ops@example.com", "from": "am@example.com",
                                                      "subject": "Alert: {{ .Status }}", "html": "<p>down</p>",
                                                      "text": "down"])
        let message = try EmailMessage(n, renderer: PlainNotificationRenderer())
        let eml = message.rendered
        XCTAssertEqual(message.messageID, "<\(AlertFingerprint(["k": n.groupKey])).1704067290@labctl>")
        let boundary = "labctl-" + String(message.messageID.dropFirst().prefix(16))
        XCTAssertEqual(eml, """
        From: am@example.com\r
        To: ops@example.com\r
        Subject: [FIRING:1] Down (node)\r
        Date: Mon, 01 Jan 2024 00:01:30 +0000\r
        Message-Id: \(message.messageID)\r
        MIME-Version: 1.0\r
        Content-Type: multipart/alternative; boundary="\(boundary)"\r
        \r
        --\(boundary)\r
        Content-Type: text/plain; charset=UTF-8\r
        \r
        down\r
        --\(boundary)\r
        Content-Type: text/html; charset=UTF-8\r
        \r
        <p>down</p>\r
        --\(boundary)--\r

        """)
    }

    func testEmailWithDefaultTemplatesGoesToTheOutbox() throws {
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let notifier = OutboxNotifier(outbox: outbox, renderer: try TemplateNotificationRenderer())
        try notifier.notify(notification(kind: .email, settings: ["to": "ops@example.com", "from": "am@example.com"]))
        try notifier.notify(notification(kind: .slack, settings: ["channel": "#ops", "api_url": "https://hooks.slack.com/x"]))
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        XCTAssertEqual(files, ["0001-team_ops-email.eml", "0002-team_ops-slack.json"])
        let eml = try String(contentsOf: outbox.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(eml.contains("\r\nSubject: [FIRING:1] Down (node)\r\n"), eml)
        XCTAssertTrue(eml.contains("\r\nContent-Type: text/html; charset=UTF-8\r\n"), eml)
        XCTAssertTrue(eml.contains("a:9100"), eml)
        let json = try Data(contentsOf: outbox.appendingPathComponent(files[1]))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(object["integration"] as? String, "slack")
        XCTAssertEqual(object["alerts"] as? Int, 2)
        let fields = try XCTUnwrap(object["fields"] as? [String: String])
        XCTAssertEqual(fields["channel"], "#ops")
        XCTAssertNil(fields["api_url"], "secrets and endpoints are not recorded")
        XCTAssertTrue(fields["title"]?.contains("[FIRING:1] Down") ?? false, "\(fields)")
    }

    func testPlainSummary() {
        XCTAssertEqual(PlainNotificationRenderer.summary(notification(kind: .slack, settings: [:])), "[FIRING:1] Down (node)")
    }
}
