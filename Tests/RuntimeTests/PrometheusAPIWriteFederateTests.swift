import Exposition
import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// The remote-write receiver and `/federate`.
final class PrometheusAPIWriteFederateTests: XCTestCase {
    private func writeRequest(_ series: [(Labels, [(Int64, Double)])]) -> [UInt8] {
        RemoteWriteRequest(timeseries: series.map { labels, samples in
            RemoteWriteRequest.TimeSeries(labels: labels, samples: samples.map { Sample(t: $0.0, v: $0.1) })
        }).encodedSnappy()
    }

    private func post(_ api: PrometheusAPI, _ body: [UInt8], headers: [(String, String)]? = nil) -> HTTPServerResponse {
        let standard = [("Content-Type", "application/x-protobuf"), ("Content-Encoding", "snappy"),
                        ("X-Prometheus-Remote-Write-Version", "0.1.0")]
        return api.handle(HTTPServerRequest(method: "POST", target: "/api/v1/write",
                                            headers: (headers ?? standard).map { (name: $0.0, value: $0.1) }, body: body))
    }

    private func receiver(_ storage: MemoryStorage = MemoryStorage()) -> PrometheusAPI {
        APIFixture.api(storage, context: APIContext(now: { APIFixture.now }, enableRemoteWrite: true))
    }

    // MARK: - Remote write

    func testDisabledReceiverIs404() throws {
        let response = post(APIFixture.api(MemoryStorage()), writeRequest([]))
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(APIFixture.text(response),
                       "remote write receiver needs to be enabled with --web.enable-remote-write-receiver\n")
    }

    func testValidRequestIsAppendedAndQueryable() throws {
        let storage = MemoryStorage()
        let api = receiver(storage)
        let labels: Labels = ["__name__": "pushed_total", "job": "remote"]
        let response = post(api, writeRequest([(labels, [(540_000, 1), (570_000, 2), (600_000, 3)]),
                                               (["job": "nameless"], [(600_000, 9)])]))
        XCTAssertEqual(response.status, 204, APIFixture.text(response))
        XCTAssertTrue(response.body.isEmpty)
        let body = try APIFixture.json(APIFixture.get(api, "/api/v1/query?query=pushed_total"))
        let result = try XCTUnwrap((body["data"] as? [String: Any])?["result"] as? [[String: Any]])
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual((result[0]["value"] as? [Any])?.last as? String, "3")
        XCTAssertEqual(storage.stats().seriesCount, 1, "the series without __name__ is skipped")
        XCTAssertTrue(APIFixture.text(APIFixture.get(api, "/metrics")).contains("labctl_remote_write_samples_received_total 4"))
    }

    func testGarbageBodiesAre400() throws {
        let api = receiver()
        for body in [[UInt8](repeating: 0xFF, count: 32), Array("not snappy at all".utf8), []] {
            let response = post(api, body)
            XCTAssertEqual(response.status, 400, "\(body.prefix(4))")
            XCTAssertFalse(APIFixture.text(response).isEmpty)
        }
        // Valid snappy around bytes that are not a protobuf WriteRequest.
        let response = post(api, Snappy.encode([0x0A, 0xFF, 0xFF, 0xFF, 0x0F]))
        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(APIFixture.text(response).hasPrefix("protobuf"), APIFixture.text(response))
    }

    func testContentTypeAndEncodingChecks() throws {
        let api = receiver()
        let body = writeRequest([(["__name__": "x"], [(1, 1)])])
        let json = post(api, body, headers: [("Content-Type", "application/json")])
        XCTAssertEqual(json.status, 415)
        XCTAssertEqual(APIFixture.text(json),
                       "expected application/x-protobuf as the first (media) part, got application/json content-type\n")
        let v2 = post(api, body, headers: [("Content-Type", "application/x-protobuf;proto=io.prometheus.write.v2.Request")])
        XCTAssertEqual(v2.status, 415)
        let gzip = post(api, body, headers: [("Content-Type", "application/x-protobuf"), ("Content-Encoding", "gzip")])
        XCTAssertEqual(APIFixture.text(gzip), "gzip encoding (compression) is not accepted by this server; only snappy is acceptable\n")
        XCTAssertEqual(post(api, body, headers: []).status, 204, "no content type means protobuf")
    }

