import GoCompat
import Foundation
import PromModel
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// `labctl serve` as a user runs it: the built binary on a free loopback port, real clients
/// (promtool, amtool, Chromium, node_exporter) against it, reloads and signals. Peers that are not
/// installed skip their test.
final class ServeEndToEndTests: XCTestCase {
    /// A running `labctl serve` with its lab folder.
    final class Serve {
        let port: Int
        let directory: URL
        let process: BackgroundProcess
        var url: String { "http://127.0.0.1:\(port)" }

        init(config: String, files: [String: String] = [:], arguments: [String] = [], port: Int? = nil) throws {
            self.port = try port ?? LoopbackPort.freeOrSkip()
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-serve-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try config.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
            for (name, text) in files {
                try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let binary = try LabctlProcess.binary().path
            process = try BackgroundProcess(binary, ["serve", "--config", directory.appendingPathComponent("prometheus.yml").path,
                                                     "--listen", "127.0.0.1:\(self.port)"] + arguments,
                                            directory: directory)
            try process.waitUntilReady(url + "/-/ready")
        }

        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        func get(_ target: String) throws -> HTTPResponse { try HTTPClient(timeout: 10).get(url + target) }

        func post(_ target: String, body: String = "", type: String = "application/x-www-form-urlencoded") throws -> HTTPResponse {
            try HTTPClient(timeout: 10).send(try HTTPRequest(url: url + target, method: "POST",
                                                             headers: [("Content-Type", type)], body: Array(body.utf8)))
        }

        func json(_ target: String) throws -> [String: Any] {
            let response = try get(target)
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        }

        @discardableResult
        func stop(_ signal: Int32 = SIGTERM) -> Int32 {
            let status = process.stop(signal)
            try? FileManager.default.removeItem(at: directory)
            return status
        }
    }

    static let data = """
        load 1m
          http_requests_total{endpoint="/api",status="200"} 0+60x20
          http_requests_total{endpoint="/api",status="500"} 0+6x20
          http_requests_total{endpoint="/health",status="200"} 0+30x20
        """

    // MARK: - promtool

    func testPromtoolQueriesAnswerFromTheServer() throws {
        guard let promtool = BackgroundProcess.tool("promtool") else { throw XCTSkip("promtool not installed") }
        let serve = try Serve(config: "global: {scrape_interval: 1m}\n", files: ["data.test": Self.data],
                              arguments: ["--data", "data.test"])
        defer { XCTAssertEqual(serve.stop(), 0) }
        let instant = try ChildProcess.run(promtool, arguments: [
            "query", "instant", "--time=1970-01-01T00:10:00Z", serve.url,
            "sum by (endpoint) (rate(http_requests_total[5m]))"], timeout: 30)
        XCTAssertEqual(instant.status, 0, instant.stderr)
        XCTAssertTrue(instant.stdout.contains("{endpoint=\"/api\"} => 1.1 @[600]"), instant.stdout)
        XCTAssertTrue(instant.stdout.contains("{endpoint=\"/health\"} => 0.5 @[600]"), instant.stdout)
        let range = try ChildProcess.run(promtool, arguments: [
            "query", "range", "--start=1970-01-01T00:05:00Z", "--end=1970-01-01T00:10:00Z", "--step=1m", serve.url,
            "sum(rate(http_requests_total{status=\"500\"}[5m]))"], timeout: 30)
        XCTAssertEqual(range.status, 0, range.stderr)
        XCTAssertEqual(range.stdout.components(separatedBy: "0.1 @[").count - 1, 6, range.stdout)
        let series = try ChildProcess.run(promtool, arguments: [
            "query", "series", "--match=http_requests_total{endpoint=\"/api\"}", "--start=1970-01-01T00:00:00Z",
            "--end=1970-01-01T00:20:00Z", serve.url], timeout: 30)
        XCTAssertEqual(series.status, 0, series.stderr)
        XCTAssertEqual(series.stdout.split(separator: "\n").count, 2, series.stdout)
        let labels = try ChildProcess.run(promtool, arguments: [
            "query", "labels", "--start=1970-01-01T00:00:00Z", "--end=1970-01-01T00:20:00Z", serve.url, "endpoint"], timeout: 30)
        XCTAssertEqual(labels.status, 0, labels.stderr)
        XCTAssertEqual(labels.stdout.split(separator: "\n"), ["/api", "/health"])
        let bad = try ChildProcess.run(promtool, arguments: ["query", "instant", serve.url, "sum(rate(x[5m])"], timeout: 30)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("bad_data") || bad.stderr.contains("parse error"), bad.stderr)
    }

