import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        let fd = try connect(host: host, port: port)
        defer { close(fd) }
        var head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: labctl-alertmanager\r\n"
        head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers where !name.contains("\r") && !name.contains("\n") && !value.contains("\n") {
            head += "\(name): \(value)\r\n"
        }
        head += "\r\n"
        try writeAll(fd, Data(head.utf8) + body)
        let response = try readHead(fd)
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

    // MARK: - Sockets

    private func connect(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw NotifyError(message: "cannot resolve host \"\(host)\"")
        }
        defer { freeaddrinfo(first) }
        var lastError = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            setTimeouts(fd)
            let flags = fcntl(fd, F_GETFL, 0)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            var ok = systemConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
            if !ok, errno == EINPROGRESS {
                var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&pfd, 1, Int32(timeout * 1000)) == 1 {
                    var err: Int32 = 0
                    var len = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
                    ok = err == 0
                    if !ok { lastError = String(cString: strerror(err)) }
                } else {
                    lastError = "connection timed out"
                }
            } else if !ok {
                lastError = String(cString: strerror(errno))
            }
            if ok {
                _ = fcntl(fd, F_SETFL, flags)
                return fd
            }
            close(fd)
        }
        throw NotifyError(message: "cannot connect to \(host):\(port): \(lastError)")
    }

    private func setTimeouts(_ fd: Int32) {
        let seconds = max(0.001, timeout)
        var tv = timeval()
        tv.tv_sec = .init(Int(seconds))
        tv.tv_usec = .init(Int((seconds - Double(Int(seconds))) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, size)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, size)
    }

    private func writeAll(_ fd: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { throw NotifyError(message: "write failed: \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }

    /// Reads until the end of the response head (or the connection closes, or the limit).
    private func readHead(_ fd: Int32) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var data = Data()
        while data.count < maxResponseBytes {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { throw NotifyError(message: "read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if data.range(of: Data("\r\n\r\n".utf8)) != nil { break }
        }
        return String(decoding: data, as: UTF8.self)
    }
}

#if canImport(Darwin)
private func systemConnect(_ fd: Int32, _ addr: UnsafePointer<sockaddr>!, _ len: socklen_t) -> Int32 {
    Darwin.connect(fd, addr, len)
}
#elseif canImport(Musl)
private func systemConnect(_ fd: Int32, _ addr: UnsafePointer<sockaddr>!, _ len: socklen_t) -> Int32 {
    Musl.connect(fd, addr, len)
}
#else
private func systemConnect(_ fd: Int32, _ addr: UnsafePointer<sockaddr>!, _ len: socklen_t) -> Int32 {
    Glibc.connect(fd, addr, len)
}
#endif
