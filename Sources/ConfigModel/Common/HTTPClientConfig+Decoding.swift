import Diagnostics
import YAML

// MARK: - Decoding and validation

extension HTTPClientConfig {
    /// The keys of an HTTP client config, which embedding configs allow inline.
    static let keys = ["basic_auth", "authorization", "oauth2", "bearer_token", "bearer_token_file", "tls_config",
                       "proxy_url", "no_proxy", "proxy_from_environment", "proxy_connect_header",
                       "follow_redirects", "enable_http2", "http_headers", "sigv4", "azuread", "google_iam"]

    /// Decodes the HTTP client keys of mapping `m`, validating as `HTTPClientConfig.Validate` does.
    static func decode(_ m: YAMLMapping, _ ctx: inout YAMLDecodingContext) -> HTTPClientConfig {
        var c = HTTPClientConfig()
        if let node = m["basic_auth"], let b = ctx.mapping(node, allowed: ["username", "username_file", "password",
                                                                          "password_file"], what: "basic_auth") {
            var auth = BasicAuth()
            auth.username = ctx.string(b["username"])
            auth.usernameFile = ctx.string(b["username_file"])
            auth.password = ctx.string(b["password"])
            auth.passwordFile = ctx.string(b["password_file"])
            if auth.username != nil, auth.usernameFile != nil {
                ctx.error(ConfigCode.conflictingSecret,
                          "at most one of basic_auth username & username_file must be configured", at: node)
            }
            if auth.password != nil, auth.passwordFile != nil {
                ctx.error(ConfigCode.conflictingSecret,
                          "at most one of basic_auth password & password_file must be configured", at: node)
            }
            c.basicAuth = auth
        }
        if let node = m["authorization"], let a = ctx.mapping(node, allowed: ["type", "credentials", "credentials_file"],
                                                              what: "authorization") {
            var auth = Authorization()
            if let t = ctx.string(a["type"]) { auth.type = t }
            auth.credentials = ctx.string(a["credentials"])
            auth.credentialsFile = ctx.locatedString(a["credentials_file"])
            if auth.type.lowercased() == "basic" {
                ctx.error(ConfigCode.invalidAuthorization,
                          "authorization type cannot be set to \"basic\", use \"basic_auth\" instead",
                          at: a["type"] ?? node)
            }
            if auth.credentials != nil, auth.credentialsFile != nil {
                ctx.error(ConfigCode.conflictingSecret,
                          "at most one of authorization credentials & credentials_file must be configured", at: node)
            }
            c.authorization = auth
        }
        if let node = m["oauth2"] { c.oauth2 = decodeOAuth2(node, &ctx) }
        c.bearerToken = ctx.string(m["bearer_token"])
        c.bearerTokenFile = ctx.string(m["bearer_token_file"])
        if let node = m["tls_config"], let t = decodeTLS(node, &ctx) { c.tlsConfig = t }
        c.proxyURL = ctx.string(m["proxy_url"])
        if let node = m["proxy_url"], let url = c.proxyURL, !url.isEmpty, !url.contains("://") {
            ctx.error(ConfigCode.invalidURL, "invalid proxy_url \"\(url)\": missing scheme", at: node)
        }
        c.noProxy = ctx.string(m["no_proxy"])
        if let b = ctx.bool(m["proxy_from_environment"]) { c.proxyFromEnvironment = b }
        if let b = ctx.bool(m["follow_redirects"]) { c.followRedirects = b }
        if let b = ctx.bool(m["enable_http2"]) { c.enableHTTP2 = b }
        _ = ctx.mapping(m["proxy_connect_header"], what: "proxy_connect_header")
        _ = ctx.mapping(m["http_headers"], what: "http_headers")
        c.checkExclusiveAuth(m, &ctx)
        return c
    }

