/// A small HTTP/1.1 client over POSIX sockets: one request per connection (`Connection: close`),
/// a connect + total deadline, `Content-Length`, chunked and read-until-close bodies, gzip and
/// deflate content decoding, and a size limit on the body (before and after decoding).
///
/// `http://` only: an `https` URL is a clear ``HTTPClientError`` (`.unsupportedScheme`).
///
/// ```swift
/// let client = HTTPClient(timeout: 10, maxBodyBytes: 10 << 20)
/// let response = try client.send(try HTTPRequest(url: "http://127.0.0.1:8000/metrics"))
/// print(response.status, response.text)
/// ```
public struct HTTPClient: Sendable {
    /// Seconds for the whole exchange (connect, send, read).
    public var timeout: Double
    /// Largest body accepted, in bytes, both on the wire and after decompression (0 = no limit
    /// beyond `hardLimit`).
    public var maxBodyBytes: Int
    /// Largest response head, in bytes.
    public var maxHeadBytes: Int
    /// Whether `Content-Encoding: gzip`/`deflate` bodies are decoded.
    public var decodeContent: Bool

    /// The limit used when `maxBodyBytes` is 0: 1 GiB.
    public static let hardLimit = 1 << 30

    public init(timeout: Double = 10, maxBodyBytes: Int = 0, maxHeadBytes: Int = 64 * 1024, decodeContent: Bool = true) {
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.maxHeadBytes = maxHeadBytes
        self.decodeContent = decodeContent
    }

    private var bodyLimit: Int { maxBodyBytes > 0 ? min(maxBodyBytes, Self.hardLimit) : Self.hardLimit }

    /// Sends `request` and reads the whole response.
    /// - Throws: ``HTTPClientError`` on connection failures, time-outs, malformed responses and
    ///   bodies beyond the limit.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let deadline = HTTPConnection.now() + max(0.001, timeout)
        let connection = try HTTPConnection.open(host: request.host, port: request.port, deadline: deadline)
        try connection.write(head(request) + request.body)
        var reader = HTTPResponseReader(connection: connection, maxHeadBytes: maxHeadBytes, maxBodyBytes: bodyLimit)
        var response = try reader.readResponse(isHead: request.method == "HEAD")
        if decodeContent, let encoding = response.header("Content-Encoding")?.lowercased() {
            response.body = try decode(response.body, encoding: encoding)
        }
        return response
    }

    /// Convenience: `GET url` with `headers`.
    public func get(_ url: String, headers: [(name: String, value: String)] = []) throws -> HTTPResponse {
        try send(try HTTPRequest(url: url, headers: headers))
    }

    private func head(_ request: HTTPRequest) throws -> [UInt8] {
        try request.wireHead(userAgent: "labctl", connection: "close")
    }

    private func decode(_ body: [UInt8], encoding: String) throws -> [UInt8] {
        do {
            switch encoding {
            case "gzip", "x-gzip": return try Gzip.decompress(body, maxOutput: bodyLimit)
            case "deflate": return try Inflate.decompress(zlibPayload(body), maxOutput: bodyLimit)
            case "identity", "": return body
            default: throw HTTPClientError(.decoding, "unsupported Content-Encoding \"\(encoding)\"")
            }
        } catch let error as InflateError {
            if error.isTooLarge {
                throw HTTPClientError(.bodyTooLarge, "body size limit exceeded (\(bodyLimit) bytes after decompression)")
            }
            throw HTTPClientError(.decoding, "\(encoding) body: \(error.message)")
        }
    }

    /// `deflate` is zlib-wrapped in practice (RFC 1950); accept raw DEFLATE too.
    private func zlibPayload(_ body: [UInt8]) -> [UInt8] {
        if body.count >= 2, body[0] & 0x0F == 8, (UInt16(body[0]) << 8 | UInt16(body[1])) % 31 == 0 {
            return Array(body.dropFirst(2))
        }
        return body
    }
}
