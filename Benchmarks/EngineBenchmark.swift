import Foundation
import PromModel
import Storage
import PromQL
import Runtime

/// `labctl-bench engine [series] [hours]`: ingestion into MemoryStorage, bytes/sample, and the time of
/// the range query `sum by (job) (rate(x[5m]))` over the whole data set at a 1m step.
enum EngineBenchmark {
    static func run(arguments: [String]) throws {
        let seriesCount = arguments.first.flatMap(Int.init) ?? 10_000
        let hours = arguments.count > 1 ? (Int(arguments[1]) ?? 24) : 24
        let scrape: Int64 = 15_000
        let samplesPerSeries = hours * 3600 * 1000 / Int(scrape)
        let storage = MemoryStorage()
        let jobs = ["api", "web", "db", "cache", "queue", "auth", "search", "mail"]
        print("engine benchmark: \(seriesCount) series x \(hours)h at 15s = \(seriesCount * samplesPerSeries) samples")

        // MARK: Ingestion
        var refs: [SeriesRef] = []
        refs.reserveCapacity(seriesCount)
        let setup = storage.appender()
        for i in 0..<seriesCount {
            let labels: Labels = ["__name__": "x", "job": jobs[i % jobs.count], "instance": "host-\(i)",
                                  "path": "/v\(i % 7)"]
            refs.append(try setup.append(labels, t: 0, v: 0))
        }
        try setup.commit()
        var start = Date()
        let ingestCPUStart = cpuSeconds()
        var total = refs.count
        var counters = [Double](repeating: 0, count: seriesCount)
        for step in 1..<samplesPerSeries {
            let t = Int64(step) * scrape
            let batch = storage.appender()
            for (i, ref) in refs.enumerated() {
                counters[i] += Double((i &* 7 &+ step) % 13)
                try batch.append(ref, t: t, v: counters[i])
            }
            try batch.commit()
            total += refs.count
        }
        let ingest = Date().timeIntervalSince(start)
        let ingestCPU = cpuSeconds() - ingestCPUStart
        print(String(format: "ingestion: %d samples in %.2fs = %.0f samples/s (cpu %.2fs = %.0f samples/s)", total,
                     ingest, Double(total) / ingest, ingestCPU, Double(total) / ingestCPU))
        let stats = storage.stats()
        print(String(format: "held: %d samples in %d chunk bytes = %.2f bytes/sample", stats.sampleCount,
                     stats.chunkBytes, stats.bytesPerSample))
        print("maxrss after ingestion: \(StorageBenchmark.maxRSSKiB()) KiB")

        // MARK: Range query
        let engine = Engine(options: EngineOptions(maxSamples: 500_000_000, timeout: 3600))
        let end = Int64(samplesPerSeries - 1) * scrape
        for query in ["sum by (job) (rate(x[5m]))", "sum by (job) (rate(x[5m] smoothed))",
                      "sum by (job) (increase(x[5m] anchored))", "sum by (job) (x smoothed)"] {
            let expr = try Parser(options: .allExperimental).parseExpr(query)
            start = Date()
            let cpuStart = cpuSeconds()
            let result = try engine.rangeQuery(expr, start: 0, end: end, step: 60_000, querier: storage)
            let elapsed = Date().timeIntervalSince(start)
            let cpu = cpuSeconds() - cpuStart
            var points = 0
            if case .matrix(let m) = result.value { points = m.reduce(0) { $0 + $1.points.count } }
            print(String(format: "range query %@ (%d steps): %.2fs (cpu %.2fs), %d result points", query,
                         Int(end / 60_000) + 1, elapsed, cpu, points))
        }
        let instant = try Parser().parseExpr("sum by (job) (rate(x[5m]))")
        start = Date()
        let rounds = 20
        for _ in 0..<rounds { _ = try engine.instantQuery(instant, at: end, querier: storage) }
        print(String(format: "instant query sum by (job) (rate(x[5m])): %.1f ms", Date().timeIntervalSince(start) / Double(rounds) * 1000))
        print("peak maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }

    /// CPU time of this thread in seconds (less disturbed than wall time on a shared machine).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
