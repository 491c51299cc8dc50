import Foundation
@testable import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The kept-alive client of `labctl load` against scripted raw peers: responses split across
/// writes, a server that closes after every answer without saying so.
final class LoadKeepAliveClientTests: XCTestCase {
    /// A one-thread server on 127.0.0.1 that answers each of `connections` connections with
    /// `script` (the pieces are written with pauses), then closes it.
    private final class ScriptedPeer: @unchecked Sendable {
        let port: Int
        private let fd: Int32

        init(connections: Int, script: [String]) throws {
            let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) == 0 && listen(s, 8) == 0 && getsockname(s, $0, &len) == 0 }
            }
            guard s >= 0, ok else { throw LoadError("listen failed") }
            fd = s
            port = Int(UInt16(bigEndian: addr.sin_port))
            var tv = timeval()
            tv.tv_sec = 5
            setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            Thread { [fd] in
                defer { close(fd) }
                var buffer = [UInt8](repeating: 0, count: 4096)
                for _ in 0..<connections {
                    let c = accept(fd, nil, nil)
                    if c < 0 { return }
                    var timeout = timeval()
                    timeout.tv_sec = 5
                    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    _ = recv(c, &buffer, buffer.count, 0)
                    for piece in script {
                        _ = piece.withCString { send(c, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                        usleep(30_000)
                    }
                    close(c)
                }
            }.start()
        }
    }

    func testAChunkedBodyWrittenInPiecesIsReadWhole() throws {
        let peer = try ScriptedPeer(connections: 1, script: [
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "5\r\nhello\r\n", "6\r\n world\r\n", "0\r\n\r\n",
        ])
        let client = HTTPKeepAliveClient()
        let exchange = try client.send(HTTPRequest(host: "127.0.0.1", port: peer.port, target: "/"), timeout: 5)
        XCTAssertEqual(exchange.response.text, "hello world")
        XCTAssertEqual(exchange.response.status, 200)
        XCTAssertGreaterThan(exchange.bytesReceived, 11)
    }

    func testAConnectionClosedWhileIdleIsReplacedOnce() throws {
        let peer = try ScriptedPeer(connections: 2, script: ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"])
        let client = HTTPKeepAliveClient()
        let request = HTTPRequest(host: "127.0.0.1", port: peer.port, target: "/")
        XCTAssertEqual(try client.send(request, timeout: 5).response.text, "ok")
        Thread.sleep(forTimeInterval: 0.1)  // the peer has closed the kept connection
        let second = try client.send(request, timeout: 5)
        XCTAssertEqual(second.response.text, "ok")
        XCTAssertFalse(second.reused)
        XCTAssertEqual(client.connectionsOpened, 2)
    }

    func testConnectionCloseAndUnframedBodiesAreNotReused() throws {
        let peer = try ScriptedPeer(connections: 1, script: ["HTTP/1.1 200 OK\r\n\r\nuntil close"])
        let client = HTTPKeepAliveClient()
        let exchange = try client.send(HTTPRequest(host: "127.0.0.1", port: peer.port, target: "/"), timeout: 5)
        XCTAssertEqual(exchange.response.text, "until close")
        XCTAssertThrowsError(try client.send(HTTPRequest(host: "127.0.0.1", port: peer.port, target: "/"), timeout: 1))
    }
}
