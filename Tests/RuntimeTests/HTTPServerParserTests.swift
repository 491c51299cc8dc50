import XCTest
@testable import Runtime

/// ``HTTPRequestParser`` without sockets: requests split at every byte, pipelining, limits.
final class HTTPServerParserTests: XCTestCase {
    private let limits = HTTPRequestParser.Limits(maxRequestLineBytes: 100, maxHeaderBytes: 200, maxBodyBytes: 50)

    private func parse(_ chunks: [String]) -> [String] {
        var parser = HTTPRequestParser(limits: limits, remoteAddress: "127.0.0.1:1")
        var events: [String] = []
        for chunk in chunks {
            parser.append(Array(chunk.utf8))
            loop: while true {
                switch parser.next() {
                case .needMore: break loop
                case .sendContinue: events.append("100")
                case .request(let parsed):
                    let r = parsed.request
                    events.append("\(r.method) \(r.path) q=\(r.rawQuery) body=\(String(decoding: r.body, as: UTF8.self)) keep=\(parsed.keepAlive)")
                case .failure(let failure):
                    events.append("\(failure.status) \(failure.message)")
                    break loop
                }
            }
            if events.last?.first == "4" || events.last?.first == "5" { break }
        }
        return events
    }

    func testEveryByteSplitGivesTheSameRequests() {
        let raw = "POST /a?x=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;e=1\r\nde\r\n0\r\n\r\n"
            + "GET /b HTTP/1.0\r\n\r\n"
        let expected = ["POST /a q=x=1 body=abcde keep=true", "GET /b q= body= keep=false"]
        XCTAssertEqual(parse([raw]), expected)
        XCTAssertEqual(parse(raw.map { String($0) }), expected)
        let bytes = Array(raw.utf8)
        for split in 1..<bytes.count {
            let chunks = [String(decoding: bytes[0..<split], as: UTF8.self), String(decoding: bytes[split...], as: UTF8.self)]
            XCTAssertEqual(parse(chunks), expected, "split at \(split)")
        }
    }

    func testBareLineFeedsAndLeadingEmptyLinesAreTolerated() {
        XCTAssertEqual(parse(["\r\nGET /x HTTP/1.1\nHost: h\n\n"]), ["GET /x q= body= keep=true"])
    }

    func testContinueIsAskedOnlyWhenTheBodyHasNotStarted() {
        XCTAssertEqual(parse(["PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n", "ok"]),
                       ["100", "PUT / q= body=ok keep=true"])
        XCTAssertEqual(parse(["PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"]),
                       ["PUT / q= body=ok keep=true"])
    }

    func testLimitsAreCheckedBeforeTheRequestIsComplete() {
        XCTAssertEqual(parse(["GET /" + String(repeating: "a", count: 200)]), ["414 request line too long"])
        XCTAssertEqual(parse(["GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "b", count: 300)]),
                       ["431 request header fields too large"])
        XCTAssertEqual(parse(["POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 51\r\n\r\n"]), ["413 request body too large"])
        XCTAssertEqual(parse(["POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 50\r\n\r\n", String(repeating: "c", count: 50)]).count, 1)
    }

    func testAFailureIsFinal() {
        var parser = HTTPRequestParser(limits: limits, remoteAddress: "")
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .failure(let first) = parser.next(), case .failure(let second) = parser.next() else {
            return XCTFail("expected failures")
        }
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.status, 400)
    }

    func testOriginForm() {
        XCTAssertEqual(HTTPRequestHead.originForm("http://h:1/p?q", method: "GET"), "/p?q")
        XCTAssertEqual(HTTPRequestHead.originForm("HTTP://h", method: "GET"), "/")
        XCTAssertEqual(HTTPRequestHead.originForm("http://h?q=1", method: "GET"), "/?q=1")
        XCTAssertNil(HTTPRequestHead.originForm("http:///p", method: "GET"))
        XCTAssertNil(HTTPRequestHead.originForm("*", method: "GET"))
        XCTAssertNil(HTTPRequestHead.originForm("h:443", method: "CONNECT"))
    }

    func testWireHeadFraming() {
        let date = "Sun, 06 Nov 1994 08:49:37 GMT"
        let response = HTTPServerResponse.plain(200, "hi")
        let (head, sendBody) = response.wireHead(keepAlive: true, isHead: false, date: date)
        XCTAssertEqual(String(decoding: head, as: UTF8.self),
                       "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nDate: \(date)\r\nConnection: keep-alive\r\n\r\n")
        XCTAssertTrue(sendBody)
        XCTAssertFalse(response.wireHead(keepAlive: false, isHead: true, date: date).sendBody)
        XCTAssertTrue(String(decoding: HTTPServerResponse(status: 417).wireHead(keepAlive: false, isHead: false, date: date).head,
                             as: UTF8.self).hasPrefix("HTTP/1.1 417 Expectation Failed\r\n"))
        XCTAssertTrue(HTTPDate().now.hasSuffix(" GMT"))
    }
}
