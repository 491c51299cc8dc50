/// How ``HTTPServer`` turns a handler's response into bytes: the status line with its reason,
/// the handler's valid headers, `Content-Length`, `Date` and `Connection`. Whatever a handler
/// returns gives a well-formed response: an out-of-range status becomes 500, headers with invalid
/// names or values (CR, LF, NUL) are dropped, and the framing headers are always the server's.
extension HTTPServerResponse {
    /// Headers the server sets itself; a handler's are dropped.
    private static let serverHeaders: Set<String> = ["content-length", "transfer-encoding", "connection", "date",
                                                     "keep-alive", "upgrade", "trailer"]

    /// The response ready to send: the head, and whether `body` follows it.
    func wireHead(keepAlive: Bool, isHead: Bool, date: String) -> (head: [UInt8], sendBody: Bool) {
        let status = Self.wireStatus(self.status)
        let bodyAllowed = status != 204 && status != 304
        var text = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for (name, value) in headers where Self.isValid(name: name, value: value) {
            if Self.serverHeaders.contains(name.lowercased()) { continue }
            text += name
            text += ": "
            text += value
            text += "\r\n"
        }
        if status != 204 {
            text += "Content-Length: \(bodyAllowed ? body.count : 0)\r\n"
        }
        text += "Date: \(date)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return (Array(text.utf8), bodyAllowed && !isHead && !body.isEmpty)
    }

    /// The status sent for a handler's `status`: itself when it is a final status (200–999), else 500.
    static func wireStatus(_ status: Int) -> Int { (200...999).contains(status) ? status : 500 }

    /// A plain-text error the server sends itself (always `Connection: close`).
    static func serverError(_ status: Int, _ message: String, date: String) -> [UInt8] {
        let response = HTTPServerResponse.plain(status, message + "\n")
        let (head, _) = response.wireHead(keepAlive: false, isHead: false, date: date)
        return head + response.body
    }

    /// The reason phrase of `status`, with a few the shared table lacks.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 417: return "Expectation Failed"
        case 410: return "Gone"
        case 412: return "Precondition Failed"
        default:
            let reason = reason(status)
            return reason.hasPrefix("Status ") ? "Unknown" : reason
        }
    }

    private static func isValid(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(HTTPToken.isTokenByte)
            && value.utf8.allSatisfy { $0 == UInt8(ascii: "\t") || ($0 >= 0x20 && $0 != 0x7F) }
    }
}
