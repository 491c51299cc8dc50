import GoCompat
import Foundation
import PromModel
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// `labctl serve` with peers nobody here wrote: the lab's FastAPI service (uvicorn +
/// prometheus_client), Debian's Prometheus federating from it and remote-writing into it, Debian's
/// Alertmanager receiving its alerts, and wrk loading its query API. Each skips without its peer.
final class ServePeersEndToEndTests: XCTestCase {
    typealias Serve = ServeEndToEndTests.Serve

    /// A FastAPI service with the seed's metric definitions (names, types, labels), written for this test.
    static let fastAPIApp = """
        import time
        from fastapi import FastAPI, Request
        from fastapi.responses import Response
        from prometheus_client import Counter, Gauge, Histogram, generate_latest, CONTENT_TYPE_LATEST

        app = FastAPI()
        requests_total = Counter("http_requests_total", "HTTP requests", ["method", "endpoint", "status"])
        duration = Histogram("http_request_duration_seconds", "HTTP request duration", ["method", "endpoint"])
        active = Gauge("http_requests_active", "Requests in flight")

        @app.middleware("http")
        async def track(request: Request, call_next):
            active.inc()
            start = time.time()
            response = await call_next(request)
            if request.url.path != "/metrics":
                requests_total.labels(request.method, request.url.path, str(response.status_code)).inc()
                duration.labels(request.method, request.url.path).observe(time.time() - start)
            active.dec()
            return response

        @app.get("/")
        def root():
            return {"status": "ok"}

        @app.get("/do_work")
        def do_work(delay_ms: int = 5):
            time.sleep(min(delay_ms, 50) / 1000)
            return {"done": True}

        @app.get("/metrics")
        def metrics():
            return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
        """

