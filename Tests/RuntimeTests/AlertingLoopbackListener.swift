import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP server on 127.0.0.1 for tests: accepts up to `maxRequests` connections on a background
/// thread, records each request (head and body, bounded), answers with `status`, and stops after a
/// timeout.
final class AlertingLoopbackListener: @unchecked Sendable {
    struct Request {
        var head: String
        var body: String
    }

    private let lock = NSLock()
    private var received: [Request] = []
    private let fd: Int32
    let port: Int

    init(status: Int = 200, maxRequests: Int = 4, timeoutSeconds: Int = 10) throws {
        #if canImport(Darwin)
        let s = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard s >= 0 else { throw NSError(domain: "listener", code: 1) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 8) == 0 else { close(s); throw NSError(domain: "listener", code: 2) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) }
        }
        fd = s
        port = Int(UInt16(bigEndian: addr.sin_port))
        var tv = timeval()
        tv.tv_sec = .init(timeoutSeconds)
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in self.serve(status: status, maxRequests: maxRequests) }
        thread.start()
    }

    var requests: [Request] { lock.withLock { received } }

    /// Waits until `count` requests arrived (or `seconds` passed).
    func wait(for count: Int, seconds: Double = 5) -> [Request] {
        let deadline = Date().addingTimeInterval(seconds)
        while requests.count < count, Date() < deadline { usleep(5_000) }
        return requests
    }

    private func serve(status: Int, maxRequests: Int) {
        defer { close(fd) }
        for _ in 0..<maxRequests {
            let c = accept(fd, nil, nil)
            if c < 0 { return }
            var tv = timeval()
            tv.tv_sec = 5
            setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            var expected: Int?
            while data.count < 1 << 20 {
                let n = recv(c, &buffer, buffer.count, 0)
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
                if expected == nil, let r = data.range(of: Data("\r\n\r\n".utf8)) {
                    let head = String(decoding: data[..<r.lowerBound], as: UTF8.self)
                    let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                    expected = r.upperBound + length
                }
                if let e = expected, data.count >= e { break }
            }
            let text = String(decoding: data, as: UTF8.self)
            let parts = text.components(separatedBy: "\r\n\r\n")
            lock.withLock { received.append(Request(head: parts.first ?? "", body: parts.dropFirst().joined(separator: "\r\n\r\n"))) }
            let reply = "HTTP/1.1 \(status) X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = reply.withCString { send(c, $0, strlen($0), 0) }
            close(c)
        }
    }
}
