import Exposition
import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// Status endpoints, health, readiness, lifecycle and `/metrics`.
final class PrometheusAPIStatusTests: XCTestCase {
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func hit() { lock.lock(); count += 1; lock.unlock() }
        var hits: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    private struct ReloadFailure: Error, CustomStringConvertible {
        var description: String { "line 3: bad scrape_interval" }
    }

    private func data(_ response: HTTPServerResponse) throws -> [String: Any] {
        XCTAssertEqual(response.status, 200, APIFixture.text(response))
        return try XCTUnwrap(try APIFixture.json(response)["data"] as? [String: Any])
    }

    func testConfigFlagsBuildInfoRuntimeInfo() throws {
        let context = APIContext(configYAML: { "global:\n  scrape_interval: 15s\n" },
                                 flags: ["web.listen-address": "127.0.0.1:9090", "query.timeout": "2m"],
                                 buildInfo: APIBuildInfo(version: "1.2.3", revision: "abc"),
                                 storageRetention: "7d", startTime: Date(timeIntervalSince1970: 1_700_000_000.5))
        let api = APIFixture.api(MemoryStorage(), context: context)
        XCTAssertEqual(try data(APIFixture.get(api, "/api/v1/status/config"))["yaml"] as? String,
                       "global:\n  scrape_interval: 15s\n")
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/status/flags")),
                       #"{"status":"success","data":{"query.timeout":"2m","web.listen-address":"127.0.0.1:9090"}}"#)
        let build = try data(APIFixture.get(api, "/api/v1/status/buildinfo"))
        XCTAssertEqual(build["version"] as? String, "1.2.3")
        XCTAssertEqual(build["revision"] as? String, "abc")
        XCTAssertNotNil(build["goVersion"] as? String)
        let runtime = try data(APIFixture.get(api, "/api/v1/status/runtimeinfo"))
        XCTAssertEqual(runtime["startTime"] as? String, "2023-11-14T22:13:20.5Z")
        XCTAssertEqual(runtime["storageRetention"] as? String, "7d")
        XCTAssertEqual(runtime["reloadConfigSuccess"] as? Bool, true)
        for key in ["CWD", "hostname", "serverTime", "lastConfigTime", "corruptionCount", "goroutineCount", "GOMAXPROCS"] {
            XCTAssertNotNil(runtime[key], key)
        }
    }

    func testTSDBStatus() throws {
        let api = APIFixture.api(try APIFixture.storage())
        let status = try data(APIFixture.get(api, "/api/v1/status/tsdb"))
        let head = try XCTUnwrap(status["headStats"] as? [String: Any])
        XCTAssertEqual(head["numSeries"] as? Int, 3)
        XCTAssertEqual(head["minTime"] as? Int, 0)
        XCTAssertEqual(head["maxTime"] as? Int, 600_000)
        XCTAssertEqual(head["numLabelPairs"] as? Int, 6)
        let byMetric = try XCTUnwrap(status["seriesCountByMetricName"] as? [[String: Any]])
        XCTAssertEqual(byMetric.first?["name"] as? String, "up")
        XCTAssertEqual(byMetric.first?["value"] as? Int, 2)
        let byName = try XCTUnwrap(status["labelValueCountByLabelName"] as? [[String: Any]])
        XCTAssertEqual(byName.first?["name"] as? String, "__name__")
        XCTAssertEqual(byName.first?["value"] as? Int, 2)
        XCTAssertEqual((try data(APIFixture.get(api, "/api/v1/status/tsdb?limit=1"))["seriesCountByLabelValuePair"] as? [Any])?.count, 1)
        try APIFixture.assertError(APIFixture.get(api, "/api/v1/status/tsdb?limit=0"), status: 400, type: "bad_data",
                                   "limit must be a positive number")
        let empty = try data(APIFixture.get(APIFixture.api(MemoryStorage()), "/api/v1/status/tsdb"))
        XCTAssertEqual((empty["headStats"] as? [String: Any])?["numSeries"] as? Int, 0)
    }

