import ConfigModel
import Foundation
import PromModel

/// Expands the text fields of receivers (`subject`, `html`, `title`, `text`, `message`, …) for a
/// notification. The seam between the dispatcher and notification templates.
public protocol NotificationRenderer: Sendable {
    func render(_ text: String, for notification: AlertNotification) throws -> String
}

/// Renders with Go text/template, Alertmanager's functions and data, our built-in default templates
/// (`email.default.subject`, `slack.default.text`, `__subject`, …) and the config's template files.
public struct TemplateNotificationRenderer: NotificationRenderer {
    let template: Template

    /// The built-in templates plus `files` (name, text), in order.
    public init(files: [(name: String, text: String)] = []) throws {
        do {
            template = try AlertmanagerTemplates.template(files: files)
        } catch {
            throw NotifyError(message: "template: \(error)")
        }
    }

    public func render(_ text: String, for n: AlertNotification) throws -> String {
        do {
            return try AlertmanagerTemplates.expand(text, data: Self.data(n), in: template)
        } catch {
            throw NotifyError(message: "template: \(error)")
        }
    }

    /// Alertmanager's template data for a notification (receiver name through `regexp.QuoteMeta`).
    public static func data(_ n: AlertNotification) -> AlertmanagerTemplateData {
        let alerts = n.alerts.map { a in
            AlertmanagerTemplateData.Alert(
                status: a.status, labels: dictionary(a.labels), annotations: dictionary(a.annotations),
                startsAt: time(a.startsAt), endsAt: a.endsAt.map(time) ?? .zero, generatorURL: a.generatorURL,
                fingerprint: a.fingerprint.description)
        }
        return AlertmanagerTemplateData(receiver: NotificationJSON.quoteMeta(n.receiver), alerts: alerts,
                                        groupLabels: dictionary(n.groupLabels), externalURL: n.externalURL)
    }

    static func dictionary(_ labels: PromModel.Labels) -> [String: String] {
        var out: [String: String] = [:]
        for l in labels { out[l.name] = l.value }
        return out
    }

    static func time(_ d: Date) -> TemplateTime {
        let ms = (d.timeIntervalSince1970 * 1000).rounded()
        return TemplateTime(unixMilliseconds: ms.isFinite && abs(ms) < 9e15 ? Int64(ms) : 0)
    }
}

/// A fixed, template-free rendering: the field text as written, or for an empty field the
/// `[FIRING:2] group label values` summary. For tests and when templates cannot be loaded.
public struct PlainNotificationRenderer: NotificationRenderer {
    public init() {}

    public func render(_ text: String, for n: AlertNotification) throws -> String {
        text.contains("{{") || text.isEmpty ? Self.summary(n) : text
    }

    /// `[FIRING:2] value value (extra common values)`.
    public static func summary(_ n: AlertNotification) -> String {
        var s = "[" + n.status.uppercased()
        if n.status == "firing" { s += ":\(n.firingAlerts.count)" }
        s += "]"
        let groupValues = n.groupLabels.map(\.value)
        if !groupValues.isEmpty { s += " " + groupValues.joined(separator: " ") }
        let extra = n.commonLabels.removing(n.groupLabels.map(\.name))
        if !extra.isEmpty { s += " (" + extra.map(\.value).joined(separator: " ") + ")" }
        return s
    }
}
