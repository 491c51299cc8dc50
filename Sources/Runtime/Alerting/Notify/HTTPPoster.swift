import Foundation

/// A small HTTP/1.1 client for webhook notifications: one `POST` per connection over a POSIX socket,
/// `http://` only, with a connect/read/write timeout and a bounded response.
public struct HTTPPoster: Sendable {
    /// Seconds allowed for connecting, and for each read or write.
    public var timeout: TimeInterval
    /// Response bytes read at most (the status line is all that is needed).
    public var maxResponseBytes: Int

    public init(timeout: TimeInterval = 10, maxResponseBytes: Int = 64 * 1024) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// The response of a request.
    public struct Response: Sendable {
        public var status: Int
        public var head: String
    }

    /// Posts `body` to `url`; throws on a bad URL, a network failure or a non-2xx status.
    @discardableResult
    public func post(_ url: String, body: Data, contentType: String = "application/json",
                     headers: [(String, String)] = []) throws -> Response {
        guard let c = URLComponents(string: url), let host = c.host, !host.isEmpty else {
            throw NotifyError(message: "invalid URL \"\(url)\"")
        }
        guard c.scheme?.lowercased() == "http" else {
            throw NotifyError(message: "unsupported URL scheme in \"\(url)\" (only http:// is delivered; "
                              + "other notifications go to the outbox)")
        }
        let port = c.port ?? 80
        let path = (c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath)
            + (c.percentEncodedQuery.map { "?" + $0 } ?? "")
        let connection: HTTPConnection
        do {
            connection = try HTTPConnection.open(host: host, port: port, deadline: HTTPConnection.now() + timeout)
        } catch let error as HTTPClientError {
            throw NotifyError(message: "cannot connect to \(host):\(port): \(error.message)")
        }
        var head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: labctl-alertmanager\r\n"
        head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers where !name.contains("\r") && !name.contains("\n") && !value.contains("\n") {
            head += "\(name): \(value)\r\n"
        }
        head += "\r\n"
        let response = try exchange(connection, request: Array(head.utf8) + Array(body))
        guard let statusLine = response.split(separator: "\r\n", maxSplits: 1).first else {
            throw NotifyError(message: "empty response from \(url)")
        }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw NotifyError(message: "malformed response from \(url): \(statusLine.prefix(80))")
        }
        guard (200..<300).contains(status) else {
            throw NotifyError(message: "unexpected status code \(status) from \(url)")
        }
        return Response(status: status, head: response)
    }

    // MARK: - Exchange

    /// Writes `request` and reads until the end of the response head (or the connection closes, or
    /// the limit); every write and read may take `timeout` seconds.
    private func exchange(_ connection: HTTPConnection, request: [UInt8]) throws -> String {
        do {
            connection.deadline = HTTPConnection.now() + timeout
            try connection.write(request)
            var data: [UInt8] = []
            while data.count < maxResponseBytes {
                connection.deadline = HTTPConnection.now() + timeout
                let chunk = try connection.read()
                if chunk.isEmpty { break }
                let searchFrom = max(0, data.count - 3)
                data.append(contentsOf: chunk.prefix(maxResponseBytes - data.count))
                if Self.containsHeadEnd(data, from: searchFrom) { break }
            }
            return String(decoding: data, as: UTF8.self)
        } catch let error as HTTPClientError {
            throw NotifyError(message: "\(error.message)")
        }
    }

    /// Whether `\r\n\r\n` starts at or after `from` in `data`.
    private static func containsHeadEnd(_ data: [UInt8], from: Int) -> Bool {
        let end: [UInt8] = [13, 10, 13, 10]
        guard data.count - from >= end.count else { return false }
        for start in from...(data.count - end.count) where data[start..<(start + end.count)].elementsEqual(end) { return true }
        return false
    }
}