    // MARK: - Scraping

    func testScrapesItselfAndNodeExporter() throws {
        let selfPort = try LoopbackPort.freeOrSkip()
        var config = """
            global: {scrape_interval: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: prometheus
                static_configs: [{targets: ['localhost:9090']}]

            """
        var arguments = ["--resolve", "localhost:9090=127.0.0.1:\(selfPort)"]
        var exporter: BackgroundProcess?
        if let node = BackgroundProcess.tool("prometheus-node-exporter") {
            let nodePort = try LoopbackPort.freeOrSkip()
            exporter = try BackgroundProcess(node, ["--web.listen-address=127.0.0.1:\(nodePort)"])
            try exporter?.waitUntilReady("http://127.0.0.1:\(nodePort)/metrics")
            config += "  - job_name: node\n    static_configs: [{targets: ['node_exporter:9100']}]\n"
            arguments += ["--resolve", "node_exporter=127.0.0.1:\(nodePort)"]
        }
        defer { exporter?.stop() }
        let serve = try Serve(config: config, arguments: arguments, port: selfPort)
        defer { XCTAssertEqual(serve.stop(), 0) }
        let jobs = exporter == nil ? 1 : 2
        let deadline = Date().addingTimeInterval(20)
        var up: [[String: Any]] = []
        while Date() < deadline {
            let body = try serve.json("/api/v1/query?query=up%3D%3D1")
            up = ((body["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
            if up.count == jobs { break }
            Thread.sleep(forTimeInterval: 0.3)
        }
        XCTAssertEqual(up.count, jobs, "every target up: \(up)")
        let targets = try serve.json("/api/v1/targets")
        let active = try XCTUnwrap((targets["data"] as? [String: Any])?["activeTargets"] as? [[String: Any]])
        XCTAssertEqual(Set(active.compactMap { $0["health"] as? String }), ["up"])
        var own: [Any] = []
        let ownDeadline = Date().addingTimeInterval(15)
        while own.isEmpty, Date() < ownDeadline {
            let body = try serve.json("/api/v1/query?query=prometheus_http_requests_total")
            own = ((body["data"] as? [String: Any])?["result"] as? [Any]) ?? []
            if own.isEmpty { Thread.sleep(forTimeInterval: 0.3) }
        }
        XCTAssertFalse(own.isEmpty, "its own /metrics is scraped")
        if exporter != nil {
            let cpu = try serve.json("/api/v1/query?query=count(node_cpu_seconds_total)")
            XCTAssertEqual(((cpu["data"] as? [String: Any])?["result"] as? [Any])?.count, 1)
        }
    }

    // MARK: - Reload and signals

    func testReloadRejectsABadConfigAndKeepsTheOldOne() throws {
        let serve = try Serve(config: "global: {scrape_interval: 1m}\nscrape_configs: [{job_name: one, static_configs: [{targets: ['127.0.0.1:1']}]}]\n",
                              arguments: ["--web.enable-lifecycle"])
        defer { serve.stop() }
        let config = serve.path("prometheus.yml")
        try "scrape_configs:\n  - job_name: two\n    scrape_interval: soon\n".write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try serve.post("/-/reload")
        XCTAssertEqual(refused.status, 500)
        XCTAssertTrue(refused.text.contains("prometheus.yml:3:"), refused.text)
        let running = try serve.json("/api/v1/status/config")
        XCTAssertTrue(((running["data"] as? [String: String])?["yaml"] ?? "").contains("job_name: one"))

        kill(serve.process.pid, SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while !serve.process.output.contains("reload failed"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(serve.process.output.contains("reload failed"), serve.process.output)
        XCTAssertEqual(try serve.get("/-/healthy").status, 200, "still serving after a failed reload")

        try "scrape_configs:\n  - job_name: two\n    static_configs: [{targets: ['127.0.0.1:1']}]\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(try serve.post("/-/reload").status, 200)
        let targets = try serve.json("/api/v1/targets")
        let pools = ((targets["data"] as? [String: Any])?["activeTargets"] as? [[String: Any]])?.compactMap { $0["scrapePool"] as? String }
        XCTAssertEqual(pools, ["two"])
        XCTAssertEqual(serve.stop(SIGINT), 0, "SIGINT stops gracefully")
    }

    func testBadStartsAreClearErrors() throws {
        let directory = try makeTemporaryDirectory(prefix: "serve-bad")
        let usage = try LabctlProcess.run(["serve"], timeout: 30)
        XCTAssertEqual(usage.status, 2, usage.stderr)
        XCTAssertTrue(usage.stderr.contains("--config"), usage.stderr)
        let config = directory.appendingPathComponent("prometheus.yml")
        try "scrape_configs:\n  - job_name: a\n    scrape_timeout: 1m\n    scrape_interval: 10s\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let invalid = try LabctlProcess.run(["serve", "--config", config.path, "--listen", "127.0.0.1:0"], timeout: 30)
        XCTAssertEqual(invalid.status, 1, invalid.stderr)
        XCTAssertTrue(invalid.stderr.contains("prometheus.yml:"), invalid.stderr)
        try "global: {}\n".write(to: config, atomically: true, encoding: .utf8)
        let badAddress = try LabctlProcess.run(["serve", "--config", config.path, "--listen", "nowhere"], timeout: 30)
        XCTAssertEqual(badAddress.status, 1, badAddress.stderr)
        XCTAssertTrue(badAddress.stderr.contains("listen address"), badAddress.stderr)
        let serve = try Serve(config: "global: {}\n")
        defer { serve.stop() }
        let inUse = try LabctlProcess.run(["serve", "--config", config.path, "--listen", "127.0.0.1:\(serve.port)"], timeout: 30)
        XCTAssertEqual(inUse.status, 1, inUse.stderr)
        XCTAssertTrue(inUse.stderr.contains("cannot listen"), inUse.stderr)
    }

    func testEndlessQueryTimesOutAndTheServerKeepsServing() throws {
        let serve = try Serve(config: "global: {}\n", files: ["data.test": "load 1s\n  x{a=\"1\"} 0+1x5000\n  x{a=\"2\"} 0+1x5000\n"],
                              arguments: ["--data", "data.test", "--query.timeout", "1s"])
        defer { serve.stop() }
        let query = "count_over_time((sum by (a) (rate(x[1h:1s])))[1d:1s])"
        let started = Date()
        let response = try serve.get("/api/v1/query?time=5000&query=" + FormURLEncoding.encode(query))
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(response.status, 503, response.text)
        XCTAssertTrue(response.text.contains("\"errorType\":\"timeout\""), response.text)
        XCTAssertEqual(try serve.get("/api/v1/query?query=1").status, 200)
    }

    // MARK: - Embedded Alertmanager

    func testAmtoolTalksToTheEmbeddedAlertmanager() throws {
        guard let amtool = BackgroundProcess.tool("amtool") else { throw XCTSkip("amtool not installed") }
        let serve = try Serve(config: "global: {}\n",
                              files: ["alertmanager.yml": "route: {receiver: team, group_wait: 1s}\nreceivers: [{name: team}]\n"],
                              arguments: ["--alertmanager.config", "alertmanager.yml", "--outbox", "outbox"])
        defer { serve.stop() }
        let url = "--alertmanager.url=\(serve.url)"
        let add = try ChildProcess.run(amtool, arguments: ["alert", "add", "alertname=LabDown", "severity=critical",
                                                           "--annotation=summary=down", url], timeout: 30)
        XCTAssertEqual(add.status, 0, add.stderr)
        let query = try ChildProcess.run(amtool, arguments: ["alert", "query", "-o", "extended", url], timeout: 30)
        XCTAssertEqual(query.status, 0, query.stderr)
        XCTAssertTrue(query.stdout.contains("LabDown") && query.stdout.contains("severity=\"critical\""), query.stdout)
        let silence = try ChildProcess.run(amtool, arguments: ["silence", "add", "alertname=LabDown", "-c", "maintenance",
                                                               "-a", "teacher", "-d", "1h", url], timeout: 30)
        XCTAssertEqual(silence.status, 0, silence.stderr)
        let id = silence.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(id.isEmpty)
        let silences = try ChildProcess.run(amtool, arguments: ["silence", "query", url], timeout: 30)
        XCTAssertEqual(silences.status, 0, silences.stderr)
        XCTAssertTrue(silences.stdout.contains(id) && silences.stdout.contains("maintenance"), silences.stdout)
        let silenced = try ChildProcess.run(amtool, arguments: ["alert", "query", "--silenced", url], timeout: 30)
        XCTAssertTrue(silenced.stdout.contains("LabDown"), silenced.stdout)
        let active = try ChildProcess.run(amtool, arguments: ["alert", "query", url], timeout: 30)
        XCTAssertFalse(active.stdout.contains("LabDown"), "a silenced alert is not listed as active: \(active.stdout)")
        let expire = try ChildProcess.run(amtool, arguments: ["silence", "expire", id, url], timeout: 30)
        XCTAssertEqual(expire.status, 0, expire.stderr)
        let status = try ChildProcess.run(amtool, arguments: ["config", "show", url], timeout: 30)
        XCTAssertTrue(status.stdout.contains("receiver: team"), status.stdout + status.stderr)
    }

    // MARK: - Web page

    func testChromiumRendersTheQueryTargetsAndAlertsPages() throws {
        guard let chromium = BackgroundProcess.tool("chromium") ?? BackgroundProcess.tool("chromium-browser") else {
            throw XCTSkip("chromium not installed")
        }
        let rules = """
            groups:
              - name: lab7
                interval: 1s
                rules:
                  - alert: AlwaysOn
                    expr: vector(1)
                    labels: {severity: warning}
                    annotations: {summary: "shown on the alerts page"}
            """
        let serve = try Serve(config: "global: {evaluation_interval: 1s}\nrule_files: [rules.yml]\nscrape_configs: [{job_name: down, static_configs: [{targets: ['127.0.0.1:1']}]}]\n",
                              files: ["rules.yml": rules])
        defer { serve.stop() }
        Thread.sleep(forTimeInterval: 2.5)
        let pages = ["query?expr=up&tab=table": "down", "query?expr=sum(rate(up%5B5m%5D)&tab=table": "parse error",
                     "targets": "127.0.0.1:1", "alerts": "AlwaysOn"]
        for (page, expected) in pages {
            let dom = try ChildProcess.run(chromium, arguments: Self.chromiumFlags(serve.directory) + ["--dump-dom", "\(serve.url)/\(page)"], timeout: 90)
            XCTAssertTrue(dom.stdout.contains(expected), "\(page): \(dom.stdout.prefix(2000)) \(dom.stderr.suffix(500))")
            let png = serve.directory.appendingPathComponent("\(page.prefix(5)).png")
            let shot = try ChildProcess.run(chromium, arguments: Self.chromiumFlags(serve.directory)
                + ["--screenshot=\(png.path)", "--window-size=1200,900", "\(serve.url)/\(page)"], timeout: 90)
            XCTAssertFalse(shot.timedOut)
            let bytes = try Data(contentsOf: png)
            XCTAssertGreaterThan(bytes.count, 5_000, page)
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
        }
    }

    static func chromiumFlags(_ directory: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--user-data-dir=\(directory.appendingPathComponent("chromium-profile").path)"]
    }
}

// MARK: - Hostile clients

extension ServeEndToEndTests {
    /// Raw bytes to the server and whatever it answers within `timeout` seconds (empty on none).
    static func rawExchange(port: Int, _ bytes: [UInt8], timeout: Double = 5, readLimit: Int = 65_536) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while out.count < readLimit {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testMalformedHugeAndSlowRequestsDoNotStopTheServer() throws {
        let serve = try Serve(config: "global: {}\n")
        defer { XCTAssertEqual(serve.stop(), 0) }
        let garbage = Self.rawExchange(port: serve.port, Array("\u{0}\u{1}GARBAGE / HTTP/9\r\n\r\n".utf8))
        XCTAssertTrue(garbage.hasPrefix("HTTP/1.1 4") || garbage.hasPrefix("HTTP/1.1 5"), garbage)
        let huge = Self.rawExchange(port: serve.port, Array(
            "POST /api/v1/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 104857600\r\n\r\nquery=".utf8))
        XCTAssertTrue(huge.hasPrefix("HTTP/1.1 413"), huge)
        let longLine = Self.rawExchange(port: serve.port, Array(("GET /api/v1/query?query=" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\n\r\n").utf8))
        XCTAssertTrue(longLine.hasPrefix("HTTP/1.1 414"), longLine)
        let badQuery = try serve.get("/api/v1/query?query=" + FormURLEncoding.encode("sum(rate(x[5m])) by"))
        XCTAssertEqual(badQuery.status, 400)
        XCTAssertTrue(badQuery.text.contains("\"errorType\":\"bad_data\""), badQuery.text)
        let badTime = try serve.get("/api/v1/query_range?query=up&start=10&end=1&step=1")
        XCTAssertEqual(badTime.status, 400, badTime.text)
        // A client that sends half a request head and then nothing; others are served meanwhile.
        let slow = DispatchQueue(label: "slow")
        let group = DispatchGroup()
        let port = serve.port
        slow.async(group: group) { _ = Self.rawExchange(port: port, Array("GET /metrics HTTP/1.1\r\nHost".utf8), timeout: 2) }
        for _ in 0..<20 { XCTAssertEqual(try serve.get("/-/healthy").status, 200) }
        group.wait()
        XCTAssertEqual(try serve.get("/api/v1/status/buildinfo").status, 200)
    }
}
