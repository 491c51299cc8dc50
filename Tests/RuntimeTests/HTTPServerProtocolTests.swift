import Foundation
import XCTest
@testable import Runtime

/// HTTP/1.x semantics of ``HTTPServer`` over real sockets on 127.0.0.1: keep-alive, pipelining,
/// HTTP/1.0, chunked bodies, HEAD, 100-continue, absolute-form targets, handler swap.
final class HTTPServerProtocolTests: XCTestCase {
    private typealias Support = HTTPServerTestSupport

    func testKeepAliveServesManySequentialRequestsOnOneConnection() throws {
        let server = try Support.start(self)
        let client = try HTTPServerTestClient(port: server.boundPort)
        for i in 0..<200 {
            let response = try client.exchange("GET /item/\(i)?n=\(i) HTTP/1.1\r\nHost: t\r\n\r\n")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, "GET /item/\(i)?n=\(i)")
            XCTAssertEqual(response.header("Connection"), "keep-alive")
            XCTAssertEqual(response.header("Content-Length"), String(response.body.count))
            XCTAssertEqual(response.header("Content-Type"), "text/plain; charset=utf-8")
            XCTAssertTrue(response.header("Date")?.hasSuffix(" GMT") ?? false)
        }
        let stats = server.stats
        XCTAssertEqual(stats.requests, 200)
        XCTAssertEqual(stats.connectionsAccepted, 1)
        XCTAssertEqual(stats.responses(200), 200)
        XCTAssertGreaterThan(stats.bytesReceived, 200 * 20)
        XCTAssertGreaterThan(stats.bytesSent, 200 * 60)
        XCTAssertEqual(server.boundAddress, "127.0.0.1:\(server.boundPort)")
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let server = try Support.start(self)
        let client = try HTTPServerTestClient(port: server.boundPort)
        var batch = ""
        for i in 0..<20 { batch += "GET /p/\(i) HTTP/1.1\r\nHost: t\r\n\r\n" }
        batch += "POST /p/last HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
        try client.send(batch)
        for i in 0..<20 { XCTAssertEqual(try client.readResponse().text, "GET /p/\(i)") }
        XCTAssertEqual(try client.readResponse().text, "POST /p/last body=abc")
        // A bad request behind good ones: the good ones are answered, then 400 and close.
        try client.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\nGARBAGE\r\n\r\nGET /never HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(try client.readResponse().text, "GET /ok")
        XCTAssertEqual(try client.readResponse().status, 400)
        XCTAssertTrue(client.isClosedByServer())
        // Pipelined 100-continue behind a request.
        let other = try HTTPServerTestClient(port: server.boundPort)
        try other.send("GET /first HTTP/1.1\r\nHost: t\r\n\r\nPUT /second HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        XCTAssertEqual(try other.readResponse().text, "GET /first")
        XCTAssertEqual(try other.readResponse().status, 100)
        try other.send("hi")
        XCTAssertEqual(try other.readResponse().text, "PUT /second body=hi")
    }

    func testHTTP10ClosesUnlessKeepAliveIsAsked() throws {
        let server = try Support.start(self)
        let plain = try HTTPServerTestClient(port: server.boundPort)
        let response = try plain.exchange("GET /old HTTP/1.0\r\n\r\n")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, "GET /old")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(plain.isClosedByServer())

        let kept = try HTTPServerTestClient(port: server.boundPort)
        let first = try kept.exchange("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        XCTAssertEqual(first.header("Connection"), "keep-alive")
        XCTAssertEqual(try kept.exchange("GET /b HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").text, "GET /b")
    }

