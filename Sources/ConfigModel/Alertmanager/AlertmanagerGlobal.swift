import PromModel
import YAML

/// The `global:` section: defaults for every notifier, with Alertmanager's built-in values applied.
public struct AlertmanagerGlobal: Sendable {
    /// Time after which an alert without `endsAt` is declared resolved (default 5m).
    public var resolveTimeout = Duration.seconds(300)
    /// Every scalar setting (written or defaulted) except `resolve_timeout`, by key.
    public var settings: [String: String] = AlertmanagerGlobal.defaults
    /// Whether `http_config` was given.
    public var hasHTTPConfig = false
    /// Keys written in the file (to tell defaults from explicit values when writing back).
    public var writtenKeys: [String] = []
    public var node: YAMLNode?

    public init() {}

    /// Values Alertmanager uses when the key is absent.
    public static let defaults: [String: String] = [
        "smtp_hello": "localhost",
        "smtp_require_tls": "true",
        "pagerduty_url": "https://events.pagerduty.com/v2/enqueue",
        "opsgenie_api_url": "https://api.opsgenie.com/",
        "wechat_api_url": "https://qyapi.weixin.qq.com/cgi-bin/",
        "victorops_api_url": "https://alert.victorops.com/integrations/generic/20131114/alert/",
        "telegram_api_url": "https://api.telegram.org",
        "webex_api_url": "https://webexapis.com/v1/messages",
    ]

    static let scalarKeys = [
        "smtp_from", "smtp_hello", "smtp_smarthost", "smtp_auth_username", "smtp_auth_password",
        "smtp_auth_password_file", "smtp_auth_secret", "smtp_auth_identity", "smtp_require_tls",
        "slack_api_url", "slack_api_url_file", "victorops_api_key", "victorops_api_key_file", "victorops_api_url",
        "pagerduty_url", "opsgenie_api_key", "opsgenie_api_key_file", "opsgenie_api_url", "wechat_api_url",
        "wechat_api_secret", "wechat_api_corp_id", "telegram_api_url", "webex_api_url", "rocketchat_api_url",
        "rocketchat_token", "rocketchat_token_id", "rocketchat_token_file", "rocketchat_token_id_file",
        "jira_api_url",
    ]
    static let urlKeys: Set<String> = ["slack_api_url", "victorops_api_url", "pagerduty_url", "opsgenie_api_url",
                                       "wechat_api_url", "telegram_api_url", "webex_api_url", "rocketchat_api_url",
                                       "jira_api_url"]
    static let keys = ["resolve_timeout", "http_config", "smtp_tls_config"] + scalarKeys

    /// A setting's value, written or defaulted.
    public subscript(key: String) -> String? { settings[key] }

    public var smtpSmarthost: String? { settings["smtp_smarthost"] }
    public var smtpFrom: String? { settings["smtp_from"] }
    public var slackAPIURL: String? { settings["slack_api_url"] ?? settings["slack_api_url_file"] }
}

// MARK: - Decoding

extension AlertmanagerGlobal {
    static func decode(_ node: YAMLNode?, context ctx: inout YAMLDecodingContext) -> AlertmanagerGlobal {
        var g = AlertmanagerGlobal()
        guard let node, let m = ctx.mapping(node, allowed: keys, what: "global") else { return g }
        g.node = node
        g.writtenKeys = m.keys
        if let d = ctx.scalar(m["resolve_timeout"], as: "duration", what: "resolve_timeout", parse: Duration.parse) {
            g.resolveTimeout = d
        }
        for key in scalarKeys {
            guard let valueNode = m[key] else { continue }
            if key == "smtp_require_tls" {
                if let b = ctx.bool(valueNode, what: key) { g.settings[key] = b ? "true" : "false" }
                continue
            }
            guard let value = ctx.string(valueNode, what: key) else { continue }
            if urlKeys.contains(key) { AlertmanagerIntegration.checkURL(value, at: valueNode, context: &ctx) }
            if key == "smtp_smarthost" { AlertmanagerIntegration.checkSmarthost(value, at: valueNode, context: &ctx) }
            g.settings[key] = value
        }
        if let http = m["http_config"] {
            g.hasHTTPConfig = true
            AlertmanagerHTTPConfig.check(http, context: &ctx)
        }
        if let tls = m["smtp_tls_config"] { AlertmanagerHTTPConfig.checkTLS(tls, context: &ctx) }
        return g
    }

    /// The written settings as a YAML mapping (defaults are left out).
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        for key in writtenKeys {
            if key == "resolve_timeout" { pairs.append((key, .scalar(resolveTimeout.description))) }
            else if key == "smtp_require_tls", let v = settings[key] { pairs.append((key, .scalar(v))) }
            else if let v = settings[key] { pairs.append((key, .string(v))) }
            else if let raw = node?[key] { pairs.append((key, raw)) }
        }
        return .mapping(pairs)
    }
}