    private func checkExclusiveAuth(_ m: YAMLMapping, _ ctx: inout YAMLDecodingContext) {
        let present = ["basic_auth", "authorization", "oauth2", "sigv4", "azuread", "google_iam"].filter { m.contains($0) }
        if present.count > 1, let second = m.keyNode(present[1]) {
            ctx.error(ConfigCode.conflictingAuth,
                      "at most one of basic_auth, oauth2 & authorization must be configured (found \(present.joined(separator: ", ")))",
                      at: second)
        }
        let hasBearer = bearerToken != nil || bearerTokenFile != nil
        if hasBearer, basicAuth != nil || oauth2 != nil || authorization != nil,
           let key = m.keyNode("bearer_token") ?? m.keyNode("bearer_token_file") {
            ctx.error(ConfigCode.conflictingAuth,
                      "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured", at: key)
        }
        if bearerToken != nil, bearerTokenFile != nil, let key = m.keyNode("bearer_token_file") {
            ctx.error(ConfigCode.conflictingSecret, "at most one of bearer_token & bearer_token_file must be configured",
                      at: key)
        }
    }

    private static func decodeOAuth2(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> OAuth2? {
        let keys = ["client_id", "client_secret", "client_secret_file", "scopes", "token_url", "endpoint_params",
                    "tls_config", "proxy_url", "no_proxy", "proxy_from_environment", "proxy_connect_header"]
        guard let o = ctx.mapping(node, allowed: keys, what: "oauth2") else { return nil }
        var auth = OAuth2()
        auth.clientID = ctx.string(o["client_id"])
        auth.clientSecret = ctx.string(o["client_secret"])
        auth.clientSecretFile = ctx.string(o["client_secret_file"])
        auth.scopes = ctx.stringList(o["scopes"]) ?? []
        if let url = ctx.required("token_url", in: o, what: "oauth2") { auth.tokenURL = ctx.string(url) ?? "" }
        auth.endpointParams = ctx.labelPairs(o["endpoint_params"]) ?? []
        if let t = o["tls_config"] { auth.tlsConfig = decodeTLS(t, &ctx) }
        if auth.clientSecret != nil, auth.clientSecretFile != nil {
            ctx.error(ConfigCode.conflictingSecret,
                      "at most one of oauth2 client_secret & client_secret_file must be configured", at: node)
        }
        return auth
    }

    static func decodeTLS(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> TLSConfig? {
        let keys = ["ca", "ca_file", "ca_ref", "cert", "cert_file", "cert_ref", "key", "key_file", "key_ref",
                    "server_name", "insecure_skip_verify", "min_version", "max_version"]
        guard let t = ctx.mapping(node, allowed: keys, what: "tls_config") else { return nil }
        var tls = TLSConfig()
        tls.ca = ctx.string(t["ca"])
        tls.caFile = ctx.locatedString(t["ca_file"])
        tls.cert = ctx.string(t["cert"])
        tls.certFile = ctx.locatedString(t["cert_file"])
        tls.key = ctx.string(t["key"])
        tls.keyFile = ctx.locatedString(t["key_file"])
        tls.serverName = ctx.string(t["server_name"])
        if let b = ctx.bool(t["insecure_skip_verify"]) { tls.insecureSkipVerify = b }
        let versions = ["TLS10", "TLS11", "TLS12", "TLS13"]
        for key in ["min_version", "max_version"] {
            guard let n = t[key], let v = ctx.string(n) else { continue }
            if !versions.contains(v) {
                ctx.error(ConfigCode.invalidValue, "unknown TLS version: \(v)\(Suggestion.didYouMean(v, in: versions))",
                          at: n)
            }
            if key == "min_version" { tls.minVersion = v } else { tls.maxVersion = v }
        }
        let hasCert = tls.cert != nil || tls.certFile != nil
        let hasKey = tls.key != nil || tls.keyFile != nil
        if hasCert != hasKey {
            let message = hasCert
                ? "exactly one of key or key_file must be configured when a client certificate is configured"
                : "exactly one of cert or cert_file must be configured when a client key is configured"
            ctx.error(ConfigCode.tlsCertWithoutKey, message, at: node)
        }
        if tls.cert != nil, tls.certFile != nil {
            ctx.error(ConfigCode.conflictingSecret, "at most one of cert and cert_file must be configured", at: node)
        }
        if tls.key != nil, tls.keyFile != nil {
            ctx.error(ConfigCode.conflictingSecret, "at most one of key and key_file must be configured", at: node)
        }
        return tls
    }
}
