import YAML

// MARK: - Required settings

extension AlertmanagerIntegration {
    /// Reports what Alertmanager rejects when loading this notifier: required settings missing (after
    /// global fallbacks), settings that exclude each other, values outside their set.
    mutating func checkRequirements(_ m: YAMLMapping, context ctx: inout YAMLDecodingContext) {
        let current = settings
        let has = { (key: String) -> Bool in current[key].map { !$0.isEmpty } ?? false }
        var missing: [String] = []
        func exclusive(_ a: String, _ b: String) {
            if m[a] != nil, m[b] != nil, !(m[a]?.isNull ?? true), !(m[b]?.isNull ?? true) {
                ctx.error(AlertmanagerDiagnosticCode.conflictingSettings,
                          "at most one of \(a) & \(b) must be configured", at: m.keyNode(b) ?? m.node)
            }
        }
        switch kind {
        case .email:
            if !has("to") { missing.append("missing to address in email config") }
            if !has("smarthost") { missing.append("no global SMTP smarthost set") }
            if !has("from") { missing.append("no global SMTP from set") }
            checkHeaders(m["headers"], context: &ctx)
        case .webhook:
            if !has("url") && !has("url_file") { missing.append("missing URL in webhook config") }
            exclusive("url", "url_file")
            if let node = m["max_alerts"] { _ = ctx.int(node, in: 0...Int(Int32.max), what: "max_alerts") }
        case .slack:
            if !has("api_url") && !has("api_url_file") {
                missing.append("no global Slack API URL set either inline or in a file")
            }
            exclusive("api_url", "api_url_file")
        case .pagerduty:
            if !has("routing_key") && !has("routing_key_file") && !has("service_key") && !has("service_key_file") {
                missing.append("missing service or routing key in PagerDuty config")
            }
            exclusive("routing_key", "routing_key_file")
            exclusive("service_key", "service_key_file")
        case .opsgenie:
            if !has("api_key") && !has("api_key_file") {
                missing.append("no global OpsGenie API Key set either inline or in a file")
            }
        case .victorops:
            if !has("api_key") && !has("api_key_file") { missing.append("no global VictorOps API Key set") }
            if !has("routing_key") { missing.append("missing Routing key in VictorOps config") }
        case .pushover:
            if !has("user_key") && !has("user_key_file") { missing.append("missing user key in Pushover config") }
            if !has("token") && !has("token_file") { missing.append("missing token in Pushover config") }
        case .wechat:
            if !has("api_secret") { missing.append("no global Wechat ApiSecret set") }
            if !has("corp_id") { missing.append("no global Wechat CorpID set") }
        case .sns:
            if !has("topic_arn") && !has("phone_number") && !has("target_arn") {
                missing.append("must provide either a Target ARN, Topic ARN, or Phone Number for SNS config")
            }
        case .telegram:
            if !has("bot_token") && !has("bot_token_file") {
                missing.append("missing bot_token or bot_token_file on telegram_config")
            }
            exclusive("bot_token", "bot_token_file")
            if let chat = m["chat_id"] {
                if ctx.int(chat, what: "chat_id") == 0 { missing.append("missing chat_id on telegram_config") }
            } else {
                missing.append("missing chat_id on telegram_config")
            }
            if let mode = settings["parse_mode"], !["", "MarkdownV2", "Markdown", "HTML"].contains(mode) {
                ctx.error(AlertmanagerDiagnosticCode.invalidSetting,
                          "unknown parse_mode on telegram_config, must be Markdown, MarkdownV2, HTML or empty string",
                          at: m["parse_mode"] ?? m.node)
            }
        case .webex:
            if !has("room_id") { missing.append("missing room_id on webex_config") }
            if m["http_config"]?["authorization"] == nil {
                missing.append("missing webex_configs.http_config.authorization")
            }
        case .discord, .msteams, .msteamsv2:
            if !has("webhook_url") && !has("webhook_url_file") {
                missing.append("one of webhook_url or webhook_url_file must be configured")
            }
            exclusive("webhook_url", "webhook_url_file")
        default:
            break
        }
        for message in missing {
            ctx.error(AlertmanagerDiagnosticCode.missingSetting, message, at: m.node)
        }
    }

    /// Email headers: a map of strings whose names are unique regardless of case.
    private func checkHeaders(_ node: YAMLNode?, context ctx: inout YAMLDecodingContext) {
        guard let node, let m = ctx.mapping(node, what: "headers") else { return }
        var seen = Set<String>()
        for pair in m.pairs {
            guard let name = ctx.string(pair.key, what: "a header name") else { continue }
            _ = ctx.string(pair.value, what: "header \(name)")
            if !seen.insert(name.lowercased()).inserted {
                ctx.error(AlertmanagerDiagnosticCode.invalidSetting, "duplicate header \"\(name)\" in email config",
                          at: pair.key)
            }
        }
    }
}
