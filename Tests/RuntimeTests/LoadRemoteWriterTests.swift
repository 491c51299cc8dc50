import Foundation
import PromModel
@testable import Runtime
import XCTest

/// `labctl load --remote-write`: the run's k6_* series reach a remote-write receiver (a loopback
/// server decoding snappy protobuf here) with the seed's names, and the last push has the totals.
final class LoadRemoteWriterTests: XCTestCase {
    /// Received series, by name and labels, last value wins.
    private final class Receiver: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Labels: Double] = [:]
        private(set) var pushes = 0

        func receive(_ request: HTTPServerRequest) -> HTTPServerResponse {
            guard request.header("Content-Encoding") == "snappy",
                  let decoded = try? RemoteWriteRequest.decode(snappyCompressed: request.body) else { return .plain(400, "bad") }
            lock.withLock {
                pushes += 1
                for series in decoded.timeseries { values[series.labels] = series.samples.last?.v }
            }
            return HTTPServerResponse(status: 204)
        }

        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            var all = labels
            all[Label.metricName] = name
            return lock.withLock { values[Labels(all)] }
        }

        var count: Int { lock.withLock { pushes } }
    }

    func testTheRunsMetricsArePushedWithK6sNames() throws {
        let receiver = Receiver()
        let sink = try LoadTestServer { receiver.receive($0) }
        defer { sink.stop() }
        let target = try LoadTestServer { request in request.path == "/fail" ? .plain(503, "no") : .plain(200, "ok") }
        defer { target.stop() }
        var scenario = LoadScenario(targets: [.init(url: target.baseURL + "/", weight: 3), .init(url: target.baseURL + "/fail")],
                                    executor: .rampingVUs(startVUs: 2, stages: [.init(duration: 0.8, target: 2)]))
        scenario.seed = 4
        let writer = try LoadRemoteWriter(url: sink.baseURL + "/api/v1/write")
        let summary = try LoadRunner(scenario: scenario).run(progressInterval: 0.2) { progress in
            writer.push(progress.summary, vus: progress.vus)
        }
        writer.finish(summary)
        XCTAssertGreaterThanOrEqual(receiver.count, 3)
        XCTAssertEqual(writer.status.pushes, receiver.count)
        XCTAssertEqual(writer.status.failures, [])
        XCTAssertEqual(receiver.value("k6_http_reqs_total", ["status": "200"]), Double(summary.statuses[200] ?? -1))
        XCTAssertEqual(receiver.value("k6_http_reqs_total", ["status": "503"]), Double(summary.statuses[503] ?? -1))
        XCTAssertEqual(receiver.value("k6_vus"), 0, "the last push is after the end")
        XCTAssertEqual(receiver.value("k6_vus_max"), 2)
        let p95 = try XCTUnwrap(receiver.value("k6_http_req_duration_p95"))
        XCTAssertEqual(p95, summary.latency.percentile(95) / 1_000_000, accuracy: 1e-9)
        XCTAssertLessThan(p95, 1, "seconds, not milliseconds")
        XCTAssertEqual(receiver.value("k6_http_req_failed_rate") ?? -1, summary.errorRate, accuracy: 1e-12)
        XCTAssertEqual(receiver.value("k6_data_sent_total"), Double(summary.bytesSent))
    }

    func testOnlyLoopbackReceivers() {
        XCTAssertThrowsError(try LoadRemoteWriter(url: "http://198.51.100.7:9090/api/v1/write"))
        XCTAssertNoThrow(try LoadRemoteWriter(url: "http://prometheus:9090/api/v1/write", allowedHosts: ["prometheus"]))
        XCTAssertThrowsError(try LoadRemoteWriter(url: "not a url"))
    }

    func testAnUnreachableReceiverIsReportedNotFatal() throws {
        let writer = try LoadRemoteWriter(url: "http://127.0.0.1:1/api/v1/write", timeout: 1)
        var summary = LoadSummary()
        summary.requests = 1
        writer.finish(summary)
        XCTAssertEqual(writer.status.pushes, 0)
        XCTAssertEqual(writer.status.failures.count, 1)
    }
}
