import ConfigModel
import Foundation
import PromModel
import Storage
import Runtime

/// `labctl-bench scrape [targets] [series] [seconds]`: the scrape manager of `labctl serve` scraping
/// `targets` targets of `series` series each (served by labctl's own HTTP server on loopback) every
/// second into the in-memory store; prints scraped series per second, scrape durations and peak RSS.
enum ScrapeBenchmark {
    static func run(_ arguments: [String]) throws {
        let targets = arguments.first.flatMap(Int.init) ?? 50
        let series = arguments.dropFirst().first.flatMap(Int.init) ?? 2000
        let seconds = arguments.dropFirst(2).first.flatMap(Double.init) ?? 10
        var body = "# HELP bench_requests_total Requests.\n# TYPE bench_requests_total counter\n"
        for i in 0..<series {
            body += "bench_requests_total{endpoint=\"/e\(i % 50)\",status=\"\(200 + i % 5)\",shard=\"\(i)\"} \(i * 7)\n"
        }
        let payload = Array(body.utf8)
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, workers: 8),
                                handler: HTTPClosureHandler { _ in
                                    HTTPServerResponse(status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")], body: payload)
                                })
        try server.start()
        defer { server.shutdown(grace: 1) }
        var config = "global: {scrape_interval: 1s, scrape_timeout: 1s}\nscrape_configs:\n  - job_name: bench\n    static_configs:\n"
        for t in 0..<targets {
            config += "      - targets: ['127.0.0.1:\(server.boundPort)']\n        labels: {replica: 'r\(t)'}\n"
        }
        let parsed = PrometheusConfig.parse(config, file: "bench.yml")
        guard let prometheus = parsed.validValue else {
            print("scrape: generated config is invalid: \(parsed.diagnostics.map(\.description))")
            return
        }
        let storage = MemoryStorage()
        let manager = ScrapeManager(storage: storage)
        try manager.apply(prometheus, baseDirectory: ".")
        print("scrape: \(targets) targets × \(series) series (\(payload.count / 1024) KiB each) every 1s for \(seconds) s")
        let start = DispatchTime.now().uptimeNanoseconds
        manager.start()
        Thread.sleep(forTimeInterval: seconds)
        manager.stop()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let stats = storage.stats()
        let health = manager.activeTargets()
        let durations = health.map(\.lastScrapeDuration).sorted()
        let up = health.filter { $0.health == .up }.count
        print(String(format: "samples stored: %d in %.1f s = %.0f samples/s (%d series, %d/%d targets up)",
                     stats.sampleCount, elapsed, Double(stats.sampleCount) / elapsed, stats.seriesCount, up, health.count))
        if let median = durations.dropFirst(durations.count / 2).first, let worst = durations.last {
            print(String(format: "scrape duration: median %.1f ms, max %.1f ms", median * 1000, worst * 1000))
        }
        print(String(format: "bytes/sample: %.2f", stats.bytesPerSample))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
