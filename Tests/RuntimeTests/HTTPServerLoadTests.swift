import Foundation
import XCTest
@testable import Runtime
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// Many clients, slow clients, idle clients, the connection limit and graceful shutdown, over real
/// sockets on 127.0.0.1 (bounded in count and time).
final class HTTPServerLoadTests: XCTestCase {
    private typealias Support = HTTPServerTestSupport

    func testSlowlorisIsCutByTheHeaderTimeoutWhileOthersAreServed() throws {
        let server = try Support.start(self, HTTPServerConfiguration(workers: 2, headerTimeout: 0.6))
        let slow = try HTTPServerTestClient(port: server.boundPort)
        let head = Array("GET /slow HTTP/1.1\r\nHost: t\r\nX-Padding: aaaaaaaaaaaaaaaaaaaa\r\n\r\n".utf8)
        let done = DispatchSemaphore(value: 0)
        let sentBytes = HTTPServerTestBox(0)
        Thread {
            // One byte every 200 ms, until the server hangs up (or 8 s at most).
            for byte in head {
                guard (try? slow.send([byte])) != nil else { break }
                sentBytes.value += 1
                usleep(200_000)
            }
            done.signal()
        }.start()
        // Meanwhile a normal client is answered, many times over.
        let fast = try HTTPServerTestClient(port: server.boundPort)
        for i in 0..<10 {
            XCTAssertEqual(try fast.exchange("GET /fast/\(i) HTTP/1.1\r\nHost: t\r\n\r\n").text, "GET /fast/\(i)")
            usleep(50_000)
        }
        XCTAssertEqual(done.wait(timeout: .now() + 15), .success)
        let response = try slow.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertEqual(response.text, "timed out reading the request head\n")
        XCTAssertLessThan(sentBytes.value, head.count, "the slow client should have been cut before finishing")
        XCTAssertEqual(server.stats.rejects(.headerTimeout), 1)
        XCTAssertEqual(server.stats.requests, 10)
    }

    func testThousandIdleConnectionsDoNotBlockANormalRequest() throws {
        let wanted = 1000
        guard Self.raiseOpenFileLimit(to: rlim_t(2 * wanted + 200)) else {
            throw XCTSkip("cannot raise RLIMIT_NOFILE to \(2 * wanted + 200)")
        }
        let server = try Support.start(self, HTTPServerConfiguration(workers: 2))
        var idle: [HTTPServerTestClient] = []
        for i in 0..<wanted {
            let client = try HTTPServerTestClient(port: server.boundPort)
            // Half of them start a request and never finish it.
            if i % 2 == 0 { try client.send("GET /never HTTP/1.1\r\nHost: t\r\n") }
            idle.append(client)
        }
        XCTAssertTrue(Support.eventually(10) { server.stats.openConnections >= wanted }, "\(server.stats.openConnections)")
        let client = try HTTPServerTestClient(port: server.boundPort, timeout: 5)
        XCTAssertEqual(try client.exchange("GET /normal HTTP/1.1\r\nHost: t\r\n\r\n").text, "GET /normal")
        XCTAssertEqual(server.stats.openConnections, wanted + 1)
        XCTAssertEqual(server.stats.requests, 1)
        idle.removeAll()
        XCTAssertTrue(Support.eventually(10) { server.stats.openConnections <= 1 }, "\(server.stats.openConnections)")
    }

    func testFiftyConcurrentClientsTimesTwentyRequests() throws {
        let server = try Support.start(self, HTTPServerConfiguration(workers: 4))
        let clients = 50, perClient = 20
        let failures = HTTPServerTestBox<[String]>([])
        let lock = NSLock()
        let group = DispatchGroup()
        for c in 0..<clients {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let client = try HTTPServerTestClient(port: server.boundPort)
                    for r in 0..<perClient {
                        let method = r % 3 == 0 ? "POST" : "GET"
                        let body = method == "POST" ? "c\(c)r\(r)" : ""
                        let response = try client.exchange("\(method) /c/\(c)/r/\(r) HTTP/1.1\r\nHost: t\r\n"
                            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                        let expected = "\(method) /c/\(c)/r/\(r)" + (body.isEmpty ? "" : " body=\(body)")
                        if response.status != 200 || response.text != expected {
                            lock.withLock { failures.value.append("\(response.status) \(response.text) != \(expected)") }
                        }
                    }
                } catch {
                    lock.withLock { failures.value.append("client \(c): \(error)") }
                }
            }.start()
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(lock.withLock { failures.value }, [])
        XCTAssertEqual(server.stats.requests, clients * perClient)
        XCTAssertEqual(server.stats.responses(200), clients * perClient)
        XCTAssertEqual(server.stats.connectionsAccepted, clients)
    }

