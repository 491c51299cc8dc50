import ConfigModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `labctl-bench config-check [JOBS]`: `check config` (decode, validate, lint) on a generated
/// prometheus.yml of JOBS static scrape jobs (default 2,000, the shape Benchmarks/compare-promtool.sh
/// uses), and prints jobs/s, MB/s, lines/s and peak RSS.
enum ConfigCheckBenchmark {
    static func generate(jobs: Int) -> String {
        var text = "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nscrape_configs:\n"
        text.reserveCapacity(jobs * 200)
        for j in 0..<jobs {
            text += "  - job_name: job_\(j)\n    metrics_path: /metrics\n    scrape_interval: 30s\n"
            text += "    static_configs:\n      - targets: [\"host-\(j):9100\", \"host-\(j):9101\"]\n"
            text += "        labels:\n          env: lab\n"
        }
        return text
    }

    static func run(_ arguments: [String]) {
        let jobs = arguments.first.flatMap(Int.init) ?? 2_000
        let text = generate(jobs: jobs)
        let megabytes = Double(text.utf8.count) / 1_048_576
        let lines = Double(text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        let check = PrometheusConfigCheck(lint: true, syntaxOnly: false)
        var best = Double.infinity
        var found = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = check.run(text: text, file: "bench.yml", directory: ".")
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            found = outcome.diagnostics.count
            if outcome.hasErrors { print("unexpected errors: \(outcome.diagnostics.prefix(3))") }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        #if os(Linux)
        let peakMB = Double(usage.ru_maxrss) / 1024
        #else
        let peakMB = Double(usage.ru_maxrss) / 1_048_576
        #endif
        print("config-check: \(jobs) jobs, \(String(format: "%.2f", megabytes)) MB, \(found) findings, best of 5: \(String(format: "%.4f", best)) s")
        print("  \(String(format: "%.0f", Double(jobs) / best)) jobs/s, \(String(format: "%.1f", megabytes / best)) MB/s, "
              + "\(String(format: "%.0f", lines / best)) lines/s, peak RSS \(String(format: "%.1f", peakMB)) MB")
    }
}
