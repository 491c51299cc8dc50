import ConfigModel
import Foundation

/// The JSON recorded in the outbox for integrations labctl does not deliver (slack, pagerduty, …):
/// `integration`, `receiver`, `groupKey`, `status`, `alerts` (count), `truncatedAlerts`, and `fields`:
/// the integration's message fields rendered with the notification's templates (defaults when unset)
/// and its addressing settings (channel, chat id, …). Secrets (keys, tokens, passwords) are left out.
enum OutboxPayload {
    /// Message fields per integration and their defaults (our built-in template names).
    static let messageFields: [String: [(String, String)]] = [
        "slack": [("title", "{{ template \"slack.default.title\" . }}"),
                  ("text", "{{ template \"slack.default.text\" . }}"),
                  ("fallback", "{{ template \"slack.default.fallback\" . }}"),
                  ("username", "{{ template \"slack.default.username\" . }}")],
        "pagerduty": [("description", subject), ("severity", "error"), ("client", "{{ template \"__alertmanager\" . }}")],
        "opsgenie": [("message", subject), ("description", alertList), ("priority", "")],
        "telegram": [("message", subject + "\n" + alertList)],
        "msteams": [("title", subject), ("text", alertList)],
        "msteamsv2": [("title", subject), ("text", alertList)],
        "discord": [("title", subject), ("message", alertList)],
        "webex": [("message", subject + "\n" + alertList)],
        "wechat": [("message", subject + "\n" + alertList)],
        "pushover": [("title", subject), ("message", alertList)],
        "victorops": [("entity_display_name", subject), ("state_message", alertList)],
        "sns": [("subject", subject), ("message", alertList)],
    ]
    static let subject = "{{ template \"__subject\" . }}"
    static let alertList = "{{ template \"__text_alert_list\" .Alerts }}"

    /// Settings copied verbatim (where the message goes).
    static let addressing: Set<String> = ["channel", "chat_id", "message_thread_id", "room_id", "to_user", "to_party",
                                          "to_tag", "agent_id", "topic_arn", "phone_number", "target_arn", "device",
                                          "routing_key_name", "message_type", "parse_mode", "entity", "source",
                                          "severity", "class", "component", "group", "responders", "tags", "color"]

    static func json(_ n: AlertNotification, renderer: NotificationRenderer) throws -> String {
        var fields: [(String, String)] = []
        for (key, fallback) in messageFields[n.integration.kind.name] ?? [("message", subject)] {
            let source = n.integration[key] ?? fallback
            fields.append((key, try renderer.render(source, for: n)))
        }
        for (key, value) in n.integration.settings.sorted(by: { $0.key < $1.key })
        where addressing.contains(key) && !fields.contains(where: { $0.0 == key }) {
            fields.append((key, try renderer.render(value, for: n)))
        }
        let fieldText = fields.map { NotificationJSON.string($0.0) + ": " + NotificationJSON.string($0.1) }
            .joined(separator: ",\n    ")
        return """
        {
          "integration": \(NotificationJSON.string(n.integration.kind.name)),
          "receiver": \(NotificationJSON.string(n.receiver)),
          "groupKey": \(NotificationJSON.string(n.groupKey)),
          "status": \(NotificationJSON.string(n.status)),
          "alerts": \(n.alerts.count),
          "truncatedAlerts": \(n.truncatedAlerts),
          "fields": {
            \(fieldText)
          }
        }

        """
    }
}
