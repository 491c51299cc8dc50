/// Reads one HTTP/1.1 response from a connection: status line, headers, then a body framed by
/// `Content-Length`, `Transfer-Encoding: chunked` or the end of the connection. Bounded throughout.
struct HTTPResponseReader {
    let connection: HTTPConnection
    let maxHeadBytes: Int
    let maxBodyBytes: Int
    private var data: [UInt8] = []
    private var position = 0
    private var closed = false

    init(connection: HTTPConnection, maxHeadBytes: Int, maxBodyBytes: Int) {
        self.connection = connection
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// Reads more bytes; returns false at the end of the stream.
    private mutating func fill() throws -> Bool {
        if closed { return false }
        let chunk = try connection.read()
        if chunk.isEmpty { closed = true; return false }
        if position > 0 && position == data.count { data.removeAll(keepingCapacity: true); position = 0 }
        data.append(contentsOf: chunk)
        return true
    }

    private var available: Int { data.count - position }

    /// A CRLF (or LF) terminated line, without the terminator.
    private mutating func line(limit: Int) throws -> String {
        var scanned = position
        while true {
            while scanned < data.count {
                if data[scanned] == 0x0A {
                    var end = scanned
                    if end > position, data[end - 1] == 0x0D { end -= 1 }
                    let text = String(decoding: data[position..<end], as: UTF8.self)
                    position = scanned + 1
                    return text
                }
                scanned += 1
            }
            guard scanned - position <= limit else {
                throw HTTPClientError(.malformedResponse, "response header line longer than \(limit) bytes")
            }
            // fill() may move the unread bytes to the front: keep `scanned` relative to `position`.
            let scannedAhead = scanned - position
            guard try fill() else { throw HTTPClientError(.malformedResponse, "unexpected EOF in response head") }
            scanned = position + scannedAhead
        }
    }

    mutating func readResponse(isHead: Bool) throws -> HTTPResponse {
        let statusLine = try line(limit: maxHeadBytes)
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let status = Int(parts[1]) else {
            throw HTTPClientError(.malformedResponse, "malformed HTTP status line \"\(statusLine.prefix(80))\"")
        }
        var headers: [(name: String, value: String)] = []
        var headBytes = statusLine.utf8.count
        while true {
            let h = try line(limit: maxHeadBytes)
            if h.isEmpty { break }
            headBytes += h.utf8.count + 2
            guard headBytes <= maxHeadBytes, headers.count < 1000 else {
                throw HTTPClientError(.malformedResponse, "response head larger than \(maxHeadBytes) bytes")
            }
            guard let colon = h.firstIndex(of: ":") else {
                throw HTTPClientError(.malformedResponse, "malformed header line \"\(h.prefix(80))\"")
            }
            headers.append((String(h[..<colon]).trimmingCharacters(in: .whitespaces),
                            String(h[h.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        var response = HTTPResponse(status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers)
        if isHead || status == 204 || status == 304 || (100..<200).contains(status) { return response }
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            response.body = try chunkedBody()
        } else if let lengthText = response.header("Content-Length") {
            guard let length = Int(lengthText), length >= 0 else {
                throw HTTPClientError(.malformedResponse, "invalid Content-Length \"\(lengthText.prefix(40))\"")
            }
            guard length <= maxBodyBytes else { throw tooLarge() }
            response.body = try exactly(length)
        } else {
            response.body = try untilClose()
        }
        response.wireBodyBytes = response.body.count
        return response
    }

    private func tooLarge() -> HTTPClientError {
        HTTPClientError(.bodyTooLarge, "body size limit exceeded (\(maxBodyBytes) bytes)")
    }

    private mutating func exactly(_ n: Int) throws -> [UInt8] {
        while available < n {
            guard try fill() else { throw HTTPClientError(.malformedResponse, "unexpected EOF: body shorter than Content-Length") }
        }
        let out = Array(data[position..<(position + n)])
        position += n
        return out
    }

    private mutating func untilClose() throws -> [UInt8] {
        while try fill() {
            guard available <= maxBodyBytes else { throw tooLarge() }
        }
        let out = Array(data[position...])
        position = data.count
        return out
    }

    private mutating func chunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try line(limit: 1024)
            let sizeText = sizeLine.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(sizeText, radix: 16), size >= 0 else {
                throw HTTPClientError(.malformedResponse, "invalid chunk size \"\(sizeLine.prefix(40))\"")
            }
            if size == 0 {
                // Trailers, up to the empty line.
                while !(try line(limit: maxHeadBytes)).isEmpty {}
                return body
            }
            guard body.count + size <= maxBodyBytes else { throw tooLarge() }
            body.append(contentsOf: try exactly(size))
            guard try line(limit: 2).isEmpty else {
                throw HTTPClientError(.malformedResponse, "missing CRLF after chunk")
            }
        }
    }
}
