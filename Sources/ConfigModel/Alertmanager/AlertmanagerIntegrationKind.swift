/// A kind of notifier (`email_configs`, `webhook_configs`, …): its settings and defaults.
public struct AlertmanagerIntegrationKind: Hashable, Sendable, CustomStringConvertible {
    /// The short name (`email`).
    public let name: String
    /// The receiver key holding a list of these (`email_configs`).
    public var receiverKey: String { name + "_configs" }
    /// Keys an item may have.
    public let keys: [String]
    /// `send_resolved` when not written.
    public let sendResolvedDefault: Bool
    /// The first Alertmanager release that knows this notifier.
    public let since: String

    public var description: String { name }

    // MARK: - Catalogue

    private static let common = ["send_resolved", "http_config"]

    public static let email = AlertmanagerIntegrationKind(
        name: "email", keys: ["send_resolved", "to", "from", "smarthost", "hello", "auth_username", "auth_password",
                              "auth_password_file", "auth_secret", "auth_identity", "require_tls", "tls_config",
                              "html", "text", "headers", "threading"],
        sendResolvedDefault: false, since: "0.1")
    public static let webhook = AlertmanagerIntegrationKind(
        name: "webhook", keys: common + ["url", "url_file", "max_alerts", "timeout"],
        sendResolvedDefault: true, since: "0.1")
    public static let slack = AlertmanagerIntegrationKind(
        name: "slack", keys: common + ["api_url", "api_url_file", "channel", "username", "color", "title",
                                       "title_link", "pretext", "text", "fields", "short_fields", "footer",
                                       "fallback", "callback_id", "icon_emoji", "icon_url", "image_url",
                                       "thumb_url", "link_names", "mrkdwn_in", "actions", "app_token",
                                       "app_token_file", "app_url", "message_text", "timeout"],
        sendResolvedDefault: false, since: "0.1")
    public static let pagerduty = AlertmanagerIntegrationKind(
        name: "pagerduty", keys: common + ["routing_key", "routing_key_file", "service_key", "service_key_file",
                                           "url", "client", "client_url", "description", "details", "images",
                                           "links", "source", "severity", "class", "component", "group", "timeout"],
        sendResolvedDefault: true, since: "0.1")
    public static let opsgenie = AlertmanagerIntegrationKind(
        name: "opsgenie", keys: common + ["api_key", "api_key_file", "api_url", "message", "description", "source",
                                          "details", "entity", "responders", "actions", "tags", "note",
                                          "priority", "update_alerts"],
        sendResolvedDefault: true, since: "0.1")
    public static let victorops = AlertmanagerIntegrationKind(
        name: "victorops", keys: common + ["api_key", "api_key_file", "api_url", "routing_key", "message_type",
                                           "entity_display_name", "state_message", "monitoring_tool",
                                           "custom_fields"],
        sendResolvedDefault: true, since: "0.1")
    public static let pushover = AlertmanagerIntegrationKind(
        name: "pushover", keys: common + ["user_key", "user_key_file", "token", "token_file", "title", "message",
                                          "url", "url_title", "device", "sound", "priority", "retry", "expire",
                                          "ttl", "html", "monospace"],
        sendResolvedDefault: true, since: "0.1")
    public static let wechat = AlertmanagerIntegrationKind(
        name: "wechat", keys: common + ["api_secret", "api_url", "corp_id", "message", "message_type", "agent_id",
                                        "to_user", "to_party", "to_tag"],
        sendResolvedDefault: false, since: "0.1")
    public static let sns = AlertmanagerIntegrationKind(
        name: "sns", keys: common + ["api_url", "sigv4", "topic_arn", "phone_number", "target_arn", "subject",
                                     "message", "attributes"],
        sendResolvedDefault: true, since: "0.23")
    public static let telegram = AlertmanagerIntegrationKind(
        name: "telegram", keys: common + ["api_url", "bot_token", "bot_token_file", "chat_id", "message_thread_id",
                                          "message", "disable_notifications", "parse_mode"],
        sendResolvedDefault: true, since: "0.24")
    public static let webex = AlertmanagerIntegrationKind(
        name: "webex", keys: common + ["api_url", "room_id", "message"], sendResolvedDefault: true, since: "0.25")
    public static let discord = AlertmanagerIntegrationKind(
        name: "discord", keys: common + ["webhook_url", "webhook_url_file", "title", "message", "content",
                                         "username", "avatar_url"],
        sendResolvedDefault: true, since: "0.25")
    public static let msteams = AlertmanagerIntegrationKind(
        name: "msteams", keys: common + ["webhook_url", "webhook_url_file", "title", "summary", "text"],
        sendResolvedDefault: true, since: "0.26")
    public static let msteamsv2 = AlertmanagerIntegrationKind(
        name: "msteamsv2", keys: common + ["webhook_url", "webhook_url_file", "title", "text"],
        sendResolvedDefault: true, since: "0.28")

    /// Every notifier labctl knows, in the order Alertmanager documents them.
    public static let all: [AlertmanagerIntegrationKind] = [
        discord, email, msteams, msteamsv2, opsgenie, pagerduty, pushover, slack, sns, telegram, victorops,
        webhook, wechat, webex,
    ]
}
