import GoCompat
import PromModel

/// One HTTP/1.1 request as ``HTTPServer`` hands it to an ``HTTPRequestHandler``: the request line,
/// the headers and the whole body (already de-chunked and within the server's limits).
public struct HTTPServerRequest: Sendable {
    /// The method as sent (`GET`, `POST`, …).
    public var method: String
    /// The raw request target (`/api/v1/query?query=up`), still percent-encoded.
    public var target: String
    /// The target's path, percent-decoded (`/api/v1/query`).
    public var path: String
    /// The target's query after `?`, still percent-encoded (empty when there is none).
    public var rawQuery: String
    /// Headers in the order sent, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body (empty for none).
    public var body: [UInt8]
    /// The peer's address (`127.0.0.1:53422`), for logs.
    public var remoteAddress: String

    public init(method: String, target: String, headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], remoteAddress: String = "") {
        self.method = method
        self.target = target
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first.map(String.init) ?? ""
        self.path = FormURLEncoding.decode(rawPath, plusIsSpace: false) ?? rawPath
        self.rawQuery = parts.count > 1 ? String(parts[1]) : ""
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The first value of header `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The parameters of the query string, decoded, in order (`+` is a space).
    public var queryItems: [(name: String, value: String)] { FormURLEncoding.parse(rawQuery) }

    /// The parameters of the query string followed by those of an
    /// `application/x-www-form-urlencoded` body (as Go's `Request.Form`, which Prometheus's API reads).
    public var formItems: [(name: String, value: String)] {
        var items = queryItems
        if method == "POST" || method == "PUT",
           let type = header("Content-Type")?.lowercased(),
           type.hasPrefix("application/x-www-form-urlencoded") {
            items += FormURLEncoding.parse(String(decoding: body, as: UTF8.self))
        }
        return items
    }

    /// Every value of form parameter `name` (query string and form body), in order.
    public func formValues(_ name: String) -> [String] { formItems.filter { $0.name == name }.map(\.value) }

    /// The first value of form parameter `name`, or nil when it is absent.
    public func formValue(_ name: String) -> String? { formItems.first { $0.name == name }?.value }
}
