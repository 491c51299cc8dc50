import Foundation
import Runtime
import XCTest
import LabctlTestSupport

/// Lab 5 without Docker: `labctl serve` scrapes `labctl demo-app` while `labctl load` drives it
/// with 20 % failures and remote-writes its k6_* metrics into serve; serve's API then answers the
/// seed's queries, and both sides count the same requests.
final class LoadRemoteWriteEndToEndTests: XCTestCase {
    func testLoadPushesK6MetricsIntoServeThatAlsoScrapesTheDemoApp() throws {
        let app = try DemoAppProcess.start(arguments: ["--seed", "8"])
        defer { app.stop() }
        let directory = try makeTemporaryDirectory(prefix: "labctl-load-rw")
        let config = directory.appendingPathComponent("prometheus.yml")
        try """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: api
            static_configs:
              - targets: ["127.0.0.1:\(app.port)"]
        """.write(to: config, atomically: true, encoding: .utf8)
        let serve = try DemoAppProcess.start(command: "serve", readyPath: "/-/ready",
                                             arguments: ["--config", config.path, "--web.enable-remote-write-receiver"])
        defer { serve.stop() }
        let out = directory.appendingPathComponent("run.json").path
        // Wait for serve's first scrape of the app (the readiness probes are counted in it).
        let scrapeDeadline = Date().addingTimeInterval(15)
        while (try value(serve, #"up{job="api"}"#)) != 1 {
            guard Date() < scrapeDeadline else { return XCTFail("serve did not scrape the demo app within 15 s") }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let before = try value(serve, "sum(http_requests_total)") ?? 0
        let result = try LabctlProcess.run(["load", "--url", app.url + "/do_work?delay_ms=2&fail_rate=0.2", "--vus", "3",
                                            "--duration", "2s", "--remote-write", serve.url + "/api/v1/write",
                                            "--remote-write-interval", "1s", "--out", "json=" + out], timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssert(result.stdout.contains("remote write: "), result.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let requests = try XCTUnwrap(json["requests"] as? Int)
        XCTAssertEqual(try total(serve, "sum(k6_http_reqs_total)"), Double(requests))
        let failures = try total(serve, #"sum(k6_http_reqs_total{status=~"5.."})"#)
        XCTAssertEqual(failures, Double(json["failed"] as? Int ?? -1))
        XCTAssertEqual(failures / Double(requests), 0.2, accuracy: 0.08)
        XCTAssertLessThan(try total(serve, "k6_http_req_duration_p95"), 1, "seconds")
        // serve's scrape of the demo app catches up with the load's count.
        let deadline = Date().addingTimeInterval(10)
        var scraped = try total(serve, "sum(http_requests_total)") - before
        while scraped < Double(requests), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            scraped = try total(serve, "sum(http_requests_total)") - before
        }
        XCTAssertEqual(scraped, Double(requests))
    }

    /// The single value of an instant query against serve (failing the test when there is none).
    private func total(_ serve: DemoAppProcess, _ query: String, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        try XCTUnwrap(try value(serve, query), "no value for \(query)", file: file, line: line)
    }

    /// The single value of an instant query against serve, or nil when the result is empty.
    private func value(_ serve: DemoAppProcess, _ query: String) throws -> Double? {
        let url = serve.url + "/api/v1/query?query=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query)
        let body = try HTTPClient(timeout: 5).get(url).body
        let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        let result = ((object?["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
        guard let value = result.first?["value"] as? [Any], let text = value.last as? String else { return nil }
        return Double(text)
    }
}
