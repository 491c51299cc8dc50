/// A response read by ``HTTPClient``: status, headers and the (decoded) body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    /// Headers in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body after transfer decoding (chunked) and content decoding (gzip, deflate).
    public var body: [UInt8]
    /// Bytes received on the wire for the body (before content decoding).
    public var wireBodyBytes: Int

    public init(status: Int, reason: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                wireBodyBytes: Int = 0) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.wireBodyBytes = wireBodyBytes
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