    func testHealthyReadyAndNotReady() throws {
        let api = APIFixture.api(MemoryStorage())
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/-/healthy")), "Prometheus Server is Healthy.\n")
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/-/ready")), "Prometheus Server is Ready.\n")
        let starting = APIFixture.api(MemoryStorage(), context: APIContext(isReady: { false }))
        XCTAssertEqual(APIFixture.get(starting, "/-/ready").status, 503)
        XCTAssertEqual(APIFixture.text(APIFixture.get(starting, "/api/v1/query?query=1")), "Service Unavailable")
        XCTAssertEqual(APIFixture.get(starting, "/-/healthy").status, 200)
    }

    func testLifecycleDisabledIsForbidden() throws {
        let api = APIFixture.api(MemoryStorage())
        for path in ["/-/reload", "/-/quit"] {
            let response = api.handle(HTTPServerRequest(method: "POST", target: path))
            XCTAssertEqual(response.status, 403)
            XCTAssertEqual(APIFixture.text(response), "Lifecycle API is not enabled.")
            let get = APIFixture.get(api, path)
            XCTAssertEqual(get.status, 405)
            XCTAssertEqual(APIFixture.text(get), "Only POST or PUT requests allowed")
        }
    }

    func testReloadAndQuitWhenEnabled() throws {
        let reloads = Flag(), quits = Flag()
        let ok = APIFixture.api(MemoryStorage(), context: APIContext(reload: { reloads.hit() }, quit: { quits.hit() },
                                                                    enableLifecycle: true))
        XCTAssertEqual(ok.handle(HTTPServerRequest(method: "POST", target: "/-/reload")).status, 200)
        XCTAssertEqual(ok.handle(HTTPServerRequest(method: "PUT", target: "/-/reload")).status, 200)
        XCTAssertEqual(reloads.hits, 2)
        let quit = ok.handle(HTTPServerRequest(method: "POST", target: "/-/quit"))
        XCTAssertEqual(APIFixture.text(quit), "Requesting termination... Goodbye!")
        XCTAssertEqual(quits.hits, 1)
        let failing = APIFixture.api(MemoryStorage(), context: APIContext(reload: { throw ReloadFailure() }, enableLifecycle: true))
        let response = failing.handle(HTTPServerRequest(method: "POST", target: "/-/reload"))
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(APIFixture.text(response), "failed to reload config: line 3: bad scrape_interval\n")
    }

    func testSelfMetricsCountRequests() throws {
        let api = PrometheusAPI(storage: try APIFixture.storage(), context: APIContext(now: { APIFixture.now }),
                                extraMetrics: { "# TYPE labctl_http_connections gauge\nlabctl_http_connections 3\n" })
        _ = APIFixture.get(api, "/api/v1/query?query=up")
        _ = APIFixture.get(api, "/api/v1/query?query=up")
        _ = APIFixture.get(api, "/api/v1/query")
        _ = APIFixture.get(api, "/api/v1/what")
        XCTAssertEqual(api.metrics.requestCount(handler: "/api/v1/query", code: 200), 2)
        XCTAssertEqual(api.metrics.requestCount(handler: "/api/v1/query", code: 400), 1)
        let response = APIFixture.get(api, "/metrics")
        XCTAssertEqual(response.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8")
        let families = try ExpositionParser.parse(APIFixture.text(response))
        let requests = try XCTUnwrap(families.first { $0.name == "prometheus_http_requests_total" })
        XCTAssertEqual(requests.type, .counter)
        let ok = requests.samples.first { $0.labels["handler"] == "/api/v1/query" && $0.labels["code"] == "200" }
        XCTAssertEqual(ok?.value, 2)
        XCTAssertTrue(requests.samples.contains { $0.labels["handler"] == "/api/v1/*path" && $0.labels["code"] == "404" })
        let durations = try XCTUnwrap(families.first { $0.name == "prometheus_http_request_duration_seconds" })
        XCTAssertEqual(durations.type, .histogram)
        let count = durations.samples.first { $0.name.hasSuffix("_count") && $0.labels["handler"] == "/api/v1/query" }
        XCTAssertEqual(count?.value, 3)
        XCTAssertEqual(families.first { $0.name == "labctl_http_connections" }?.samples.first?.value, 3)
    }
}