    func testConnectionsBeyondTheLimitGet503() throws {
        let server = try Support.start(self, HTTPServerConfiguration(maxConnections: 5))
        var open: [HTTPServerTestClient] = []
        for _ in 0..<5 { open.append(try HTTPServerTestClient(port: server.boundPort)) }
        XCTAssertTrue(Support.eventually { server.stats.openConnections == 5 })
        let extra = try HTTPServerTestClient(port: server.boundPort)
        let refused = try extra.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(refused.header("Connection"), "close")
        XCTAssertTrue(extra.isClosedByServer())
        XCTAssertEqual(server.stats.rejects(.tooManyConnections), 1)
        // The open ones still work; closing one makes room.
        XCTAssertEqual(try open[0].exchange("GET /in HTTP/1.1\r\nHost: t\r\n\r\n").text, "GET /in")
        open.removeLast()
        XCTAssertTrue(Support.eventually { server.stats.openConnections == 4 })
        XCTAssertEqual(try HTTPServerTestClient(port: server.boundPort).exchange("GET /room HTTP/1.1\r\nHost: t\r\n\r\n").text,
                       "GET /room")
    }

    func testGracefulShutdownLetsAnInFlightRequestFinishThenRefuses() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { request in
            if request.path == "/slow" { usleep(500_000) }
            return .plain(200, "done \(request.path)")
        })
        let port = server.boundPort
        let idle = try HTTPServerTestClient(port: port)
        XCTAssertEqual(try idle.exchange("GET / HTTP/1.1\r\nHost: t\r\n\r\n").status, 200)
        let client = try HTTPServerTestClient(port: port)
        try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertTrue(Support.eventually { server.stats.inFlightRequests == 1 })
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.shutdown(grace: 5)
            stopped.signal()
        }.start()
        let response = try client.readResponse()
        XCTAssertEqual(response.text, "done /slow")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(stopped.wait(timeout: .now() + 10), .success)
        XCTAssertTrue(idle.isClosedByServer())
        XCTAssertThrowsError(try HTTPServerTestClient(port: port), "the port should refuse connections")
        server.wait()
        XCTAssertEqual(server.stats.openConnections, 0)
    }

    func testShutdownGraceBoundsASlowHandler() throws {
        let server = try Support.start(self, handler: HTTPClosureHandler { _ in
            usleep(1_500_000)
            return .plain(200, "late")
        })
        let client = try HTTPServerTestClient(port: server.boundPort)
        try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        XCTAssertTrue(Support.eventually { server.stats.inFlightRequests == 1 })
        let started = Date()
        server.shutdown(grace: 0.1)
        // It returned (bounded by grace + the join margin), and the late answer found a closed socket.
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertTrue(client.isClosedByServer())
    }

    func testWrkFindsNoErrors() throws {
        let wrk = try ToolLocator.require("wrk")
        let server = try Support.start(self, HTTPServerConfiguration(workers: 4),
                                       handler: HTTPClosureHandler { _ in .plain(200, "ok\n") })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t", "2", "-c", "32", "-d", "2s", "--latency", "http://127.0.0.1:\(server.boundPort)/"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: killer)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertFalse(output.contains("Socket errors"), output)
        XCTAssertFalse(output.contains("Non-2xx"), output)
        let requests = output.split(separator: "\n").first { $0.contains("requests in") }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } ?? 0
        XCTAssertGreaterThan(requests, 0, output)
        XCTAssertGreaterThanOrEqual(server.stats.responses(200), requests)
    }

    /// Raises the soft open-file limit to at least `count` (up to the hard limit).
    static func raiseOpenFileLimit(to count: rlim_t) -> Bool {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur >= count { return true }
        guard limit.rlim_max >= count else { return false }
        limit.rlim_cur = count
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0
    }
}

/// A mutable value shared with a test thread (guarded by the test's own synchronisation).
final class HTTPServerTestBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
