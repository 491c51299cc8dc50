import Foundation
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// `labctl-bench http [clients] [seconds]`: labctl's own HTTP server on a free loopback port with a
/// trivial handler; `clients` keep-alive client threads (raw sockets) send GETs back to back for
/// `seconds`; prints requests/s, latency p50/p99/max and peak RSS, then wrk's numbers when wrk is
/// installed.
enum HTTPServerBenchmark {
    static func run(_ arguments: [String]) throws {
        let clients = max(1, arguments.first.flatMap { Int($0) } ?? 16)
        let seconds = max(0.5, arguments.dropFirst().first.flatMap { Double($0) } ?? 3)
        let body = Array(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#.utf8)
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, workers: 8),
                                handler: HTTPClosureHandler { _ in
                                    HTTPServerResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
                                })
        try server.start()
        defer { server.shutdown(grace: 2) }
        print("server on \(server.boundAddress), \(clients) keep-alive clients, \(seconds) s")

        let results = Results()
        let group = DispatchGroup()
        let stopAt = Date().addingTimeInterval(seconds)
        let started = Date()
        for _ in 0..<clients {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                let (mine, failed) = clientLoop(port: server.boundPort, until: stopAt)
                results.add(mine, failed)
            }
            thread.start()
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(started)
        let (latencies, errors) = results.sorted
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1000
        }
        print(String(format: "own clients: %d requests in %.2fs = %.0f req/s; latency p50 %.3f ms, p99 %.3f ms, max %.3f ms; errors %d",
                     latencies.count, elapsed, Double(latencies.count) / elapsed, percentile(0.5), percentile(0.99),
                     (latencies.last ?? 0) * 1000, errors))
        let stats = server.stats
        print("server stats: requests \(stats.requests), connections \(stats.connectionsAccepted), bytes in \(stats.bytesReceived), out \(stats.bytesSent)")
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
        idleConnections(port: server.boundPort, count: 1000)
        runWrk(port: server.boundPort, seconds: seconds)
        print("maxrss after wrk: \(StorageBenchmark.maxRSSKiB()) KiB")
    }

    /// One keep-alive connection sending `GET /api/v1/query?query=up` until `deadline`: the latency
    /// of each request, and the count of failures (each reconnects).
    private static func clientLoop(port: Int, until deadline: Date) -> ([Double], Int) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        return clientLoop(port: port, until: deadline, buffer: &buffer)
    }

    private static func clientLoop(port: Int, until deadline: Date, buffer: inout [UInt8]) -> ([Double], Int) {
        let request = Array("GET /api/v1/query?query=up HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        var latencies: [Double] = []
        var failures = 0
        while Date() < deadline {
            let fd = connectLoopback(port: port)
            guard fd >= 0 else {
                failures += 1
                usleep(1000)
                continue
            }
            defer { close(fd) }
            while Date() < deadline {
                let t0 = DispatchTime.now().uptimeNanoseconds
                guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count,
                      readResponse(fd, &buffer) else {
                    failures += 1
                    break
                }
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            }
        }
        return (latencies, failures)
    }

    /// Reads one response with a Content-Length body; false on a closed or malformed stream.
    private static func readResponse(_ fd: Int32, _ buffer: inout [UInt8]) -> Bool {
        var have = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in
                recv(fd, raw.baseAddress.map { $0 + have }, raw.count - have, 0)
            }
            guard n > 0 else { return false }
            have += n
            let text = String(decoding: buffer[0..<have], as: UTF8.self)
            guard let headEnd = text.range(of: "\r\n\r\n") else {
                if have == buffer.count { return false }
                continue
            }
            let head = text[..<headEnd.lowerBound].lowercased()
            guard head.hasPrefix("http/1.1 200"), let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                  let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
            let total = text.utf8.distance(from: text.utf8.startIndex, to: headEnd.upperBound) + length
            if have >= total { return true }
            if total > buffer.count { return false }
        }
    }

    private static func connectLoopback(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if r != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    /// Opens `count` idle connections, then times one request beside them; prints peak RSS.
    private static func idleConnections(port: Int, count: Int) {
        var fds: [Int32] = []
        defer { for fd in fds { close(fd) } }
        for _ in 0..<count {
            let fd = connectLoopback(port: port)
            guard fd >= 0 else { break }
            fds.append(fd)
        }
        usleep(200_000)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let (latencies, failures) = clientLoop(port: port, until: Date().addingTimeInterval(0.5), buffer: &buffer)
        let sorted = latencies.sorted()
        let p50 = sorted.isEmpty ? 0 : sorted[sorted.count / 2] * 1000
        print(String(format: "with %d idle connections open: one client %d req in 0.5 s, p50 %.3f ms, errors %d; maxrss %d KiB",
                     fds.count, sorted.count, p50, failures, StorageBenchmark.maxRSSKiB()))
    }

    /// wrk's summary against the same server, when wrk is installed.
    private static func runWrk(port: Int, seconds: Double) {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("wrk: not installed (apt-get install wrk)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t", "2", "-c", "64", "-d", "\(Int(seconds.rounded(.up)))s", "--latency",
                             "http://127.0.0.1:\(port)/api/v1/query?query=up"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            print("wrk: \(error)")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print("wrk -t2 -c64:")
        for line in output.split(separator: "\n") where !line.contains("Running") && !line.contains("Thread Stats")
            && !line.contains("threads and") {
            print("  " + line.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The client threads' latencies and failures.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var latencies: [Double] = []
        private var errors = 0

        func add(_ more: [Double], _ failed: Int) {
            lock.withLock {
                latencies += more
                errors += failed
            }
        }

        var sorted: ([Double], Int) { lock.withLock { (latencies.sorted(), errors) } }
    }
}
