import Foundation
import XCTest
@testable import Runtime

/// Malformed and oversized requests over real sockets: each is answered by the server itself in
/// plain text, the connection is closed, the handler is never called, and the server keeps serving.
final class HTTPServerBadRequestTests: XCTestCase {
    private typealias Support = HTTPServerTestSupport

    /// Counts handler calls (there must be none for a bad request).
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func bump() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    private func server(_ configuration: HTTPServerConfiguration = HTTPServerConfiguration()) throws -> (HTTPServer, Counter) {
        let counter = Counter()
        let server = try Support.start(self, configuration, handler: HTTPClosureHandler { request in
            counter.bump()
            return .plain(200, "ok \(request.path)")
        })
        return (server, counter)
    }

    /// Sends `raw` on a new connection and returns the response; asserts the connection closes.
    private func reject(_ server: HTTPServer, _ raw: String, file: StaticString = #filePath,
                        line: UInt = #line) throws -> HTTPServerTestClient.Response {
        let client = try HTTPServerTestClient(port: server.boundPort)
        let response = try client.exchange(raw)
        XCTAssertEqual(response.header("Connection"), "close", file: file, line: line)
        XCTAssertEqual(response.header("Content-Type"), "text/plain; charset=utf-8", file: file, line: line)
        XCTAssertTrue(client.isClosedByServer(), "connection left open", file: file, line: line)
        return response
    }

