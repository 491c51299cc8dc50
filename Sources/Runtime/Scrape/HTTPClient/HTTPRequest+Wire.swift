// MARK: - The request head on the wire

extension HTTPRequest {
    /// The HTTP/1.1 request head: request line, `Host`, the headers (a caller's `Host`,
    /// `Content-Length` and `Connection` are replaced), `User-Agent` unless given, `Content-Length`
    /// for a body or a POST/PUT, and `Connection: connection`.
    /// - Throws: ``HTTPClientError`` `.badURL` for a CR, LF or space in the request line or a header
    ///   that would split the head.
    func wireHead(userAgent: String, connection: String) throws -> [UInt8] {
        for part in [method, target, host] where part.contains(where: { $0 == "\r" || $0 == "\n" || $0 == " " }) {
            throw HTTPClientError(.badURL, "invalid request line part \"\(part)\"")
        }
        let hostHeader = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
        var hasUserAgent = false
        for (name, value) in headers {
            guard !name.isEmpty, !name.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" }),
                  !value.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw HTTPClientError(.badURL, "invalid header \"\(name)\"")
            }
            let lower = name.lowercased()
            if lower == "host" || lower == "content-length" || lower == "connection" { continue }
            if lower == "user-agent" { hasUserAgent = true }
            text += "\(name): \(value)\r\n"
        }
        if !hasUserAgent { text += "User-Agent: \(userAgent)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" {
            text += "Content-Length: \(body.count)\r\n"
        }
        return Array((text + "Connection: \(connection)\r\n\r\n").utf8)
    }
}
