import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// One fixture target scraped by Debian's Prometheus and by labctl's ``ScrapeManager`` with the same
/// `relabel_configs` and `metric_relabel_configs`: both must store the same set of series.
/// Skips when /usr/bin/prometheus is missing.
final class ScrapePrometheusAgreementTests: XCTestCase {
    private static let exposition = """
        # HELP http_requests_total Requests.
        # TYPE http_requests_total counter
        http_requests_total{code="200",method="GET",path="/API"} 10
        http_requests_total{code="500",method="GET",path="/api"} 2
        http_requests_total{code="200",method="POST",path="/Login"} 4
        # TYPE job gauge
        job{job="inner",instance="inner:1"} 1
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.1"} 1
        latency_seconds_bucket{le="1"} 3
        latency_seconds_bucket{le="+Inf"} 4
        latency_seconds_sum 2.5
        latency_seconds_count 4
        # TYPE rpc summary
        rpc{quantile="0.5"} 0.2
        rpc_sum 7
        rpc_count 9
        # TYPE go_goroutines gauge
        go_goroutines 12
        # TYPE debug_info gauge
        debug_info{version="1.2.3"} 1
        """ + "\n"

    private static func config(_ address: String) -> String {
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 500ms
        scrape_configs:
          - job_name: agree
            honor_timestamps: false
            static_configs:
              - targets: ["\(address)"]
                labels: {__meta_zone: eu1, Team: WEB}
            relabel_configs:
              - {source_labels: [__meta_zone], regex: "(eu|us)(.*)", target_label: region, replacement: "$1-$2"}
              - {regex: "__meta_(.*)", replacement: "meta_$1", action: labelmap}
              - {source_labels: [Team], target_label: team, action: lowercase}
              - {regex: "Team", action: labeldrop}
              - {source_labels: [__address__], modulus: 4, target_label: shard, action: hashmod}
            metric_relabel_configs:
              - {source_labels: [__name__], regex: "debug_.*", action: drop}
              - {source_labels: [code], regex: "5..", action: drop}
              - {source_labels: [path], target_label: path, action: lowercase}
              - {source_labels: [method], target_label: verb, action: uppercase}
              - {regex: "method", action: labeldrop}
              - {source_labels: [__name__], regex: "(go)_(.*)", target_label: runtime, replacement: "$1"}
        """
    }

    func testSameSeriesAsPrometheus() throws {
        let target = try ScrapeFixtureTarget(text: Self.exposition)
        defer { target.stop() }
        let peer = try PrometheusAPIPeer(config: Self.config(target.address))
        defer { peer.stop() }

        // Wait (bounded) until Prometheus has scraped at least twice.
        let deadline = Date().addingTimeInterval(20)
        while target.requests.count < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try XCTSkipUnless(target.requests.count >= 2, "prometheus did not scrape within 20 s")
        Thread.sleep(forTimeInterval: 0.3)
        let response = try peer.send("GET", "/api/v1/series?match%5B%5D=%7B__name__%3D~%22.%2B%22%7D")
        XCTAssertEqual(response.status, 200)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        let theirs = Set(try XCTUnwrap(json["data"] as? [[String: String]]).map { Labels($0).description })
        // What Prometheus itself sent, so the comparison is about the same request.
        let theirAccept = target.requests.first?.header("Accept") ?? ""
        XCTAssertTrue(theirAccept.contains("application/openmetrics-text"), theirAccept)

        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(Self.config(target.address), storage: storage)
        let results = manager.scrapeAllOnce()
        XCTAssertNil(results.first?.error)
        manager.scrapeAllOnce()
        let ours = ScrapeTestKit.seriesNames(storage)
        XCTAssertEqual(ours.subtracting(theirs).sorted(), [], "only labctl")
        XCTAssertEqual(theirs.subtracting(ours).sorted(), [], "only prometheus")
        XCTAssertGreaterThan(ours.count, 10)
        XCTAssertTrue(ours.contains { $0.hasPrefix("scrape_samples_post_metric_relabeling{") })
    }
}
