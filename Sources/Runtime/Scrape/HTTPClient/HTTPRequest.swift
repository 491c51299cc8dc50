/// One HTTP/1.1 request for ``HTTPClient``.
public struct HTTPRequest: Sendable {
    public var method: String
    /// Host name or address to connect to.
    public var host: String
    public var port: Int
    /// Path with its query (`/metrics?format=x`), percent-encoded.
    public var target: String
    /// Extra headers (Host, Content-Length and Connection are added by the client).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String = "GET", host: String, port: Int, target: String = "/",
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.host = host
        self.port = port
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// A request for an `http://host:port/path?query` URL.
    /// - Throws: ``HTTPClientError`` for a malformed URL or a scheme other than `http` (`https` is not supported).
    public init(url: String, method: String = "GET", headers: [(name: String, value: String)] = [],
                body: [UInt8] = []) throws {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") {
            throw HTTPClientError(.unsupportedScheme, "https is not supported by labctl's scraper (only http://): \(url)")
        }
        guard lower.hasPrefix("http://") else { throw HTTPClientError(.badURL, "not an http:// URL: \(url)") }
        let rest = url.dropFirst(7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var target = String(rest.dropFirst(authority.count))
        if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
        let (host, port) = try Self.splitHostPort(String(authority), defaultPort: 80)
        self.init(method: method, host: host, port: port, target: target, headers: headers, body: body)
    }

    /// Splits `host:port` (`[v6]:port` too); the port defaults to `defaultPort`.
    public static func splitHostPort(_ authority: String, defaultPort: Int) throws -> (String, Int) {
        guard !authority.isEmpty, !authority.contains("@") else {
            throw HTTPClientError(.badURL, "invalid host \"\(authority)\"")
        }
        var host = authority
        var port = defaultPort
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw HTTPClientError(.badURL, "invalid host \"\(authority)\"") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()), (1...65535).contains(p) else {
                    throw HTTPClientError(.badURL, "invalid port in \"\(authority)\"")
                }
                port = p
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else {
                throw HTTPClientError(.badURL, "invalid port in \"\(authority)\"")
            }
            port = p
        }
        guard !host.isEmpty else { throw HTTPClientError(.badURL, "invalid host \"\(authority)\"") }
        return (host, port)
    }
}
