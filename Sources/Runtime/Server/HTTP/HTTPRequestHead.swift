/// A parsed and validated request head: the request line, the headers and what they say about the
/// body and the connection. Built only from a complete head; anything malformed is an
/// ``HTTPRequestFailure``, so a handler never sees it.
struct HTTPRequestHead: Sendable {
    /// How the body is framed.
    enum Body: Sendable, Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: String
    /// The target as sent.
    var target: String
    /// The target in origin form (`/path?query`; an absolute-form target's scheme and authority
    /// removed; `*` as is).
    var originTarget: String
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x).
    var minorVersion: Int
    var headers: [(name: String, value: String)]
    var body: Body
    var keepAlive: Bool
    var expectContinue: Bool

    var isHead: Bool { method == "HEAD" }

    /// Parses the request line and header lines (byte ranges of `bytes`, without their line ends).
    static func parse(requestLine: Range<Int>, headerLines: [Range<Int>], in bytes: [UInt8],
                      maxBodyBytes: Int) throws(HTTPRequestFailure) -> HTTPRequestHead {
        let line = bytes[requestLine]
        let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .bad("malformed request line") }
        let methodBytes = parts[0], targetBytes = parts[1], versionBytes = parts[2]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPToken.isTokenByte) else {
            throw .bad("invalid method")
        }
        guard !targetBytes.isEmpty, targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .bad("invalid request target")
        }
        let minor = try parseVersion(versionBytes)
        let method = String(decoding: methodBytes, as: UTF8.self)
        let target = String(decoding: targetBytes, as: UTF8.self)
        guard let origin = originForm(target, method: method) else { throw .bad("invalid request target") }

        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(headerLines.count)
        for range in headerLines {
            headers.append(try parseHeader(bytes[range]))
        }
        var head = HTTPRequestHead(method: method, target: target, originTarget: origin, minorVersion: minor,
                                   headers: headers, body: .none, keepAlive: minor >= 1, expectContinue: false)
        try head.interpretHeaders(maxBodyBytes: maxBodyBytes)
        return head
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPRequestFailure) -> Int {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)), text[6] == UInt8(ascii: "."),
              let major = HTTPToken.digit(text[5]), let minor = HTTPToken.digit(text[7]) else {
            throw .bad("malformed HTTP version")
        }
        guard major == 1 else {
            throw HTTPRequestFailure(status: 505, reason: .unsupportedVersion, message: "unsupported HTTP version")
        }
        return minor
    }

    /// `/path?q` for an origin-form target, the path part of an absolute-form one, `*` for
    /// `OPTIONS *`; nil for anything else (authority form, relative paths).
    static func originForm(_ target: String, method: String) -> String? {
        if target.hasPrefix("/") { return target }
        if target == "*" { return method == "OPTIONS" ? target : nil }
        let lower = target.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else {
                return rest.isEmpty ? nil : "/"
            }
            guard slash != rest.startIndex else { return nil }
            let tail = String(rest[slash...])
            return tail.hasPrefix("?") ? "/" + tail : tail
        }
        return nil
    }

    private static func parseHeader(_ line: ArraySlice<UInt8>) throws(HTTPRequestFailure) -> (name: String, value: String) {
        guard let first = line.first else { throw .bad("malformed header line") }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { throw .bad("obsolete line folding in header") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .bad("malformed header line (no colon)") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(HTTPToken.isTokenByte) else { throw .bad("invalid header name") }
        var value = line[(colon + 1)...]
        while let b = value.first, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { value = value.dropFirst() }
        while let b = value.last, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { value = value.dropLast() }
        guard value.allSatisfy({ $0 == UInt8(ascii: "\t") || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .bad("invalid header value")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Connection, Host, Content-Length, Transfer-Encoding and Expect.
    private mutating func interpretHeaders(maxBodyBytes: Int) throws(HTTPRequestFailure) {
        var connectionTokens: [String] = []
        var hosts = 0
        var contentLength: String?
        var transferCodings: [String]?
        var expect: String?
        for (name, value) in headers {
            switch name.lowercased() {
            case "connection": connectionTokens += HTTPToken.list(value)
            case "host": hosts += 1
            case "content-length":
                guard contentLength == nil else { throw .bad("duplicate Content-Length header") }
                contentLength = value
            case "transfer-encoding": transferCodings = (transferCodings ?? []) + HTTPToken.list(value)
            case "expect": expect = value.lowercased()
            default: break
            }
        }
        if minorVersion >= 1 {
            guard hosts == 1 else { throw .bad(hosts == 0 ? "missing required Host header" : "too many Host headers") }
            keepAlive = !connectionTokens.contains("close")
        } else {
            keepAlive = connectionTokens.contains("keep-alive") && !connectionTokens.contains("close")
        }
        if let codings = transferCodings {
            guard contentLength == nil else { throw .bad("both Transfer-Encoding and Content-Length") }
            guard minorVersion >= 1 else { throw .bad("Transfer-Encoding in an HTTP/1.0 request") }
            guard codings.last == "chunked" else {
                if codings.allSatisfy({ ["chunked", "gzip", "deflate", "compress", "identity"].contains($0) }) {
                    throw .bad("chunked must be the last transfer coding")
                }
                throw HTTPRequestFailure(status: 501, reason: .unsupportedFeature, message: "unsupported transfer encoding")
            }
            guard codings.count == 1 else {
                throw HTTPRequestFailure(status: 501, reason: .unsupportedFeature, message: "unsupported transfer encoding")
            }
            body = .chunked
        } else if let text = contentLength {
            body = .length(try Self.parseLength(text, max: maxBodyBytes))
        }
        if let expect, minorVersion >= 1 {
            guard expect == "100-continue" else {
                throw HTTPRequestFailure(status: 417, reason: .unsupportedFeature, message: "unsupported Expect header")
            }
            expectContinue = body != .none && body != .length(0)
        }
    }

    /// A Content-Length value: decimal digits only, checked against `max` without overflow.
    private static func parseLength(_ text: String, max: Int) throws(HTTPRequestFailure) -> Int {
        guard !text.isEmpty else { throw .bad("invalid Content-Length") }
        var value = 0
        for byte in text.utf8 {
            guard let d = HTTPToken.digit(byte) else { throw .bad("invalid Content-Length") }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(d)
            if o1 || o2 || sum > max { throw .bodyTooLarge }
            value = sum
        }
        return value
    }
}