    func testConnectionCloseFromClientOrHandlerClosesAfterTheResponse() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { request in
            request.path == "/bye" ? HTTPServerResponse(status: 200, headers: [("Connection", "close")], body: Array("bye".utf8))
                : .plain(200, "hi")
        })
        let client = try HTTPServerTestClient(port: server.boundPort)
        let response = try client.exchange("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(client.isClosedByServer())

        let other = try HTTPServerTestClient(port: server.boundPort)
        let bye = try other.exchange("GET /bye HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(bye.text, "bye")
        XCTAssertEqual(bye.header("Connection"), "close")
        XCTAssertTrue(other.isClosedByServer())
    }

    func testChunkedRequestBodyIsDecoded() throws {
        let server = try Support.start(self)
        let client = try HTTPServerTestClient(port: server.boundPort)
        let request = "POST /w HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n"
        XCTAssertEqual(try client.exchange(request).text, "POST /w body=hello world")
        // The connection stays usable after a chunked body.
        XCTAssertEqual(try client.exchange("GET /next HTTP/1.1\r\nHost: t\r\n\r\n").text, "GET /next")
        // Sent one byte at a time, the same body.
        for byte in Array(request.utf8) { try client.send([byte]) }
        XCTAssertEqual(try client.readResponse().text, "POST /w body=hello world")
    }

    func testHeadSendsContentLengthWithoutBody() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { _ in .plain(200, "twelve bytes") })
        let client = try HTTPServerTestClient(port: server.boundPort)
        let head = try client.exchange("HEAD /x HTTP/1.1\r\nHost: t\r\n\r\n", isHead: true)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), "12")
        // No body bytes were sent: the next response starts right away.
        let get = try client.exchange("GET /x HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(get.text, "twelve bytes")
    }

    func testExpect100ContinueGetsTheInterimResponseBeforeTheBody() throws {
        let server = try Support.start(self)
        let client = try HTTPServerTestClient(port: server.boundPort)
        try client.send("PUT /up HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        let interim = try client.readResponse()
        XCTAssertEqual(interim.status, 100)
        try client.send("data")
        XCTAssertEqual(try client.readResponse().text, "PUT /up body=data")
        // An Expect the server does not know: 417, closed.
        let other = try HTTPServerTestClient(port: server.boundPort)
        let refused = try other.exchange("PUT /up HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: teapot\r\n\r\n")
        XCTAssertEqual(refused.status, 417)
    }

    func testAbsoluteFormTargetAndTokenMethods() throws {
        let server = try Support.start(self)
        let client = try HTTPServerTestClient(port: server.boundPort)
        let absolute = try client.exchange("GET http://example.org:9090/api/v1/query?query=up HTTP/1.1\r\nHost: example.org\r\n\r\n")
        XCTAssertEqual(absolute.text, "GET /api/v1/query?query=up")
        let encoded = try client.exchange("GET /api/v1/label/job%20name/values HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(encoded.text, "GET /api/v1/label/job name/values")
        let custom = try client.exchange("PURGE /cache HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(custom.text, "PURGE /cache")
        let options = try client.exchange("OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(options.status, 200)
    }

    func testFormBodyReachesTheRequestHelpers() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { request in
            .plain(200, request.formValues("match[]").joined(separator: "|") + ";" + (request.formValue("query") ?? "-"))
        })
        let client = try HTTPServerTestClient(port: server.boundPort)
        let body = "query=rate(x%5B5m%5D)&match[]=b"
        let response = try client.exchange("POST /api/v1/query?match[]=a HTTP/1.1\r\nHost: t\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        XCTAssertEqual(response.text, "a|b;rate(x[5m])")
    }

    func testHandlerSwapTakesEffectForTheNextRequest() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { _ in .plain(200, "old") })
        let client = try HTTPServerTestClient(port: server.boundPort)
        XCTAssertEqual(try client.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n").text, "old")
        server.handler = HTTPClosureHandler { _ in .plain(200, "new") }
        XCTAssertEqual(try client.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n").text, "new")
    }

    func testInvalidHandlerResponsesAreSanitized() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { request in
            switch request.path {
            case "/status": return HTTPServerResponse(status: 42, body: Array("x".utf8))
            case "/inject": return HTTPServerResponse(status: 200, headers: [("X-Ok", "1"), ("X-Bad", "a\r\nSet-Cookie: evil"),
                                                                            ("Bad Name", "v"), ("Content-Length", "999")],
                                                      body: Array("body".utf8))
            default: return HTTPServerResponse(status: 204, body: Array("ignored".utf8))
            }
        })
        let client = try HTTPServerTestClient(port: server.boundPort)
        XCTAssertEqual(try client.exchange("GET /status HTTP/1.1\r\nHost: t\r\n\r\n").status, 500)
        let injected = try client.exchange("GET /inject HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(injected.text, "body")
        XCTAssertEqual(injected.header("X-Ok"), "1")
        XCTAssertNil(injected.header("X-Bad"))
        XCTAssertNil(injected.header("Set-Cookie"))
        XCTAssertEqual(injected.header("Content-Length"), "4")
        let empty = try client.exchange("GET /none HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(empty.status, 204)
        XCTAssertNil(empty.header("Content-Length"))
        XCTAssertEqual(try client.exchange("GET /inject HTTP/1.1\r\nHost: t\r\n\r\n").status, 200)
    }

    func testOurHTTPClientTalksToTheServer() throws {
        let server = try Support.start(self)
        let response = try HTTPClient(timeout: 5).get("http://127.0.0.1:\(server.boundPort)/metrics?x=1")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "GET /metrics?x=1")
    }

    func testListensOnIPv6Loopback() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "::1", port: 0), handler: Support.echo)
        do { try server.start() } catch { throw XCTSkip("no IPv6 loopback here: \(error)") }
        defer { server.shutdown(grace: 1) }
        XCTAssertEqual(server.boundAddress, "[::1]:\(server.boundPort)")
        let response = try HTTPClient(timeout: 5).get("http://[::1]:\(server.boundPort)/six")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "GET /six")
    }

    func testStartOnAnAddressInUseThrowsAClearError() throws {
        let first = try Support.start(self)
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: first.boundPort), handler: Support.echo)
        XCTAssertThrowsError(try second.start()) { error in
            guard let error = error as? HTTPServerError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.isAddressInUse)
            XCTAssertEqual(error.description, "listen tcp 127.0.0.1:\(first.boundPort): bind: address already in use")
        }
        XCTAssertThrowsError(try first.start())
        let bad = HTTPServer(configuration: HTTPServerConfiguration(host: "no-such-host.invalid", port: 0), handler: Support.echo)
        XCTAssertThrowsError(try bad.start()) { error in
            XCTAssertTrue((error as? HTTPServerError)?.isResolveFailure ?? false, "\(error)")
        }
        second.shutdown(grace: 0)
        second.wait()
    }
}
