import Exposition
import Foundation
import Runtime
import Storage

/// `labctl-bench data-load [SERIES] [POINTS]`: loads a generated OpenMetrics backfill file (SERIES
/// series × POINTS timestamps, default 5,000 × 240 ≈ 95 MB) into a fresh `MemoryStorage` through
/// `DataFileLoader`, as `labctl query --data` does, and prints MB/s, lines/s, samples/s and peak RSS.
enum DataLoadBenchmark {
    static func generate(series: Int, points: Int) -> String {
        var out = "# TYPE load gauge\n"
        out.reserveCapacity(series * points * 80)
        for s in 0..<series {
            for i in 0..<points {
                out += "load{instance=\"host-\(s):9100\",job=\"node\",region=\"eu-west-1\"} \(Double(s + i) * 0.5) \(1_700_000_000 + i * 15)\n"
            }
        }
        return out + "# EOF\n"
    }

    static func run(_ arguments: [String]) throws {
        let series = arguments.first.flatMap(Int.init) ?? 5_000
        let points = arguments.dropFirst().first.flatMap(Int.init) ?? 240
        let text = generate(series: series, points: points)
        let bytes = Double(text.utf8.count)
        let lines = Double(series * points + 2)
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = try DataFileLoader.load(text, file: "bench.om", into: MemoryStorage(),
                                              limits: ExpositionLimits(maxBytes: max(text.utf8.count, 1 << 30),
                                                                      maxSamples: max(series * points, 20_000_000)))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "data-load: %.1f MB, %.0f lines, %d samples in %.3fs = %.1f MB/s, %.0f lines/s, %.0f samples/s",
                     bytes / 1e6, lines, summary.samples, seconds, bytes / 1e6 / seconds, lines / seconds,
                     Double(summary.samples) / seconds))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
