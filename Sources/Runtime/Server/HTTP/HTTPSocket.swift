import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX socket calls the server makes, in one place (names that clash with members elsewhere,
/// platform differences, `EINTR` and `SIGPIPE` handled here).
enum HTTPSocket {
    /// Result of a non-blocking read.
    enum ReadResult {
        case data(Int)
        case wouldBlock
        case closed
        case failed
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static var errorText: String { String(cString: strerror(errno)) }

    static func close(_ fd: Int32) {
        #if canImport(Darwin)
        _ = Darwin.close(fd)
        #elseif canImport(Musl)
        _ = Musl.close(fd)
        #else
        _ = Glibc.close(fd)
        #endif
    }

    /// Shuts down the write side (`writeOnly`) or both sides of `fd`; the descriptor stays open.
    static func shutdown(_ fd: Int32, writeOnly: Bool) {
        #if canImport(Darwin)
        _ = Darwin.shutdown(fd, writeOnly ? SHUT_WR : SHUT_RDWR)
        #elseif canImport(Musl)
        _ = Musl.shutdown(fd, Int32(writeOnly ? SHUT_WR : SHUT_RDWR))
        #else
        _ = Glibc.shutdown(fd, Int32(writeOnly ? SHUT_WR : SHUT_RDWR))
        #endif
    }

    /// Non-blocking, close-on-exec, no delay; no SIGPIPE on macOS.
    static func configureAccepted(_ fd: Int32) {
        setNonBlocking(fd)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD, 0) | FD_CLOEXEC)
    }

    /// Reads into `buffer` without blocking.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        guard let base = buffer.baseAddress else { return .failed }
        while true {
            let n = recv(fd, base, buffer.count, 0)
            if n > 0 { return .data(n) }
            if n == 0 { return .closed }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .failed
        }
    }

    /// Sends what it can of `bytes` without blocking: the count sent, 0 when the socket
    /// is full, nil on an error.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        #if canImport(Darwin)
        let flags: Int32 = 0
        #else
        let flags = Int32(MSG_NOSIGNAL)
        #endif
        while true {
            #if canImport(Darwin)
            let n = Darwin.send(fd, base, bytes.count, flags)
            #elseif canImport(Musl)
            let n = Musl.send(fd, base, bytes.count, flags)
            #else
            let n = Glibc.send(fd, base, bytes.count, flags)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : nil
        }
    }

    /// Waits until `fd` is ready for `events` or `deadline` passes; false on time-out or error.
    static func wait(_ fd: Int32, events: Int16, deadline: Double) -> Bool {
        while true {
            let left = (deadline - now()) * 1000
            guard left > 0 else { return false }
            var pfd = pollfd(fd: fd, events: events, revents: 0)
            let r = poll(&pfd, 1, Int32(min(left.rounded(.up), 3_600_000)))
            if r > 0 { return pfd.revents & (Int16(POLLERR) | Int16(POLLNVAL)) == 0 || pfd.revents & events != 0 }
            if r == 0 { return false }
            if errno != EINTR { return false }
        }
    }

    /// `host:port` of a socket address (`[::1]:port` for IPv6), numeric.
    static func describe(_ address: UnsafePointer<sockaddr>, length: socklen_t) -> String {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        guard getnameinfo(address, length, &host, socklen_t(host.count), &service, socklen_t(service.count),
                          NI_NUMERICHOST | NI_NUMERICSERV) == 0 else { return "" }
        func text(_ chars: [CChar]) -> String {
            String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let h = text(host), s = text(service)
        return h.contains(":") ? "[\(h)]:\(s)" : "\(h):\(s)"
    }
}
