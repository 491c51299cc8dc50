/// How ``HTTPServer`` listens and the limits it puts on every connection. Every field has a default
/// that suits `labctl serve` on a laptop; tests shrink the time-outs.
public struct HTTPServerConfiguration: Sendable {
    /// The address to listen on (a name or a numeric IPv4/IPv6 address). Loopback by default.
    public var host: String
    /// The TCP port; 0 asks the kernel for a free one (see ``HTTPServer/boundPort``).
    public var port: Int
    /// Handler threads: at most this many requests are answered at once.
    public var workers: Int
    /// Open connections kept at once; a connection beyond gets `503 Service Unavailable` and is closed.
    public var maxConnections: Int
    /// Largest request line (`GET /path HTTP/1.1`) in bytes; longer is `414 URI Too Long`.
    public var maxRequestLineBytes: Int
    /// Largest header block after the request line, in bytes; larger is `431`.
    public var maxHeaderBytes: Int
    /// Largest request body, in bytes; a larger `Content-Length` is answered `413` before the body is
    /// read, and a chunked body that grows beyond it likewise; the connection is then closed.
    public var maxBodyBytes: Int
    /// Seconds a client has to send a whole request head once it started (slowloris); then `408`.
    public var headerTimeout: Double
    /// Seconds a client has to send the body once the head arrived; then `408`.
    public var bodyTimeout: Double
    /// Seconds a keep-alive connection may wait for its next request before it is closed.
    public var idleTimeout: Double
    /// Seconds to write one response; a client that does not read is disconnected.
    public var writeTimeout: Double

    public init(host: String = "127.0.0.1", port: Int = 9090, workers: Int = 8, maxConnections: Int = 4096,
                maxRequestLineBytes: Int = 8192, maxHeaderBytes: Int = 1 << 20, maxBodyBytes: Int = 32 << 20,
                headerTimeout: Double = 10.0, bodyTimeout: Double = 30.0, idleTimeout: Double = 120.0,
                writeTimeout: Double = 30.0) {
        self.host = host
        self.port = port
        self.workers = workers
        self.maxConnections = maxConnections
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
    }

    /// The configuration with every number clamped to something usable (at least one worker, one
    /// connection, positive time-outs), so a bad flag value cannot wedge the server.
    var normalized: HTTPServerConfiguration {
        var c = self
        c.workers = min(max(1, workers), 1024)
        c.maxConnections = min(max(1, maxConnections), 1 << 20)
        c.maxRequestLineBytes = min(max(64, maxRequestLineBytes), 1 << 24)
        c.maxHeaderBytes = min(max(64, maxHeaderBytes), 1 << 28)
        c.maxBodyBytes = min(max(0, maxBodyBytes), 1 << 40)
        c.headerTimeout = Self.seconds(headerTimeout)
        c.bodyTimeout = Self.seconds(bodyTimeout)
        c.idleTimeout = Self.seconds(idleTimeout)
        c.writeTimeout = Self.seconds(writeTimeout)
        return c
    }

    private static func seconds(_ value: Double) -> Double {
        value.isFinite ? min(max(0.001, value), 86_400 * 365) : 86_400 * 365
    }
}
