import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's listening socket: bound with `SO_REUSEADDR`, non-blocking, close-on-exec.
final class HTTPListener {
    let fd: Int32
    /// The port actually bound.
    let port: Int
    /// `127.0.0.1:PORT` (`[::1]:PORT` for IPv6).
    let address: String
    private var isClosed = false

    private init(fd: Int32, port: Int, address: String) {
        self.fd = fd
        self.port = port
        self.address = address
    }

    deinit { close() }

    /// Binds and listens on `host:port`.
    static func open(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> HTTPListener {
        let display = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        guard (0...65535).contains(port) else { throw .socket(display, "bind", "invalid port \(port)") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &list)
        guard lookup == 0, let first = list else {
            throw .resolve(display, String(cString: gai_strerror(lookup)))
        }
        defer { freeaddrinfo(first) }
        var failure = HTTPServerError.socket(display, "socket", "no address")
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else {
                failure = .socket(display, "socket", HTTPSocket.errorText)
                continue
            }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            if bindSocket(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
                failure = errno == EADDRINUSE ? .addressInUse(display) : .socket(display, "bind", HTTPSocket.errorText)
                HTTPSocket.close(fd)
                continue
            }
            if listen(fd, backlog) != 0 {
                failure = .socket(display, "listen", HTTPSocket.errorText)
                HTTPSocket.close(fd)
                continue
            }
            HTTPSocket.setNonBlocking(fd)
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let described = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> String in
                    guard getsockname(fd, address, &length) == 0 else { return "" }
                    return HTTPSocket.describe(address, length: length)
                }
            }
            let boundPort = described.split(separator: ":").last.flatMap { Int($0) } ?? port
            return HTTPListener(fd: fd, port: boundPort, address: described.isEmpty ? display : described)
        }
        throw failure
    }

    /// What ``accept()`` got.
    enum Accepted {
        /// A connection, configured (non-blocking, no delay), and the peer's address.
        case connection(fd: Int32, remote: String)
        /// None is waiting.
        case none
        /// accept failed otherwise (out of descriptors): try again later.
        case failed
    }

    /// The next pending connection.
    func accept() -> Accepted {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        while true {
            let result = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> (Int32, String) in
                    let fd = acceptSocket(self.fd, address, &length)
                    return (fd, fd >= 0 ? HTTPSocket.describe(address, length: length) : "")
                }
            }
            if result.0 >= 0 {
                HTTPSocket.configureAccepted(result.0)
                return .connection(fd: result.0, remote: result.1)
            }
            if errno == EINTR || errno == ECONNABORTED { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .none }
            return .failed
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        HTTPSocket.close(fd)
    }
}

#if canImport(Darwin)
private func bindSocket(_ fd: Int32, _ addr: UnsafePointer<sockaddr>?, _ len: socklen_t) -> Int32 { Darwin.bind(fd, addr, len) }
private func acceptSocket(_ fd: Int32, _ addr: UnsafeMutablePointer<sockaddr>?, _ len: UnsafeMutablePointer<socklen_t>) -> Int32 {
    Darwin.accept(fd, addr, len)
}
#elseif canImport(Musl)
private func bindSocket(_ fd: Int32, _ addr: UnsafePointer<sockaddr>?, _ len: socklen_t) -> Int32 { Musl.bind(fd, addr, len) }
private func acceptSocket(_ fd: Int32, _ addr: UnsafeMutablePointer<sockaddr>?, _ len: UnsafeMutablePointer<socklen_t>) -> Int32 {
    Musl.accept(fd, addr, len)
}
#else
private func bindSocket(_ fd: Int32, _ addr: UnsafePointer<sockaddr>?, _ len: socklen_t) -> Int32 { Glibc.bind(fd, addr, len) }
private func acceptSocket(_ fd: Int32, _ addr: UnsafeMutablePointer<sockaddr>?, _ len: UnsafeMutablePointer<socklen_t>) -> Int32 {
    Glibc.accept(fd, addr, len)
}
#endif
