import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking TCP connection whose every operation respects one absolute deadline.
final class HTTPConnection {
    let fd: Int32
    /// The absolute deadline of the current exchange (moved per request on a kept-alive connection).
    var deadline: Double
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private init(fd: Int32, deadline: Double) {
        self.fd = fd
        self.deadline = deadline
    }

    deinit { close(fd) }

    private var remainingMilliseconds: Int32 {
        let left = (deadline - Self.now()) * 1000
        return left <= 0 ? 0 : Int32(min(left, 3_600_000))
    }

    /// Connects to `host:port` (every resolved address in turn) before `deadline`.
    static func open(host: String, port: Int, deadline: Double) throws -> HTTPConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw HTTPClientError(.resolve, "cannot resolve host \"\(host)\"")
        }
        defer { freeaddrinfo(first) }
        var lastError = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            let connection = HTTPConnection(fd: fd, deadline: deadline)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if systemConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return connection }
            if errno != EINPROGRESS {
                lastError = String(cString: strerror(errno))
                continue
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&pfd, 1, connection.remainingMilliseconds)
            if ready == 1 {
                var err: Int32 = 0
                var len = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
                if err == 0 { return connection }
                lastError = String(cString: strerror(err))
            } else {
                throw HTTPClientError(.timeout, "connect to \(host):\(port): context deadline exceeded")
            }
        }
        throw HTTPClientError(.connect, "dial tcp \(host):\(port): connect: \(lastError)")
    }

    /// Writes all of `bytes` before the deadline.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 { offset += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                try wait(events: Int16(POLLOUT))
                continue
            }
            throw HTTPClientError(.io, "write: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads what is available (waiting until the deadline); an empty result means the peer closed.
    func read() throws -> ArraySlice<UInt8> {
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { return buffer[0..<n] }
            if n == 0 { return [] }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(events: Int16(POLLIN))
                continue
            }
            throw HTTPClientError(.io, "read: \(String(cString: strerror(errno)))")
        }
    }

    private func wait(events: Int16) throws {
        let ms = remainingMilliseconds
        guard ms > 0 else { throw HTTPClientError(.timeout, "context deadline exceeded") }
        var pfd = pollfd(fd: fd, events: events, revents: 0)
        let r = poll(&pfd, 1, ms)
        if r == 0 { throw HTTPClientError(.timeout, "context deadline exceeded") }
        if r < 0 && errno != EINTR { throw HTTPClientError(.io, "poll: \(String(cString: strerror(errno)))") }
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