    func testMalformedRequestsGet400AndNeverReachTheHandler() throws {
        let (server, counter) = try server()
        let cases: [(String, String)] = [
            ("GARBAGE\r\n\r\n", "malformed request line"),
            ("GET /\r\nHost: t\r\n\r\n", "malformed request line"),
            ("GET  / HTTP/1.1\r\nHost: t\r\n\r\n", "malformed request line"),
            ("G(T / HTTP/1.1\r\nHost: t\r\n\r\n", "invalid method"),
            ("GET relative HTTP/1.1\r\nHost: t\r\n\r\n", "invalid request target"),
            ("GET / HTTX/1.1\r\nHost: t\r\n\r\n", "malformed HTTP version"),
            ("GET / HTTP/1.1\r\nHost: t\r\nNoColonHere\r\n\r\n", "malformed header line (no colon)"),
            ("GET / HTTP/1.1\r\nHost: t\r\nBad Name: v\r\n\r\n", "invalid header name"),
            ("GET / HTTP/1.1\r\nHost : t\r\n\r\n", "invalid header name"),
            ("GET / HTTP/1.1\r\nHost: t\r\nX-A: one\r\n  folded\r\n\r\n", "obsolete line folding in header"),
            ("GET / HTTP/1.1\r\nHost: t\r\nX-A: a\u{01}b\r\n\r\n", "invalid header value"),
            ("GET / HTTP/1.1\r\n\r\n", "missing required Host header"),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "too many Host headers"),
            ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", "duplicate Content-Length header"),
            ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 3\r\n\r\nabc", "invalid Content-Length"),
            ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
             "both Transfer-Encoding and Content-Length"),
            ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", "invalid chunk size"),
            ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
             "invalid chunk: missing CRLF after data"),
            ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", "chunked must be the last transfer coding"),
        ]
        for (raw, message) in cases {
            let response = try reject(server, raw)
            XCTAssertEqual(response.status, 400, raw.debugDescription)
            XCTAssertEqual(response.text, message + "\n", raw.debugDescription)
        }
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(server.stats.rejects(.badRequest), cases.count)
        XCTAssertEqual(try HTTPServerTestClient(port: server.boundPort).exchange("GET /still HTTP/1.1\r\nHost: t\r\n\r\n").text,
                       "ok /still")
    }

    func testUnsupportedVersionAndCodings() throws {
        let (server, counter) = try server()
        XCTAssertEqual(try reject(server, "GET / HTTP/2.0\r\nHost: t\r\n\r\n").status, 505)
        XCTAssertEqual(try reject(server, "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").status, 501)
        XCTAssertEqual(try reject(server, "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: foo\r\n\r\n").status, 501)
        // chunked not last: the length cannot be known, 400 (RFC 9112 §6.3).
        XCTAssertEqual(try reject(server, "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n").status, 400)
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(server.stats.rejects(.unsupportedVersion), 1)
    }

    func testLongRequestLineGets414() throws {
        let (server, counter) = try server(HTTPServerConfiguration(maxRequestLineBytes: 8192))
        let path = "/" + String(repeating: "a", count: 9000)
        XCTAssertEqual(try reject(server, "GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n").status, 414)
        // Refused before the line ends: the client need not send it all.
        let client = try HTTPServerTestClient(port: server.boundPort)
        try client.send("GET /" + String(repeating: "b", count: 10000))
        XCTAssertEqual(try client.readResponse().status, 414)
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(server.stats.rejects(.requestLineTooLong), 2)
        // Just under the limit is fine.
        let fits = "/" + String(repeating: "c", count: 8000)
        XCTAssertEqual(try HTTPServerTestClient(port: server.boundPort).exchange("GET \(fits) HTTP/1.1\r\nHost: t\r\n\r\n").status, 200)
    }

    func testHugeHeadersGet431() throws {
        let (server, counter) = try server(HTTPServerConfiguration(maxHeaderBytes: 4096))
        var raw = "GET / HTTP/1.1\r\nHost: t\r\n"
        for i in 0..<200 { raw += "X-Filler-\(i): \(String(repeating: "v", count: 40))\r\n" }
        XCTAssertEqual(try reject(server, raw + "\r\n").status, 431)
        let one = try reject(server, "GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "x", count: 5000))\r\n\r\n")
        XCTAssertEqual(one.status, 431)
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(server.stats.rejects(.headersTooLarge), 2)
    }

    func testDeclared100MBBodyGets413BeforeTheBodyAndTheServerKeepsServing() throws {
        let (server, counter) = try server(HTTPServerConfiguration(maxBodyBytes: 32 << 20))
        let client = try HTTPServerTestClient(port: server.boundPort)
        try client.send("POST /api/v1/write HTTP/1.1\r\nHost: t\r\nContent-Length: \(100 << 20)\r\n\r\n")
        // The client starts sending its body; the answer is already there.
        try client.send([UInt8](repeating: 0x61, count: 64 * 1024))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413)
        XCTAssertEqual(response.text, "request body too large\n")
        XCTAssertTrue(client.isClosedByServer())
        // An absurd length (overflowing Int) is a 413 too, not a crash.
        XCTAssertEqual(try reject(server, "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n").status, 413)
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(try HTTPServerTestClient(port: server.boundPort).exchange("GET /after HTTP/1.1\r\nHost: t\r\n\r\n").text,
                       "ok /after")
        XCTAssertEqual(server.stats.rejects(.bodyTooLarge), 2)
    }

    func testChunkedBodyBeyondTheLimitGets413() throws {
        let (server, _) = try server(HTTPServerConfiguration(maxBodyBytes: 1000))
        let chunk = String(repeating: "z", count: 600)
        let raw = "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n"
        XCTAssertEqual(try reject(server, raw).status, 413)
        let huge = "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n"
        XCTAssertEqual(try reject(server, huge).status, 413)
    }

    func testBodyTimeoutGets408() throws {
        let (server, counter) = try server(HTTPServerConfiguration(bodyTimeout: 0.3))
        let client = try HTTPServerTestClient(port: server.boundPort)
        try client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertEqual(response.text, "timed out reading the request body\n")
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(server.stats.rejects(.bodyTimeout), 1)
    }

    func testAClientThatDoesNotReadIsDroppedAfterTheWriteTimeout() throws {
        let big = [UInt8](repeating: 0x62, count: 64 << 20)
        let server = try Support.start(self, HTTPServerConfiguration(writeTimeout: 0.3), handler: HTTPClosureHandler { request in
            request.path == "/big" ? HTTPServerResponse(status: 200, body: big) : .plain(200, "small")
        })
        let reader = try HTTPServerTestClient(port: server.boundPort)
        try reader.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertTrue(Support.eventually(10) { server.stats.rejects(.writeTimeout) == 1 })
        XCTAssertTrue(Support.eventually { server.stats.openConnections == 0 })
        XCTAssertEqual(try HTTPServerTestClient(port: server.boundPort).exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n").text, "small")
        let histogram = server.stats.durationHistogram
        XCTAssertEqual(histogram.last?.count, 2)
        XCTAssertEqual(histogram.last?.le, .infinity)
    }

    func testIdleKeepAliveConnectionIsClosedAfterIdleTimeout() throws {
        let (server, _) = try server(HTTPServerConfiguration(idleTimeout: 0.3))
        let client = try HTTPServerTestClient(port: server.boundPort)
        XCTAssertEqual(try client.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n").status, 200)
        XCTAssertTrue(client.isClosedByServer())
        XCTAssertTrue(Support.eventually { server.stats.idleTimeouts == 1 && server.stats.openConnections == 0 })
    }
}
