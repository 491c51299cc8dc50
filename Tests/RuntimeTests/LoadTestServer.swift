import Foundation
@testable import Runtime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small keep-alive HTTP/1.1 server on 127.0.0.1 for the load tests: a thread per connection
/// (at most `maxConnections`), requests handed to an ``HTTPRequestHandler``, `Content-Length`
/// framing, idle connections closed after 5 s, everything closed by ``stop()``.
final class LoadTestServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let handler: any HTTPRequestHandler
    private let lock = NSLock()
    private var clients: Set<Int32> = []
    private var accepted = 0
    private var served = 0
    private var stopped = false
    private let maxConnections: Int

    init(maxConnections: Int = 256, handler: any HTTPRequestHandler) throws {
        self.handler = handler
        self.maxConnections = maxConnections
        #if canImport(Darwin)
        let s = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard s >= 0 else { throw LoadError("socket failed") }
        var one: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 128) == 0 else { close(s); throw LoadError("bind/listen failed") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) }
        }
        fd = s
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    /// A server answering with a closure.
    convenience init(_ body: @escaping @Sendable (HTTPServerRequest) -> HTTPServerResponse) throws {
        try self.init(handler: HTTPClosureHandler(body))
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    /// Connections accepted and requests answered so far.
    var counts: (connections: Int, requests: Int) { lock.withLock { (accepted, served) } }

    func stop() {
        let open: Set<Int32>? = lock.withLock {
            if stopped { return nil }
            stopped = true
            return clients
        }
        guard let open else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        for c in open { shutdown(c, Int32(SHUT_RDWR)) }
    }

    deinit { stop() }

    private func acceptLoop() {
        while true {
            let c = accept(fd, nil, nil)
            if c < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR { continue }
                return
            }
            let admitted: Bool = lock.withLock {
                guard !stopped, clients.count < maxConnections else { return false }
                clients.insert(c)
                accepted += 1
                return true
            }
            guard admitted else { close(c); continue }
            var tv = timeval()
            tv.tv_sec = 5
            setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in
                self.serve(c)
                _ = self.lock.withLock { self.clients.remove(c) }
                close(c)
            }
            thread.start()
        }
    }

    private func serve(_ c: Int32) {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            // Read one request head (and its body).
            var headEnd: Int?
            while headEnd == nil {
                if let end = Self.find(data, [13, 10, 13, 10]) { headEnd = end; break }
                guard data.count < 64 * 1024 else { return }
                let n = recv(c, &buffer, buffer.count, 0)
                if n <= 0 { return }
                data.append(contentsOf: buffer[0..<n])
            }
            guard let end = headEnd else { return }
            let head = String(decoding: data[0..<end], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count == 3 else { return }
            var headers: [(name: String, value: String)] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
            let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
            while data.count < end + 4 + length {
                let n = recv(c, &buffer, buffer.count, 0)
                if n <= 0 { return }
                data.append(contentsOf: buffer[0..<n])
            }
            let body = Array(data[(end + 4)..<(end + 4 + length)])
            data.removeFirst(end + 4 + length)
            let request = HTTPServerRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
            let response = handler.handle(request)
            let close = request.header("Connection")?.lowercased() == "close"
            var text = "HTTP/1.1 \(response.status) \(HTTPServerResponse.reason(response.status))\r\n"
            for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
            text += "Content-Length: \(response.body.count)\r\nConnection: \(close ? "close" : "keep-alive")\r\n\r\n"
            let bytes = Array(text.utf8) + response.body
            // Counted before the answer leaves, so a client that has its response sees it counted.
            lock.withLock { served += 1 }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return send(c, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                }
                if n <= 0 { return }
                offset += n
            }
            if close { return }
        }
    }

    private static func find(_ data: [UInt8], _ pattern: [UInt8]) -> Int? {
        guard data.count >= pattern.count else { return nil }
        for i in 0...(data.count - pattern.count) where data[i] == pattern[0] {
            if Array(data[i..<(i + pattern.count)]) == pattern { return i }
        }
        return nil
    }
}
