import GoCompat
import Foundation
import PromModel
import Runtime
import LabctlTestSupport
import XCTest

/// `labctl serve` forwarding by `remote_write` to Debian's Prometheus started with
/// `--web.enable-remote-write-receiver`, with the receiver restarted in the middle. Skips without prometheus.
final class ServeRemoteWriteEndToEndTests: XCTestCase {
    typealias Serve = ServeEndToEndTests.Serve

    static func startReceiver(_ executable: String, port: Int, directory: URL) throws -> BackgroundProcess {
        let process = try BackgroundProcess(executable, ["--config.file=prometheus.yml", "--storage.tsdb.path=data",
                                                         "--web.listen-address=127.0.0.1:\(port)",
                                                         "--web.enable-remote-write-receiver"], directory: directory)
        try process.waitUntilReady("http://127.0.0.1:\(port)/-/ready")
        return process
    }

    func testForwardsToPrometheusAcrossAReceiverRestart() throws {
        guard let prometheus = BackgroundProcess.tool("prometheus") else { throw XCTSkip("prometheus not installed") }
        let receiverPort = try LoopbackPort.freeOrSkip()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rw-receiver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "global: {}\n".write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        var receiver = try Self.startReceiver(prometheus, port: receiverPort, directory: directory)
        defer { _ = receiver.stop() }
        let servePort = try LoopbackPort.freeOrSkip()
        let serve = try Serve(config: """
            global: {scrape_interval: 1s}
            scrape_configs:
              - job_name: self
                static_configs: [{targets: ['127.0.0.1:\(servePort)']}]
            remote_write:
              - url: http://receiver:9090/api/v1/write
                name: central
                queue_config: {batch_send_deadline: 500ms, min_backoff: 100ms, max_backoff: 500ms}
            """, arguments: ["--resolve", "receiver:9090=127.0.0.1:\(receiverPort)"], port: servePort)
        defer { serve.stop() }
        Thread.sleep(forTimeInterval: 4)
        _ = receiver.stop()
        Thread.sleep(forTimeInterval: 3)
        receiver = try Self.startReceiver(prometheus, port: receiverPort, directory: directory)
        Thread.sleep(forTimeInterval: 4)

        let stamp = try ServePeersEndToEndTests.vector(serve.json("/api/v1/query?query=" + FormURLEncoding.encode("timestamp(up{job=\"self\"})")))
        let at = try XCTUnwrap(stamp.values.first, "labctl scraped itself")
        let peer = "http://127.0.0.1:\(receiverPort)"
        for query in ["up", "count_over_time(up[1m])", "sum_over_time(scrape_samples_scraped[1m])", "count(count by (__name__) ({job=\"self\"}))"] {
            var theirs: [String: String] = [:], ours: [String: String] = ["": "unset"]
            let until = Date().addingTimeInterval(15)
            while theirs != ours, Date() < until {
                let url = peer + "/api/v1/query?time=\(at)&query=" + FormURLEncoding.encode(query)
                let body = try JSONSerialization.jsonObject(with: Data(HTTPClient(timeout: 5).get(url).body)) as? [String: Any]
                theirs = try ServePeersEndToEndTests.vector(body ?? [:])
                ours = try ServePeersEndToEndTests.vector(serve.json("/api/v1/query?time=\(at)&query=" + FormURLEncoding.encode(query)))
                if theirs != ours { Thread.sleep(forTimeInterval: 0.3) }
            }
            XCTAssertEqual(theirs, ours, query)
            XCTAssertFalse(ours.isEmpty, query)
        }
        let count = try ServePeersEndToEndTests.vector(serve.json("/api/v1/query?time=\(at)&query=" + FormURLEncoding.encode("count_over_time(up[1m])")))
        XCTAssertGreaterThanOrEqual(Double(count.values.first ?? "") ?? 0, 8, "scrapes during the restart are there too")
        let metrics = try serve.get("/metrics").text
        XCTAssertTrue(metrics.contains("prometheus_remote_storage_samples_total{remote_name=\"central\""), metrics)
        let retried = metrics.split(separator: "\n").first { $0.hasPrefix("prometheus_remote_storage_samples_retried_total{") }
        XCTAssertNotEqual(retried.flatMap { $0.split(separator: " ").last }, "0", "the receiver was down for a while")
    }
}
