import Exposition
import Foundation
import Runtime
import Storage

/// `labctl-bench exposition [SERIES]`: parse and write throughput for both formats on SERIES series
/// lines (default 10,000, about 1 MB, in families of 50; 200,000 is about 20 MB), and backfill loading.
enum ExpositionBenchmark {
    static func run(_ arguments: [String] = []) throws {
        let series = max(50, arguments.first.flatMap(Int.init) ?? 10_000)
        for format in ExpositionFormat.allCases {
            let input = makeInput(families: series / 50, seriesPerFamily: 50, format: format)
            let bytes = Double(input.utf8.count)
            let parser = ExpositionParser(format: format)
            let rounds = 5
            var samples = 0
            var start = Date()
            var families: [MetricFamily] = []
            for _ in 0..<rounds {
                families = try parser.parse(input)
                samples = families.reduce(0) { $0 + $1.samples.count }
            }
            let parse = Date().timeIntervalSince(start) / Double(rounds)
            start = Date()
            var written = 0
            for _ in 0..<rounds { written = ExpositionWriter(format: format).write(families).utf8.count }
            let write = Date().timeIntervalSince(start) / Double(rounds)
            print(String(format: "%@ parse: %d samples, %.1f MB in %.3fs = %.0f samples/s, %.1f MB/s; write %.0f samples/s (%d bytes)",
                         format.rawValue, samples, bytes / 1e6, parse, Double(samples) / parse,
                         bytes / 1e6 / parse, Double(samples) / write, written))
        }

        // Backfill: 1000 series × 240 timestamps.
        var om = "# TYPE load gauge\n"
        for s in 0..<1000 {
            for i in 0..<240 { om += "load{instance=\"host-\(s)\"} \(Double(s + i) * 0.5) \(1_700_000_000 + i * 15)\n" }
        }
        om += "# EOF\n"
        let storage = MemoryStorage()
        let start = Date()
        let summary = try OpenMetricsBackfill.load(om, into: storage)
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "backfill: %d samples of %d series in %.3fs = %.0f samples/s; %.2f bytes/sample held",
                     summary.samples, summary.series, elapsed, Double(summary.samples) / elapsed,
                     storage.stats().bytesPerSample))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }

    /// A realistic /metrics page: counters with a few labels, HELP and TYPE lines.
    static func makeInput(families: Int, seriesPerFamily: Int, format: ExpositionFormat) -> String {
        var out = ""
        let suffix = format == .openMetrics ? "" : "_total"
        for f in 0..<families {
            out += "# HELP app_metric_\(f)\(suffix) Something counted, family \(f).\n# TYPE app_metric_\(f)\(suffix) counter\n"
            for s in 0..<seriesPerFamily {
                out += "app_metric_\(f)_total{method=\"GET\",path=\"/api/v1/items/\(s % 7)\",status=\"\(200 + s % 5)\",instance=\"host-\(s):9100\"} \(f * 1000 + s).5\n"
            }
        }
        return format == .openMetrics ? out + "# EOF\n" : out
    }
}
