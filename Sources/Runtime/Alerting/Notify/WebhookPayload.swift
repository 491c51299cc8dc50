import Foundation

/// Alertmanager's webhook message (version 4): the template data (`receiver`, `status`, `alerts`,
/// `groupLabels`, `commonLabels`, `commonAnnotations`, `externalURL`) followed by `version`,
/// `groupKey` and `truncatedAlerts`, encoded as Go's JSON encoder does (with a final newline).
public enum WebhookPayload {
    /// The request body for `notification`.
    public static func body(_ n: AlertNotification) -> String {
        var out = "{"
        out += "\"receiver\":" + NotificationJSON.string(NotificationJSON.quoteMeta(n.receiver))
        out += ",\"status\":" + NotificationJSON.string(n.status)
        out += ",\"alerts\":[" + n.alerts.map(alert).joined(separator: ",") + "]"
        out += ",\"groupLabels\":" + NotificationJSON.object(n.groupLabels)
        out += ",\"commonLabels\":" + NotificationJSON.object(n.commonLabels)
        out += ",\"commonAnnotations\":" + NotificationJSON.object(n.commonAnnotations)
        out += ",\"externalURL\":" + NotificationJSON.string(n.externalURL)
        out += ",\"version\":\"4\""
        out += ",\"groupKey\":" + NotificationJSON.string(n.groupKey)
        out += ",\"truncatedAlerts\":\(n.truncatedAlerts)"
        return out + "}\n"
    }

    static func alert(_ a: AlertNotification.NotifiedAlert) -> String {
        "{\"status\":" + NotificationJSON.string(a.status)
            + ",\"labels\":" + NotificationJSON.object(a.labels)
            + ",\"annotations\":" + NotificationJSON.object(a.annotations)
            + ",\"startsAt\":" + NotificationJSON.string(NotificationJSON.time(a.startsAt))
            + ",\"endsAt\":" + NotificationJSON.string(NotificationJSON.time(a.endsAt))
            + ",\"generatorURL\":" + NotificationJSON.string(a.generatorURL)
            + ",\"fingerprint\":" + NotificationJSON.string(a.fingerprint.description) + "}"
    }
}
