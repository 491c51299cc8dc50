/// An HTTP/1.1 client that keeps one connection open per `host:port` and sends its requests over
/// it one at a time (`Connection: keep-alive`), for load generation. Not thread-safe: one per
/// thread (a virtual user). A connection is dropped when the server answers `Connection: close`,
/// frames a body by closing, or an exchange fails; a request that fails on a reused connection
/// before any response byte (the server closed it while idle) is sent once more on a new one.
public final class HTTPKeepAliveClient {
    /// One exchange: the response and the bytes that crossed the wire.
    public struct Exchange: Sendable {
        public var response: HTTPResponse
        /// Bytes of the request (head and body).
        public var bytesSent: Int
        /// Bytes of the response (status line, headers and body as sent).
        public var bytesReceived: Int
        /// Whether the request went over a connection opened for an earlier one.
        public var reused: Bool
    }

    public var maxBodyBytes: Int
    public var maxHeadBytes: Int
    private var connection: HTTPConnection?
    private var connectedTo: (host: String, port: Int)?
    /// Connections opened so far.
    public private(set) var connectionsOpened = 0

    public init(maxBodyBytes: Int = 16 << 20, maxHeadBytes: Int = 64 * 1024) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeadBytes = maxHeadBytes
    }

    /// Closes the kept connection (the next request opens a new one).
    public func close() {
        connection = nil
        connectedTo = nil
    }

    /// Sends `request` within `timeout` seconds (connect, write and read together).
    /// - Throws: ``HTTPClientError`` like ``HTTPClient/send(_:)``.
    public func send(_ request: HTTPRequest, timeout: Double) throws -> Exchange {
        let deadline = HTTPConnection.now() + max(0.001, timeout)
        let head = try Self.head(request)
        let wire = head + request.body
        if let connection, let target = connectedTo, target.host == request.host, target.port == request.port {
            connection.deadline = deadline
            do {
                return try exchange(wire, on: connection, request: request, reused: true)
            } catch let error as HTTPClientError where error.kind == .io || error.kind == .malformedResponse && error.message.contains("EOF in response head") {
                close()
                if HTTPConnection.now() >= deadline { throw error }
            }
        }
        close()
        let fresh = try HTTPConnection.open(host: request.host, port: request.port, deadline: deadline)
        connectionsOpened += 1
        connection = fresh
        connectedTo = (request.host, request.port)
        do {
            return try exchange(wire, on: fresh, request: request, reused: false)
        } catch {
            close()
            throw error
        }
    }

    private func exchange(_ wire: [UInt8], on connection: HTTPConnection, request: HTTPRequest, reused: Bool) throws -> Exchange {
        try connection.write(wire)
        var reader = HTTPResponseReader(connection: connection, maxHeadBytes: maxHeadBytes, maxBodyBytes: maxBodyBytes)
        let response = try reader.readResponse(isHead: request.method == "HEAD")
        let framed = response.header("Content-Length") != nil
            || response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true
            || request.method == "HEAD" || response.status == 204 || response.status == 304
        if !framed || response.header("Connection")?.lowercased().contains("close") == true { close() }
        var headBytes = 12 + response.reason.utf8.count + 2 + 2
        for header in response.headers { headBytes += header.name.utf8.count + 2 + header.value.utf8.count + 2 }
        return Exchange(response: response, bytesSent: wire.count, bytesReceived: headBytes + response.wireBodyBytes, reused: reused)
    }

    private static func head(_ request: HTTPRequest) throws -> [UInt8] {
        try request.wireHead(userAgent: "labctl-load", connection: "keep-alive")
    }
}
