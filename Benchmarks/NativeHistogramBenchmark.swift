import Foundation
import PromModel
import Storage
import PromQL
import Runtime

/// `labctl-bench histograms [series] [hours] [buckets]`: native-histogram ingestion into MemoryStorage
/// (histograms/s), bytes per histogram sample in the histogram chunks, and the time of
/// `histogram_quantile(0.95, sum(rate(h[5m])))` as a range query over the whole data set at a 1m step and
/// as an instant query at the end.
enum NativeHistogramBenchmark {
    static func run(arguments: [String]) throws {
        let seriesCount = arguments.first.flatMap(Int.init) ?? 1_000
        let hours = arguments.count > 1 ? (Int(arguments[1]) ?? 24) : 24
        let buckets = arguments.count > 2 ? (Int(arguments[2]) ?? 20) : 20
        let scrape: Int64 = 15_000
        let samplesPerSeries = hours * 3600 * 1000 / Int(scrape)
        let storage = MemoryStorage()
        print("histograms benchmark: \(seriesCount) series x \(hours)h at 15s, \(buckets) buckets = "
              + "\(seriesCount * samplesPerSeries) histogram samples")

        // MARK: Ingestion
        let labels: [Labels] = (0..<seriesCount).map {
            ["__name__": "h", "job": "job-\($0 % 8)", "instance": "host-\($0)"]
        }
        var current: [FloatHistogram] = (0..<seriesCount).map { _ in
            FloatHistogram(schema: 3, zeroThreshold: 2.938735877055719e-39,
                           positive: (0..<buckets).map { HistogramBucket(index: Int32($0) - 4, count: 0) })
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let start = Date()
        let cpuStart = EngineBenchmark.cpuSeconds()
        var total = 0
        for step in 0..<samplesPerSeries {
            let t = Int64(step) * scrape
            let app = storage.appender()
            for i in 0..<seriesCount {
                let observations = Int(next() % 6)
                for _ in 0..<observations {
                    let b = Int(next() % UInt64(buckets) + next() % UInt64(buckets)) / 2
                    current[i].positive[b].count += 1
                    current[i].sum += Double(b) * 0.01
                }
                current[i].count += Double(observations)
                try app.appendHistogram(labels[i], t: t, h: current[i])
                total += 1
            }
            try app.commit()
        }
        let ingest = Date().timeIntervalSince(start)
        let ingestCPU = EngineBenchmark.cpuSeconds() - cpuStart
        print(String(format: "ingestion: %d histograms in %.2fs = %.0f histograms/s (cpu %.2fs = %.0f/s)", total, ingest,
                     Double(total) / ingest, ingestCPU, Double(total) / ingestCPU))
        let stats = storage.stats()
        print(String(format: "held: %d histogram samples in %d chunk bytes = %.2f bytes/histogram sample (%d buckets)",
                     stats.histogramSampleCount, stats.histogramChunkBytes, stats.bytesPerHistogramSample, buckets))
        print("maxrss after ingestion: \(StorageBenchmark.maxRSSKiB()) KiB")

        // MARK: Decoding (what every query over the whole range pays first)
        do {
            let selectStart = Date()
            let all = try storage.select([try LabelMatcher(.equal, "__name__", "h")], mint: .min, maxt: .max)
            let decoded = all.series.reduce(0) { $0 + $1.histograms.count }
            let elapsed = Date().timeIntervalSince(selectStart)
            print(String(format: "select + decode of every histogram: %d in %.2fs = %.0f histograms/s", decoded,
                         elapsed, Double(decoded) / elapsed))
        }

        // MARK: Queries
        let engine = Engine(options: EngineOptions(maxSamples: 2_000_000_000, timeout: 3600))
        let end = Int64(samplesPerSeries - 1) * scrape
        let expr = try Parser().parseExpr("histogram_quantile(0.95, sum(rate(h[5m])))")
        var queryStart = Date()
        var cpu = EngineBenchmark.cpuSeconds()
        let result = try engine.rangeQuery(expr, start: 0, end: end, step: 60_000, querier: storage)
        var points = 0
        if case .matrix(let m) = result.value { points = m.reduce(0) { $0 + $1.points.count } }
        print(String(format: "range query histogram_quantile(0.95, sum(rate(h[5m]))) (%d steps): %.2fs (cpu %.2fs), %d points",
                     Int(end / 60_000) + 1, Date().timeIntervalSince(queryStart), EngineBenchmark.cpuSeconds() - cpu, points))
        let rounds = 5
        queryStart = Date()
        cpu = EngineBenchmark.cpuSeconds()
        for _ in 0..<rounds { _ = try engine.instantQuery(expr, at: end, querier: storage) }
        print(String(format: "instant query at the end: %.1f ms (cpu %.1f ms)", Date().timeIntervalSince(queryStart) / Double(rounds) * 1000,
                     (EngineBenchmark.cpuSeconds() - cpu) / Double(rounds) * 1000))
        print("peak maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
