import Exposition
import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// Native histograms through the scraper: `scrape_protocols` with `PrometheusProto` first puts the
/// protobuf format first in the Accept header, a protobuf reply is decoded and its histograms are
/// appended as histogram samples; without it the Accept header is unchanged.
final class ScrapeNativeHistogramTests: XCTestCase {
    private let t: Int64 = 1_000_000

    private func protobufBody(count: Double) -> [UInt8] {
        var h = MetricSample(name: "rpc_duration_seconds", labels: ["method": "get"], value: 0)
        h.histogram = FloatHistogram(schema: 3, count: count, sum: count / 2,
                                     positive: [HistogramBucket(index: 0, count: count - 1), HistogramBucket(index: 2, count: 1)])
        return ProtobufExpositionWriter().write([
            MetricFamily(name: "rpc_duration_seconds", type: .histogram, help: "RPC latency.", samples: [h]),
            MetricFamily(name: "up_total", type: .counter, samples: [MetricSample(name: "up_total", value: 3)]),
        ])
    }

    func testProtobufRepliesAreIngestedWithTheirHistograms() throws {
        let target = try ScrapeFixtureTarget()
        defer { target.stop() }
        target.update {
            $0.body = self.protobufBody(count: 5)
            $0.contentType = ProtobufExpositionParser.contentType
        }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address, "scrape_protocols: [PrometheusProto, PrometheusText0.0.4]"),
                                                storage: storage, directory: ".")
        let result = try XCTUnwrap(manager.scrapeAllOnce(at: t).first)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.format, "protobuf")
        let accept = try XCTUnwrap(target.requests.first?.header("Accept"))
        XCTAssertTrue(accept.hasPrefix("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6"), accept)
        XCTAssertTrue(accept.hasSuffix("text/plain;version=0.0.4;q=0.5,*/*;q=0.4"), accept)
        let set = try storage.select([try LabelMatcher(.equal, "__name__", "rpc_duration_seconds")], mint: .min, maxt: .max)
        let h = try XCTUnwrap(set.first?.histograms.first)
        XCTAssertEqual(h.t, t)
        XCTAssertEqual(h.h.count, 5)
        XCTAssertEqual(h.h.positive.map(\.index), [0, 2])
        XCTAssertEqual(set.first?.labels["method"], "get")
        let counter = try storage.select([try LabelMatcher(.equal, "__name__", "up_total")], mint: .min, maxt: .max)
        XCTAssertEqual(counter.first?.samples.map(\.v), [3])
        XCTAssertEqual(storage.stats().histogramSampleCount, 1)
    }

    func testWithoutScrapeProtocolsTheTextFormatsAreAskedFor() throws {
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address, ""), storage: MemoryStorage(), directory: ".")
        _ = manager.scrapeAllOnce(at: t)
        XCTAssertEqual(target.requests.first?.header("Accept"), Scraper.acceptHeader)
        XCTAssertFalse(Scraper.acceptHeader.contains("protobuf"))
    }

    func testCorruptProtobufFailsTheScrapeCleanly() throws {
        let target = try ScrapeFixtureTarget()
        defer { target.stop() }
        target.update {
            $0.body = Array(self.protobufBody(count: 5).prefix(30))
            $0.contentType = ProtobufExpositionParser.contentType
        }
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address, "scrape_protocols: [PrometheusProto]"),
                                                storage: MemoryStorage(), directory: ".")
        let result = try XCTUnwrap(manager.scrapeAllOnce(at: t).first)
        XCTAssertTrue(result.error?.contains("protobuf") == true, result.error ?? "no error")
        XCTAssertTrue(result.samples.isEmpty)
    }
}
