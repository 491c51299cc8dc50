/// Reads HTTP/1.x requests one after another from the bytes of one connection, as they arrive:
/// ``append(_:)`` what was received, then ``next()`` until it says `.needMore`. Pipelined requests
/// stay in the buffer for the next call. Limits are checked as bytes arrive, so an oversized request
/// line, head or body is refused before it is all read.
struct HTTPRequestParser {
    /// The parser's limits (from ``HTTPServerConfiguration``).
    struct Limits: Sendable {
        var maxRequestLineBytes: Int
        var maxHeaderBytes: Int
        var maxBodyBytes: Int
    }

    /// A complete request and how to answer it.
    struct Parsed: @unchecked Sendable {
        var request: HTTPServerRequest
        var keepAlive: Bool
        var isHead: Bool
    }

    enum Outcome {
        /// No complete request yet.
        case needMore
        /// The head asked for `100 Continue` and the body has not started: send it, then call again.
        case sendContinue
        case request(Parsed)
        case failure(HTTPRequestFailure)
    }

    /// What the connection is waiting for (chooses the time-out).
    enum Phase: Equatable {
        case idle, head, body
    }

    private enum State {
        case head
        case body(HTTPRequestHead, bodyStart: Int, length: Int)
        case chunked(HTTPRequestHead, HTTPChunkedBodyReader)
        case failed(HTTPRequestFailure)
    }

    /// Buffer storage kept between requests; more is released once a request is complete.
    static let retainedCapacity = 256 * 1024

    let limits: Limits
    let remoteAddress: String
    /// Received bytes not yet consumed by a returned request.
    private(set) var buffer: [UInt8] = []
    private var state = State.head
    /// Next byte to look at for a line end while reading the head.
    private var scan = 0
    private var lineStart = 0
    private var requestLine: Range<Int>?
    private var headerLines: [Range<Int>] = []
    private var emptyLeadingLines = 0
    private var continueSent = false

    init(limits: Limits, remoteAddress: String) {
        self.limits = limits
        self.remoteAddress = remoteAddress
    }

    var phase: Phase {
        switch state {
        case .head: return buffer.isEmpty ? .idle : .head
        case .body, .chunked: return .body
        case .failed: return .head
        }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// The next event: a complete request, a failure (final: the connection must close), a request
    /// for `100 Continue`, or `.needMore`.
    mutating func next() -> Outcome {
        do {
            return try step()
        } catch {
            state = .failed(error)
            return .failure(error)
        }
    }

    private mutating func step() throws(HTTPRequestFailure) -> Outcome {
        switch state {
        case .failed(let failure):
            return .failure(failure)
        case .head:
            guard let head = try scanHead() else { return .needMore }
            return try startBody(head)
        case .body(let head, let start, let length):
            return try finishLengthBody(head, start: start, length: length)
        case .chunked(let head, var reader):
            let done = try reader.read(buffer)
            state = .chunked(head, reader)
            guard done else { return .needMore }
            return complete(head, body: reader.body, end: reader.position)
        }
    }

    // MARK: - Head

    /// Scans for the end of the head; returns the parsed head when it is complete.
    private mutating func scanHead() throws(HTTPRequestFailure) -> HTTPRequestHead? {
        let lf = UInt8(ascii: "\n")
        while scan < buffer.count {
            guard let end = buffer[scan...].firstIndex(of: lf) else {
                scan = buffer.count
                break
            }
            var contentEnd = end
            if contentEnd > lineStart, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let line = lineStart..<contentEnd
            scan = end + 1
            lineStart = end + 1
            if let first = requestLine {
                if line.isEmpty {
                    return try HTTPRequestHead.parse(requestLine: first, headerLines: headerLines, in: buffer,
                                                     maxBodyBytes: limits.maxBodyBytes)
                }
                if end + 1 - first.upperBound > limits.maxHeaderBytes { throw .headersTooLarge }
                headerLines.append(line)
            } else if line.isEmpty {
                // A client may send stray CRLFs between requests; tolerate a few.
                emptyLeadingLines += 1
                if emptyLeadingLines > 4 { throw .bad("malformed request line") }
            } else {
                if line.count > limits.maxRequestLineBytes { throw .requestLineTooLong }
                requestLine = line
            }
        }
        if let first = requestLine {
            if buffer.count - first.upperBound > limits.maxHeaderBytes { throw .headersTooLarge }
        } else if buffer.count - lineStart > limits.maxRequestLineBytes {
            throw .requestLineTooLong
        }
        return nil
    }

    /// After the head: the body's framing, `100 Continue`, or the request at once.
    private mutating func startBody(_ head: HTTPRequestHead) throws(HTTPRequestFailure) -> Outcome {
        let bodyStart = lineStart
        switch head.body {
        case .none, .length(0):
            return complete(head, body: [], end: bodyStart)
        case .length(let length):
            state = .body(head, bodyStart: bodyStart, length: length)
            if head.expectContinue && buffer.count == bodyStart && !continueSent {
                continueSent = true
                return .sendContinue
            }
            return try finishLengthBody(head, start: bodyStart, length: length)
        case .chunked:
            state = .chunked(head, HTTPChunkedBodyReader(position: bodyStart, limits: limits))
            if head.expectContinue && buffer.count == bodyStart && !continueSent {
                continueSent = true
                return .sendContinue
            }
            return try step()
        }
    }

    private mutating func finishLengthBody(_ head: HTTPRequestHead, start: Int,
                                           length: Int) throws(HTTPRequestFailure) -> Outcome {
        guard buffer.count - start >= length else { return .needMore }
        let end = start + length
        return complete(head, body: Array(buffer[start..<end]), end: end)
    }

    /// The request, and the parser reset for the next one (the bytes after `end` kept).
    private mutating func complete(_ head: HTTPRequestHead, body: [UInt8], end: Int) -> Outcome {
        var request = HTTPServerRequest(method: head.method, target: head.originTarget, headers: head.headers,
                                        body: body, remoteAddress: remoteAddress)
        request.target = head.target
        if end >= buffer.count {
            // Keep a small buffer's storage; let a large one (after a big body) go.
            if buffer.capacity > Self.retainedCapacity { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
        } else if buffer.capacity > Self.retainedCapacity {
            buffer = Array(buffer[end...])
        } else {
            buffer.removeSubrange(0..<end)
        }
        state = .head
        scan = 0
        lineStart = 0
        requestLine = nil
        headerLines.removeAll(keepingCapacity: true)
        emptyLeadingLines = 0
        continueSent = false
        return .request(Parsed(request: request, keepAlive: head.keepAlive, isHead: head.isHead))
    }
}
