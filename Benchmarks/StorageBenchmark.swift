import Foundation
import PromModel
import Storage
import Runtime

/// `labctl-bench storage`: series creation, ingestion, bytes per sample and select latency.
enum StorageBenchmark {
    static func run() throws {
        let seriesCount = 10_000
        let samplesPerSeries = 720  // 3h at 15s
        let storage = MemoryStorage()
        let jobs = ["api", "web", "db", "cache", "queue"]
        let statuses = ["200", "201", "301", "404", "500", "502", "503", "504"]

        // MARK: Series creation
        var refs: [SeriesRef] = []
        refs.reserveCapacity(seriesCount)
        var start = Date()
        let app = storage.appender()
        for i in 0..<seriesCount {
            let labels: Labels = [
                "__name__": "http_requests_total", "job": jobs[i % jobs.count],
                "status": statuses[(i / jobs.count) % statuses.count], "instance": "host-\(i / 40):9100",
                "path": "/api/v\(i % 3)/item\(i % 17)",
            ]
            refs.append(try app.append(labels, t: 0, v: 0))
        }
        try app.commit()
        let creation = Date().timeIntervalSince(start)
        print(String(format: "series creation: %d series in %.3fs = %.0f series/s",
                     seriesCount, creation, Double(seriesCount) / creation))

        // MARK: Ingestion
        start = Date()
        var total = 0
        for step in 1..<samplesPerSeries {
            let t = Int64(step) * 15_000 + Int64(step % 5)
            let batch = storage.appender()
            for (i, ref) in refs.enumerated() {
                try batch.append(ref, t: t, v: Double(step * (i % 13)) + (i % 4 == 0 ? 0.5 : 0))
            }
            try batch.commit()
            total += refs.count
        }
        let ingest = Date().timeIntervalSince(start)
        print(String(format: "ingestion: %d samples in %.3fs = %.0f samples/s", total, ingest, Double(total) / ingest))

        let stats = storage.stats()
        print(String(format: "held: %d series, %d samples, %d chunks, %d chunk bytes = %.2f bytes/sample",
                     stats.seriesCount, stats.sampleCount, stats.chunkCount, stats.chunkBytes,
                     stats.bytesPerSample))

        // MARK: Select
        let matchers = [try LabelMatcher(.equal, "job", "api"), try LabelMatcher(.regexMatch, "status", "5..")]
        for (label, mint) in [("5m window", Int64(samplesPerSeries - 20) * 15_000), ("full range", Int64(0))] {
            let rounds = 50
            start = Date()
            var found = 0, decoded = 0
            for _ in 0..<rounds {
                let set = try storage.select(matchers, mint: mint, maxt: .max)
                found = set.count
                for series in set { decoded += series.samples.count }
            }
            let each = Date().timeIntervalSince(start) / Double(rounds)
            print(String(format: "select {job=\"api\",status=~\"5..\"} (%@): %d series, %.3f ms per select+decode (%d samples)",
                         label, found, each * 1000, decoded / rounds))
        }
        start = Date()
        for _ in 0..<50 { _ = try storage.select(matchers, mint: 0, maxt: .max) }
        print(String(format: "select only (no decode): %.3f ms", Date().timeIntervalSince(start) / 50 * 1000))
        print("maxrss: \(maxRSSKiB()) KiB")
    }
}

// MARK: - Memory

extension StorageBenchmark {
    /// Peak resident memory of this process from getrusage, in KiB (Linux reports KiB, macOS bytes).
    static func maxRSSKiB() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss) / 1024
        #endif
    }
}