    func testScrapesTheLabsFastAPIServiceAndAnswersLab2Queries() throws {
        guard let python = BackgroundProcess.tool("python3"),
              (try? ChildProcess.run(python, arguments: ["-c", "import fastapi, uvicorn, prometheus_client"], timeout: 60))?.status == 0
        else { throw XCTSkip("python3 with fastapi, uvicorn and prometheus_client not installed") }
        let directory = try makeTemporaryDirectory(prefix: "serve-fastapi")
        try Self.fastAPIApp.write(to: directory.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        let apiPort = try LoopbackPort.freeOrSkip()
        let api = try BackgroundProcess(python, ["-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", "\(apiPort)"],
                                        directory: directory)
        defer { api.stop() }
        try api.waitUntilReady("http://127.0.0.1:\(apiPort)/")
        let serve = try Serve(config: """
            global: {scrape_interval: 1s}
            scrape_configs:
              - job_name: fastapi
                static_configs: [{targets: ['api:8000']}]
            """, arguments: ["--resolve", "api:8000=127.0.0.1:\(apiPort)"])
        defer { serve.stop() }
        let client = HTTPClient(timeout: 5)
        let deadline = Date().addingTimeInterval(20)
        var answer: [[String: Any]] = []
        while Date() < deadline {
            for _ in 0..<5 { _ = try? client.get("http://127.0.0.1:\(apiPort)/do_work?delay_ms=2") }
            let body = try serve.json("/api/v1/query?query=" + FormURLEncoding.encode("sum by (endpoint) (rate(http_requests_total[5s]))"))
            answer = ((body["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
            if answer.contains(where: { ($0["metric"] as? [String: String])?["endpoint"] == "/do_work" }) { break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        let doWork = answer.first { ($0["metric"] as? [String: String])?["endpoint"] == "/do_work" }
        let value = Double(((doWork?["value"] as? [Any])?.last as? String) ?? "") ?? 0
        XCTAssertGreaterThan(value, 0, "rate of /do_work requests: \(answer)")
        let p95 = try serve.json("/api/v1/query?query=" + FormURLEncoding.encode(
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[10s])))"))
        XCTAssertEqual(p95["status"] as? String, "success")
        let end = Int(Date().timeIntervalSince1970)
        let range = try serve.json("/api/v1/query_range?query=http_requests_active&start=\(end - 5)&end=\(end)&step=1")
        XCTAssertEqual(((range["data"] as? [String: Any])?["resultType"] as? String), "matrix")
        let targets = try serve.json("/api/v1/targets")
        let health = ((targets["data"] as? [String: Any])?["activeTargets"] as? [[String: Any]])?.first?["health"] as? String
        XCTAssertEqual(health, "up")
    }

    /// OpenMetrics with the last `minutes` minutes of a few series, one sample a minute, ending now.
    static func recentData(minutes: Int, now: Int) -> String {
        var out = "# TYPE lab_requests counter\n"
        for m in stride(from: minutes, through: 0, by: -1) {
            let t = now - m * 60
            out += "lab_requests_total{endpoint=\"/a\"} \(Double(minutes - m) * 12.5) \(t)\n"
            out += "lab_requests_total{endpoint=\"/b\"} \(Double(minutes - m) * 3) \(t)\n"
        }
        return out + "# EOF\n"
    }

    func testPrometheusFederatesFromLabctlAndAgrees() throws {
        guard let prometheus = BackgroundProcess.tool("prometheus") else { throw XCTSkip("prometheus not installed") }
        let now = Int(Date().timeIntervalSince1970)
        let serve = try Serve(config: "global: {external_labels: {lab: labctl}}\n",
                              files: ["recent.om": Self.recentData(minutes: 4, now: now)], arguments: ["--data", "recent.om"])
        defer { serve.stop() }
        let federate = try serve.get("/federate?match[]=" + FormURLEncoding.encode("{__name__=~\"lab_.*\"}"))
        XCTAssertEqual(federate.status, 200)
        XCTAssertTrue(federate.text.contains("lab_requests_total{endpoint=\"/a\",instance=\"\",lab=\"labctl\"} 50 \(now)000"),
                      federate.text)
        let peer = try PrometheusPeer(prometheus, config: """
            global: {scrape_interval: 1s}
            scrape_configs:
              - job_name: federate
                honor_labels: true
                metrics_path: /federate
                params: {'match[]': ['{__name__=~"lab_.*"}']}
                static_configs: [{targets: ['127.0.0.1:\(serve.port)']}]
            """)
        defer { peer.stop() }
        let query = "sum by (endpoint) (lab_requests_total)"
        let theirs = try peer.waitForResult(query, at: now, count: 2)
        let ours = try Self.vector(serve.json("/api/v1/query?time=\(now)&query=" + FormURLEncoding.encode(query)))
        XCTAssertEqual(theirs, ours)
        XCTAssertEqual(ours.count, 2)
        let labelled = try peer.waitForResult("count by (lab) (lab_requests_total)", at: now, count: 1)
        XCTAssertEqual(labelled, ["{lab=\"labctl\"}": "2"], "external labels arrive through federation")
    }

    func testPrometheusRemoteWritesIntoLabctlAndAgrees() throws {
        guard let prometheus = BackgroundProcess.tool("prometheus") else { throw XCTSkip("prometheus not installed") }
        let serve = try Serve(config: "global: {}\n", arguments: ["--web.enable-remote-write-receiver"])
        defer { serve.stop() }
        let peerPort = try LoopbackPort.freeOrSkip()
        let peer = try PrometheusPeer(prometheus, port: peerPort, config: """
            global: {scrape_interval: 1s}
            scrape_configs:
              - job_name: self
                static_configs: [{targets: ['127.0.0.1:\(peerPort)']}]
            remote_write:
              - url: http://127.0.0.1:\(serve.port)/api/v1/write
                queue_config: {batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 1s}
            """)
        defer { peer.stop() }
        // The newest `up` labctl received fixes a time at which both sides hold the same samples.
        var at = ""
        let deadline = Date().addingTimeInterval(30)
        while at.isEmpty, Date() < deadline {
            let stamp = try Self.vector(serve.json("/api/v1/query?query=" + FormURLEncoding.encode("timestamp(up{job=\"self\"})")))
            at = stamp.values.first ?? ""
            if at.isEmpty { Thread.sleep(forTimeInterval: 0.3) }
        }
        XCTAssertFalse(at.isEmpty, "samples arrived by remote write")
        for query in ["up", "scrape_samples_scraped", "count by (job) ({__name__=~\"prometheus_tsdb_head_.*\"})"] {
            var theirs: [String: String] = [:], ours: [String: String] = ["": "unset"]
            let until = Date().addingTimeInterval(15)
            while theirs != ours, Date() < until {
                theirs = try peer.result(query, at: at)
                ours = try Self.vector(serve.json("/api/v1/query?time=\(at)&query=" + FormURLEncoding.encode(query)))
                if theirs != ours { Thread.sleep(forTimeInterval: 0.3) }
            }
            XCTAssertEqual(theirs, ours, query)
            XCTAssertFalse(ours.isEmpty, query)
        }
        let write = try serve.post("/api/v1/write", body: "not snappy", type: "application/x-protobuf")
        XCTAssertEqual(write.status, 400, write.text)
    }

    func testAlertsReachARealAlertmanager() throws {
        guard let alertmanager = BackgroundProcess.tool("prometheus-alertmanager") ?? BackgroundProcess.tool("alertmanager") else {
            throw XCTSkip("prometheus-alertmanager not installed")
        }
        let directory = try makeTemporaryDirectory(prefix: "serve-am")
        try "route: {receiver: team}\nreceivers: [{name: team}]\n".write(to: directory.appendingPathComponent("am.yml"),
                                                                       atomically: true, encoding: .utf8)
        let amPort = try LoopbackPort.freeOrSkip(), clusterPort = try LoopbackPort.freeOrSkip()
        let am = try BackgroundProcess(alertmanager, ["--config.file=am.yml", "--storage.path=data",
                                                      "--web.listen-address=127.0.0.1:\(amPort)",
                                                      "--cluster.listen-address=127.0.0.1:\(clusterPort)"], directory: directory)
        defer { am.stop() }
        try am.waitUntilReady("http://127.0.0.1:\(amPort)/-/ready")
        let serve = try Serve(config: """
            global: {evaluation_interval: 1s}
            rule_files: [rules.yml]
            alerting:
              alertmanagers:
                - static_configs: [{targets: ['alertmanager:9093']}]
            """, files: ["rules.yml": "groups:\n  - name: g\n    interval: 1s\n    rules:\n      - alert: LabctlSays\n        expr: vector(1)\n        labels: {severity: info}\n"],
            arguments: ["--resolve", "alertmanager:9093=127.0.0.1:\(amPort)"])
        defer { serve.stop() }
        let deadline = Date().addingTimeInterval(20)
        var alerts = ""
        while Date() < deadline {
            alerts = (try? HTTPClient(timeout: 2).get("http://127.0.0.1:\(amPort)/api/v2/alerts").text) ?? ""
            if alerts.contains("LabctlSays") { break }
            Thread.sleep(forTimeInterval: 0.3)
        }
        XCTAssertTrue(alerts.contains("LabctlSays") && alerts.contains("\"severity\":\"info\""), alerts)
        XCTAssertTrue(alerts.contains("127.0.0.1:\(serve.port)"), "generator URL points at labctl: \(alerts)")
    }

    func testWrkLoadOnTheQueryAPIHasNoErrors() throws {
        guard let wrk = BackgroundProcess.tool("wrk") else { throw XCTSkip("wrk not installed") }
        let serve = try Serve(config: "global: {}\n", files: ["data.test": ServeEndToEndTests.data,
                                                              "post.lua": "wrk.method = \"POST\"\nwrk.body = \"query=sum(rate(http_requests_total[5m]))&start=0&end=1200&step=15\"\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"],
                              arguments: ["--data", "data.test"])
        defer { serve.stop() }
        let get = try ChildProcess.run(wrk, arguments: ["-t2", "-c16", "-d2s", "--latency",
                                                        "\(serve.url)/api/v1/query?query=sum%20by%20(endpoint)%20(rate(http_requests_total%5B5m%5D))&time=600"],
                                       timeout: 30)
        XCTAssertEqual(get.status, 0, get.stderr)
        XCTAssertFalse(get.stdout.contains("Socket errors"), get.stdout)
        XCTAssertFalse(get.stdout.contains("Non-2xx"), get.stdout)
        XCTAssertTrue(get.stdout.contains("Requests/sec"), get.stdout)
        let post = try ChildProcess.run(wrk, arguments: ["-t2", "-c16", "-d2s", "--latency", "-s", serve.path("post.lua"),
                                                         "\(serve.url)/api/v1/query_range"], timeout: 30)
        XCTAssertEqual(post.status, 0, post.stderr)
        XCTAssertFalse(post.stdout.contains("Socket errors") || post.stdout.contains("Non-2xx"), post.stdout)
        print("wrk GET /api/v1/query:\n\(get.stdout)\nwrk POST /api/v1/query_range:\n\(post.stdout)")
        XCTAssertEqual(try serve.get("/-/healthy").status, 200)
    }

    /// An instant vector answer as `labels → value` text.
    static func vector(_ body: [String: Any]) throws -> [String: String] {
        let result = try XCTUnwrap((body["data"] as? [String: Any])?["result"] as? [[String: Any]], "\(body)")
        var out: [String: String] = [:]
        for item in result {
            let metric = (item["metric"] as? [String: String]) ?? [:]
            let key = "{" + metric.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
            out[key] = ((item["value"] as? [Any])?.last as? String) ?? ""
        }
        return out
    }
}

/// Debian's Prometheus on a free loopback port with a config of the test's, stopped by PID.
final class PrometheusPeer {
    let port: Int
    let process: BackgroundProcess
    let directory: URL

    init(_ executable: String, port: Int? = nil, config: String) throws {
        self.port = try port ?? LoopbackPort.freeOrSkip()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("prom-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        process = try BackgroundProcess(executable, ["--config.file=prometheus.yml", "--storage.tsdb.path=data",
                                                     "--web.listen-address=127.0.0.1:\(self.port)"], directory: directory)
        try process.waitUntilReady("http://127.0.0.1:\(self.port)/-/ready")
    }

    /// The instant answer of `query` at `time` (Unix seconds as text).
    func result(_ query: String, at time: String) throws -> [String: String] {
        let url = "http://127.0.0.1:\(port)/api/v1/query?time=\(time)&query=" + FormURLEncoding.encode(query)
        let body = try JSONSerialization.jsonObject(with: Data(HTTPClient(timeout: 5).get(url).body)) as? [String: Any]
        return try ServePeersEndToEndTests.vector(body ?? [:])
    }

    /// The instant answer of `query` at `time` once it has `count` series (polled for 20 s).
    func waitForResult(_ query: String, at time: Int, count: Int) throws -> [String: String] {
        let deadline = Date().addingTimeInterval(20)
        var last: [String: String] = [:]
        while Date() < deadline {
            let url = "http://127.0.0.1:\(port)/api/v1/query?time=\(time)&query=" + FormURLEncoding.encode(query)
            if let response = try? HTTPClient(timeout: 5).get(url),
               let body = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] {
                last = try ServePeersEndToEndTests.vector(body)
                if last.count >= count { return last }
            }
            Thread.sleep(forTimeInterval: 0.3)
        }
        return last
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
