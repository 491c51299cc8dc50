import Foundation
import YAML

/// One notifier of a receiver (an item of `email_configs`, `webhook_configs`, …).
///
/// Scalar settings are kept as text by key, after Alertmanager's fallbacks were applied: an email
/// without `smarthost` gets `global.smtp_smarthost`, a Slack config without `api_url` gets
/// `global.slack_api_url`, and so on. Nested settings (`headers`, `fields`, `details`…) are in `node`.
public struct AlertmanagerIntegration: Sendable {
    public var kind: AlertmanagerIntegrationKind
    /// `send_resolved`, written or the notifier's default.
    public var sendResolved: Bool
    /// Scalar settings by key, with global fallbacks applied.
    public var settings: [String: String]
    /// The mapping it was decoded from (`nil` when built in code).
    public var node: YAMLNode?

    public init(kind: AlertmanagerIntegrationKind, sendResolved: Bool? = nil, settings: [String: String] = [:]) {
        self.kind = kind
        self.sendResolved = sendResolved ?? kind.sendResolvedDefault
        self.settings = settings
    }

    public subscript(key: String) -> String? { settings[key] }

    /// The email `headers` map as written (values are templates), names in MIME canonical form
    /// (`subject` → `Subject`, `x-team` → `X-Team`) as Alertmanager stores them; empty when built in code.
    public var headers: [(name: String, value: String)] {
        guard let pairs = node?["headers"]?.mapping else { return [] }
        return pairs.compactMap { pair in
            guard let name = pair.key.scalarValue, let value = pair.value.scalarValue else { return nil }
            return (Self.canonicalHeaderName(name), value)
        }
    }

    /// Go's `CanonicalMIMEHeaderKey`: the first letter and each letter after `-` upper-cased, the
    /// rest lower-cased; a name with a space or a non-token character is left as it is.
    public static func canonicalHeaderName(_ name: String) -> String {
        let token = name.unicodeScalars.allSatisfy { c in
            c.isASCII && c.value > 32 && c.value < 127 && !"()<>@,;:\\\"/[]?={}".unicodeScalars.contains(c)
        }
        guard token else { return name }
        var out = ""
        var upper = true
        for c in name {
            out += upper ? c.uppercased() : c.lowercased()
            upper = c == "-"
        }
        return out
    }

    /// Settings copied from `global` when the notifier does not set them: (own key, global key).
    static func fallbacks(for kind: AlertmanagerIntegrationKind) -> [(String, String)] {
        switch kind {
        case .email:
            return [("from", "smtp_from"), ("smarthost", "smtp_smarthost"), ("hello", "smtp_hello"),
                    ("auth_username", "smtp_auth_username"), ("auth_password", "smtp_auth_password"),
                    ("auth_password_file", "smtp_auth_password_file"), ("auth_secret", "smtp_auth_secret"),
                    ("auth_identity", "smtp_auth_identity"), ("require_tls", "smtp_require_tls")]
        case .slack: return [("api_url", "slack_api_url"), ("api_url_file", "slack_api_url_file")]
        case .pagerduty: return [("url", "pagerduty_url")]
        case .opsgenie:
            return [("api_key", "opsgenie_api_key"), ("api_key_file", "opsgenie_api_key_file"),
                    ("api_url", "opsgenie_api_url")]
        case .victorops:
            return [("api_key", "victorops_api_key"), ("api_key_file", "victorops_api_key_file"),
                    ("api_url", "victorops_api_url")]
        case .wechat:
            return [("api_secret", "wechat_api_secret"), ("corp_id", "wechat_api_corp_id"),
                    ("api_url", "wechat_api_url")]
        case .telegram: return [("api_url", "telegram_api_url")]
        case .webex: return [("api_url", "webex_api_url")]
        default: return []
        }
    }

    static let urlKeys: Set<String> = ["url", "api_url", "webhook_url", "client_url", "title_link", "icon_url",
                                       "image_url", "thumb_url", "app_url", "avatar_url"]
}

// MARK: - Decoding

extension AlertmanagerIntegration {
    static func decode(_ node: YAMLNode, kind: AlertmanagerIntegrationKind, global: AlertmanagerGlobal,
                       context ctx: inout YAMLDecodingContext) -> AlertmanagerIntegration? {
        guard let m = ctx.mapping(node, allowed: kind.keys, what: kind.receiverKey) else { return nil }
        var out = AlertmanagerIntegration(kind: kind, sendResolved: ctx.bool(m["send_resolved"], what: "send_resolved"))
        out.node = node
        for pair in m.pairs {
            guard let key = pair.key.scalarValue, key != "send_resolved", pair.value.scalar != nil,
                  !pair.value.isNull else { continue }
            if key == "require_tls" || key == "html" && kind == .pushover || key == "disable_notifications"
                || key == "update_alerts" || key == "short_fields" || key == "link_names" || key == "monospace" {
                if let b = ctx.bool(pair.value, what: key) { out.settings[key] = b ? "true" : "false" }
                continue
            }
            guard let value = ctx.string(pair.value, what: key) else { continue }
            if urlKeys.contains(key), !value.contains("{{") { checkURL(value, at: pair.value, context: &ctx) }
            if key == "smarthost" { checkSmarthost(value, at: pair.value, context: &ctx) }
            out.settings[key] = value
        }
        if let http = m["http_config"] { AlertmanagerHTTPConfig.check(http, context: &ctx) }
        if let tls = m["tls_config"] { AlertmanagerHTTPConfig.checkTLS(tls, context: &ctx) }
        for (own, globalKey) in fallbacks(for: kind) where out.settings[own] == nil {
            if let value = global[globalKey] { out.settings[own] = value }
        }
        out.checkRequirements(m, context: &ctx)
        return out
    }

    // MARK: - Value checks

    /// Reports `am-config/invalid-url` unless `text` is an http(s) URL with a host.
    static func checkURL(_ text: String, at node: YAMLNode, context ctx: inout YAMLDecodingContext) {
        guard let url = URLComponents(string: text) else {
            ctx.error(AlertmanagerDiagnosticCode.invalidURL, "invalid URL \"\(text)\"", at: node)
            return
        }
        let scheme = url.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            ctx.error(AlertmanagerDiagnosticCode.invalidURL, "unsupported scheme \"\(scheme)\" for URL", at: node)
            return
        }
        if (url.host ?? "").isEmpty {
            ctx.error(AlertmanagerDiagnosticCode.invalidURL, "missing host for URL", at: node)
        }
    }

    /// Reports `am-config/invalid-smarthost` unless `text` is `host:port`.
    static func checkSmarthost(_ text: String, at node: YAMLNode, context ctx: inout YAMLDecodingContext) {
        guard let colon = text.lastIndex(of: ":") else {
            ctx.error(AlertmanagerDiagnosticCode.invalidSmarthost, "address \(text): missing port in address",
                      at: node)
            return
        }
        let port = text[text.index(after: colon)...]
        if port.isEmpty || Int(port) == nil && !port.allSatisfy({ $0.isLetter }) {
            ctx.error(AlertmanagerDiagnosticCode.invalidSmarthost, "address \(text): invalid port \"\(port)\"", at: node)
        }
    }
}
