import Exposition
import Foundation
import Runtime

/// `labctl-bench check-metrics [SERIES] [FORMAT]`: parses and lints a generated exposition of SERIES
/// series lines (default 200,000, about 20 MB; FORMAT `text` or `openmetrics`) as `labctl check metrics`
/// does, and prints MB/s, lines/s and peak RSS. `Benchmarks/compare-promtool.sh` writes the same shape
/// of file for the side-by-side run with promtool.
enum CheckMetricsBenchmark {
    /// 100 series per counter family, with HELP and TYPE, four labels each.
    static func generate(series: Int, format: ExpositionFormat) -> String {
        var out = ""
        out.reserveCapacity(series * 110)
        let families = max(1, series / 100)
        let suffix = format == .openMetrics ? "" : "_total"
        for f in 0..<families {
            out += "# HELP app_requests_\(f)\(suffix) Requests handled by handler \(f).\n"
            out += "# TYPE app_requests_\(f)\(suffix) counter\n"
            for s in 0..<100 {
                out += "app_requests_\(f)_total{method=\"GET\",path=\"/api/v1/items/\(s % 7 * 10 + s)\","
                out += "status=\"\(200 + s % 5)\",instance=\"host-\(s):9100\"} \(f * 1000 + s).5\n"
            }
        }
        return format == .openMetrics ? out + "# EOF\n" : out
    }

    static func run(_ arguments: [String]) {
        let series = arguments.first.flatMap(Int.init) ?? 200_000
        let format = arguments.dropFirst().first.flatMap(ExpositionFormat.init(rawValue:)) ?? .prometheusText
        let text = generate(series: series, format: format)
        let bytes = Double(text.utf8.count)
        let lines = Double(text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 })
        var best = Double.infinity
        var findings = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            findings = MetricsLinter().lint(text: text, file: "bench.prom").count
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "check-metrics (%@): %.1f MB, %.0f lines in %.3fs = %.1f MB/s, %.0f lines/s, %d findings",
                     format.rawValue, bytes / 1e6, lines, best, bytes / 1e6 / best, lines / best, findings))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
