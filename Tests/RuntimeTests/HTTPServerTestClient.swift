import Foundation
import XCTest
@testable import Runtime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP/1.1 client over a blocking socket for the server tests: sends exactly the bytes a
/// test gives and reads responses one at a time (keeping what follows for pipelining). Every read
/// and write has a time-out, so a test cannot hang.
final class HTTPServerTestClient: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let fd: Int32
    private var pending: [UInt8] = []

    init(port: Int, timeout: Double = 5) throws {
        #if canImport(Darwin)
        let s = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard s >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var tv = timeval()
        tv.tv_sec = .init(Int(timeout))
        tv.tv_usec = .init(Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else {
            let message = String(cString: strerror(errno))
            close(s)
            throw Failure(description: "connect: \(message)")
        }
        fd = s
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Reads more bytes; false at end of stream (or an error / time-out).
    private func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return false }
        pending += buffer[0..<n]
        return true
    }

    /// The next response (a `100 Continue` is one too).
    func readResponse(isHead: Bool = false) throws -> Response {
        var headEnd: Int?
        while headEnd == nil {
            if let r = findHeadEnd() { headEnd = r; break }
            guard fill() else { throw Failure(description: "connection closed before a response (\(pending.count) bytes)") }
        }
        guard let end = headEnd else { throw Failure(description: "no head") }
        let headText = String(decoding: pending[0..<end], as: UTF8.self)
        pending.removeFirst(end + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw Failure(description: "bad status line \(statusLine)")
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let kv = line.split(separator: ":", maxSplits: 1)
            return (String(kv.first ?? ""), kv.count > 1 ? kv[1].trimmingCharacters(in: .whitespaces) : "")
        }
        var response = Response(status: status, headers: headers, body: [])
        if isHead || status < 200 || status == 204 || status == 304 { return response }
        let length = Int(response.header("Content-Length") ?? "") ?? 0
        while pending.count < length {
            guard fill() else { throw Failure(description: "connection closed inside a body") }
        }
        response.body = Array(pending[0..<length])
        pending.removeFirst(length)
        return response
    }

    /// Sends `text` and reads one response.
    func exchange(_ text: String, isHead: Bool = false) throws -> Response {
        try send(text)
        return try readResponse(isHead: isHead)
    }

    /// Whether the server closed the connection (end of stream with nothing more sent).
    func isClosedByServer() -> Bool {
        while fill() {}
        return pending.isEmpty
    }

    private func findHeadEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for i in 0...(pending.count - 4) where pending[i] == 13 && pending[i + 1] == 10 && pending[i + 2] == 13 && pending[i + 3] == 10 {
            return i
        }
        return nil
    }
}

/// Shared helpers of the server tests.
enum HTTPServerTestSupport {
    /// Answers `METHOD PATH?QUERY body=BODY`.
    static let echo = HTTPClosureHandler { request in
        var text = "\(request.method) \(request.path)"
        if !request.rawQuery.isEmpty { text += "?\(request.rawQuery)" }
        if !request.body.isEmpty { text += " body=\(String(decoding: request.body, as: UTF8.self))" }
        return .plain(200, text)
    }

    /// A started server on a free port (shut down when the test ends).
    static func start(_ test: XCTestCase, _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                      handler: any HTTPRequestHandler = echo) throws -> HTTPServer {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, handler: handler)
        try server.start()
        test.addTeardownBlock { server.shutdown(grace: 1) }
        return server
    }

    /// Polls `condition` every 10 ms for up to `seconds`.
    static func eventually(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}
