import GoCompat
import Foundation
import PromModel
import Storage
import Runtime

/// `labctl-bench api [series]`: ``PrometheusAPI`` requests per second called in-process (no
/// sockets): instant and range queries, series listing, federation and remote-write appends.
enum APIBenchmark {
    static func run(_ arguments: [String]) throws {
        let seriesCount = arguments.first.flatMap(Int.init) ?? 2_000
        let storage = MemoryStorage()
        let app = storage.appender()
        var refs: [SeriesRef] = []
        for i in 0..<seriesCount {
            refs.append(try app.append(["__name__": "http_requests_total", "job": "job\(i % 10)",
                                        "instance": "host-\(i):9100", "code": i % 7 == 0 ? "500" : "200"], t: 0, v: 0))
        }
        for step in 1...240 {
            for (i, ref) in refs.enumerated() { try app.append(ref, t: Int64(step) * 15_000, v: Double(step * (i % 5 + 1))) }
        }
        try app.commit()
        let now: Int64 = 240 * 15_000
        let api = PrometheusAPI(storage: storage, context: APIContext(now: { now }, enableRemoteWrite: true))
        print("storage: \(seriesCount) series × 241 samples")

        func measure(_ label: String, rounds: Int, _ request: (Int) -> HTTPServerRequest) {
            let start = Date()
            var bytes = 0, failures = 0
            for i in 0..<rounds {
                let response = api.handle(request(i))
                bytes += response.body.count
                if response.status >= 300 { failures += 1 }
            }
            let elapsed = Date().timeIntervalSince(start)
            print(String(format: "%@: %d requests in %.3fs = %.0f req/s, %.1f KiB/response, %d failed",
                         label, rounds, elapsed, Double(rounds) / elapsed, Double(bytes) / Double(rounds) / 1024, failures))
        }
        let q = FormURLEncoding.encode("sum by (job) (rate(http_requests_total[5m]))")
        measure("query instant sum(rate)", rounds: 200) { _ in
            HTTPServerRequest(method: "GET", target: "/api/v1/query?query=\(q)")
        }
        measure("query_range sum(rate) 1h/15s", rounds: 50) { _ in
            HTTPServerRequest(method: "GET", target: "/api/v1/query_range?query=\(q)&start=0&end=3600&step=15")
        }
        measure("query instant 1+1", rounds: 5_000) { _ in HTTPServerRequest(method: "GET", target: "/api/v1/query?query=1%2B1") }
        let selector = FormURLEncoding.encode(#"http_requests_total{job="job1"}"#)
        measure("series job1", rounds: 200) { _ in HTTPServerRequest(method: "GET", target: "/api/v1/series?match[]=\(selector)") }
        measure("federate job1", rounds: 200) { _ in HTTPServerRequest(method: "GET", target: "/federate?match[]=\(selector)") }
        measure("remote write 100 series × 1 sample", rounds: 500) { i in
            let body = RemoteWriteRequest(timeseries: (0..<100).map { s in
                RemoteWriteRequest.TimeSeries(labels: ["__name__": "pushed", "series": "\(s)"],
                                              samples: [Sample(t: Int64(i) * 1000, v: Double(i))])
            }).encodedSnappy()
            return HTTPServerRequest(method: "POST", target: "/api/v1/write",
                                     headers: [("Content-Type", "application/x-protobuf"), ("Content-Encoding", "snappy")],
                                     body: body)
        }
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