    func testOutOfOrderSampleRollsBackAndIs400() throws {
        let storage = MemoryStorage()
        try storage.append(["__name__": "x", "job": "a"], t: 100_000, v: 1)
        let api = receiver(storage)
        let response = post(api, writeRequest([(["__name__": "fresh"], [(100_000, 1)]),
                                               (["__name__": "x", "job": "a"], [(50_000, 2)])]))
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(APIFixture.text(response), "out of order sample\n")
        XCTAssertEqual(storage.stats().sampleCount, 1, "nothing of the rejected request is kept")
        let duplicate = post(api, writeRequest([(["__name__": "x", "job": "a"], [(100_000, 5)])]))
        XCTAssertEqual(APIFixture.text(duplicate), "duplicate sample for timestamp\n")
    }

    // MARK: - Federation

    func testFederateLatestSamplesReparse() throws {
        let storage = try APIFixture.storage()
        try storage.append(["__name__": "gone", "job": "api"], t: 590_000, v: 5)
        try storage.append(["__name__": "gone", "job": "api"], t: 595_000, v: StaleNaN.value)
        try storage.append(["__name__": "ancient", "job": "api"], t: 1_000, v: 1)
        try storage.append(["__name__": "big", "job": "api", "instance": "z", "region": "us"], t: 599_000, v: 1_234_567)
        let context = APIContext(externalLabels: { ["region": "eu", "cluster": "lab"] }, now: { APIFixture.now })
        let api = APIFixture.api(storage, context: context)
        let target = APIFixture.target("/federate", [("match[]", #"{job="api"}"#), ("match[]", "up")])
        let response = APIFixture.get(api, target)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8")
        let text = APIFixture.text(response)
        XCTAssertTrue(text.contains("# TYPE up untyped\n"), text)
        XCTAssertTrue(text.contains(#"up{instance="a:1",job="api",cluster="lab",region="eu"} 1 600000"#), text)
        XCTAssertTrue(text.contains(#"http_requests_total{code="200",job="api",cluster="lab",instance="",region="eu"} 400 600000"#), text)
        XCTAssertTrue(text.contains(#"big{instance="z",job="api",region="us",cluster="lab"} 1.234567e+06 599000"#), text)
        XCTAssertFalse(text.contains("gone"), "stale series are left out")
        XCTAssertFalse(text.contains("ancient"), "samples older than the lookback are left out")

        let families = try ExpositionParser.parse(text)
        XCTAssertEqual(families.map(\.name), ["big", "http_requests_total", "up"])
        XCTAssertTrue(families.allSatisfy { $0.type == .unknown })
        let up = try XCTUnwrap(families.last)
        XCTAssertEqual(up.samples.count, 2)
        XCTAssertEqual(up.samples.map(\.timestamp), [600_000, 600_000])
        XCTAssertEqual(up.samples.map(\.value), [1, 0])
        XCTAssertEqual(up.samples.first?.labels["cluster"], "lab")
    }

    func testFederateWithoutMatchIsEmptyAndBadMatchIs400() throws {
        let api = APIFixture.api(try APIFixture.storage())
        let empty = APIFixture.get(api, "/federate")
        XCTAssertEqual(empty.status, 200)
        XCTAssertTrue(empty.body.isEmpty)
        let everything = APIFixture.text(APIFixture.get(api, APIFixture.target("/federate", [("match[]", #"{job=~".*"}"#)])))
        XCTAssertEqual(everything.components(separatedBy: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }.count, 3,
                       "a selector matching the empty string takes every series, as Prometheus's federation")
        let bad = APIFixture.get(api, APIFixture.target("/federate", [("match[]", "up{")]))
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(APIFixture.text(bad).contains("parse error"), APIFixture.text(bad))
    }
}
