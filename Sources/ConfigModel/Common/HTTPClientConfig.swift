import Diagnostics

/// The HTTP client settings shared by scrape configs, Alertmanager targets and remote endpoints
/// (Prometheus's `common/config.HTTPClientConfig`).
public struct HTTPClientConfig: Hashable, Sendable {
    /// `basic_auth`.
    public struct BasicAuth: Hashable, Sendable {
        public var username: String?
        public var usernameFile: String?
        public var password: String?
        public var passwordFile: String?
        public init() {}
    }

    /// `authorization` (`type` defaults to `Bearer`).
    public struct Authorization: Hashable, Sendable {
        public var type: String = "Bearer"
        public var credentials: String?
        public var credentialsFile: Located<String>?
        public init() {}
    }

    /// `oauth2`.
    public struct OAuth2: Hashable, Sendable {
        public var clientID: String?
        public var clientSecret: String?
        public var clientSecretFile: String?
        public var scopes: [String] = []
        public var tokenURL: String = ""
        public var endpointParams: [LabelEntry] = []
        public var tlsConfig: TLSConfig?
        public init() {}
    }

    /// `tls_config`.
    public struct TLSConfig: Hashable, Sendable {
        public var caFile: Located<String>?
        public var certFile: Located<String>?
        public var keyFile: Located<String>?
        public var ca: String?
        public var cert: String?
        public var key: String?
        public var serverName: String?
        public var insecureSkipVerify: Bool = false
        public var minVersion: String?
        public var maxVersion: String?
        public init() {}

        /// Files the TLS config reads, which must exist when the config is loaded.
        public var referencedFiles: [Located<String>] { [caFile, certFile, keyFile].compactMap { $0 } }
    }

    public var basicAuth: BasicAuth?
    public var authorization: Authorization?
    public var oauth2: OAuth2?
    public var bearerToken: String?
    public var bearerTokenFile: String?
    public var tlsConfig: TLSConfig = TLSConfig()
    public var proxyURL: String?
    public var noProxy: String?
    public var proxyFromEnvironment: Bool = false
    public var followRedirects: Bool = true
    public var enableHTTP2: Bool = true

    public init() {}

    /// Files the client reads at load time (TLS files, credentials files), which must exist.
    public var referencedFiles: [Located<String>] {
        var files = tlsConfig.referencedFiles
        if let f = authorization?.credentialsFile { files.append(f) }
        if let t = oauth2?.tlsConfig { files += t.referencedFiles }
        return files
    }
}
