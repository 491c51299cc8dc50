import YAML

/// Checks the shape of Prometheus' common HTTP client settings (`http_config:`) used by notifiers.
enum AlertmanagerHTTPConfig {
    static let keys = ["basic_auth", "authorization", "oauth2", "bearer_token", "bearer_token_file", "proxy_url",
                       "no_proxy", "proxy_from_environment", "proxy_connect_header", "tls_config",
                       "follow_redirects", "enable_http2", "http_headers"]
    static let tlsKeys = ["ca", "cert", "key", "ca_file", "cert_file", "key_file", "ca_ref", "cert_ref", "key_ref",
                          "server_name", "insecure_skip_verify", "min_version", "max_version"]

    static func check(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) {
        guard let m = ctx.mapping(node, allowed: keys, what: "http_config") else { return }
        if let basic = m["basic_auth"] {
            _ = ctx.mapping(basic, allowed: ["username", "username_file", "password", "password_file"],
                            what: "basic_auth")
        }
        if let auth = m["authorization"] {
            _ = ctx.mapping(auth, allowed: ["type", "credentials", "credentials_file"], what: "authorization")
        }
        if let oauth = m["oauth2"] {
            _ = ctx.mapping(oauth, allowed: ["client_id", "client_secret", "client_secret_file", "scopes",
                                             "token_url", "endpoint_params", "tls_config", "proxy_url",
                                             "no_proxy", "proxy_from_environment", "proxy_connect_header"],
                            what: "oauth2")
        }
        if let tls = m["tls_config"] { checkTLS(tls, context: &ctx) }
        _ = ctx.bool(m["follow_redirects"], what: "follow_redirects")
        _ = ctx.bool(m["enable_http2"], what: "enable_http2")
        if let proxy = m["proxy_url"], let text = ctx.string(proxy, what: "proxy_url") {
            AlertmanagerIntegration.checkURL(text, at: proxy, context: &ctx)
        }
        let authCount = ["basic_auth", "authorization", "oauth2", "bearer_token", "bearer_token_file"]
            .filter { m[$0].map { !$0.isNull } ?? false }.count
        if authCount > 1 {
            ctx.error(AlertmanagerDiagnosticCode.conflictingSettings,
                      "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured",
                      at: node)
        }
    }

    static func checkTLS(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) {
        guard let m = ctx.mapping(node, allowed: tlsKeys, what: "tls_config") else { return }
        _ = ctx.bool(m["insecure_skip_verify"], what: "insecure_skip_verify")
    }
}
