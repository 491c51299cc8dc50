import Foundation

// labctl-bench: throughput and memory benchmarks (never timed tests).
// Usage: labctl-bench <name> [arguments...]   Build with -c release for meaningful numbers.

/// One benchmark: its name, a one-line description and how to run it with the remaining arguments.
struct BenchmarkEntry {
    let name: String
    let summary: String
    let run: ([String]) throws -> Void
}

let benchmarks: [BenchmarkEntry] = [
    BenchmarkEntry(name: "messages", summary: "Diagnostics translated to Spanish per second by MessageCatalog [diagnostics]") {
        MessageCatalogBenchmark.run($0)
    },
    BenchmarkEntry(name: "yaml", summary: "YAML/JSON parse and write throughput on a generated prometheus.yml [MiB] [iterations]") {
        YAMLBenchmark.run(arguments: $0)
    },
    BenchmarkEntry(name: "regex", summary: "RE2 engine: compile time and matches/s on label values") { _ in
        RegexBenchmark.run()
    },
    BenchmarkEntry(name: "promql", summary: "PromQL expressions parsed per second on the conformance corpus [testdata-dir]") {
        PromQLBenchmark.run(arguments: $0)
    },
    BenchmarkEntry(name: "storage", summary: "TSDB ingestion, bytes/sample, select latency") { _ in
        try StorageBenchmark.run()
    },
    BenchmarkEntry(name: "engine", summary: "PromQL engine: ingestion, bytes/sample, sum by (job) (rate(x[5m])) range query [series] [hours]") {
        try EngineBenchmark.run(arguments: $0)
    },
    BenchmarkEntry(name: "histograms", summary: "Native histograms: ingestion, bytes/sample, histogram_quantile(0.95, sum(rate(h[5m]))) [series] [hours] [buckets]") {
        try NativeHistogramBenchmark.run(arguments: $0)
    },
    BenchmarkEntry(name: "exposition", summary: "Exposition text parse/write throughput [series, default 10000; 200000 is about 20 MB]") {
        try ExpositionBenchmark.run($0)
    },
    BenchmarkEntry(name: "data-load", summary: "query --data loading: a generated OpenMetrics backfill file into storage [series, default 5000] [points, default 240]") {
        try DataLoadBenchmark.run($0)
    },
    BenchmarkEntry(name: "check-metrics", summary: "check metrics (parse + lint) on a generated exposition [series, default 200000] [text|openmetrics]") {
        CheckMetricsBenchmark.run($0)
    },
    BenchmarkEntry(name: "rules-check", summary: "check rules (validate + lint) on a generated rule file [rules, default 10000]") {
        RulesCheckBenchmark.run($0)
    },
    BenchmarkEntry(name: "config-check", summary: "check config (decode + validate + lint) on a generated prometheus.yml [jobs, default 2000]") {
        ConfigCheckBenchmark.run($0)
    },
    BenchmarkEntry(name: "templates", summary: "Alert annotation templates rendered per second (Prometheus, Alertmanager)") { _ in
        try TemplateBenchmark.run()
    },
    BenchmarkEntry(name: "alerting", summary: "Alertmanager routing on a 50-route tree, dispatch and flush throughput [alerts]") {
        try AlertingBenchmark.run($0)
    },
    BenchmarkEntry(name: "relabel", summary: "Relabelling throughput on a 6-step service-discovery chain [label sets]") {
        try RelabelBenchmark.run($0)
    },
    BenchmarkEntry(name: "class-grade", summary: "A 30-student Práctica 26 class graded as grade --roster does [students] [jobs] [labctl]") {
        try ClassGradeBenchmark.run($0)
    },
    BenchmarkEntry(name: "copies", summary: "students verify on a generated Práctica 26 class with known copies: precision, recall, time [students]") {
        try CopyDetectionBenchmark.run($0)
    },
    BenchmarkEntry(name: "pipeline", summary: "Alert pipeline: simulated hours per second, storage+rules+dispatch [targets] [hours]") {
        try PipelineBenchmark.run($0)
    },
    BenchmarkEntry(name: "load", summary: "labctl load's requests/s against a trivial loopback server [vus] [seconds] [demo-app]") {
        try LoadBenchmark.run($0)
    },
    BenchmarkEntry(name: "demo-app", summary: "labctl demo-app vs the Python service under the same wrk load on /health [connections] [seconds]") {
        try DemoAppBenchmark.run($0)
    },
    BenchmarkEntry(name: "scrape", summary: "labctl serve's scrape manager: [targets] × [series] every 1s for [seconds] into the store") {
        try ScrapeBenchmark.run($0)
    },
    BenchmarkEntry(name: "http", summary: "labctl's HTTP server: keep-alive requests/s, latency p50/p99, peak RSS (and wrk) [clients] [seconds]") {
        try HTTPServerBenchmark.run($0)
    },
    BenchmarkEntry(name: "wal", summary: "WAL append samples/s and MB/s, replay time, checkpoint, peak RSS [million samples] [series]") {
        try WALBenchmark.run($0)
    },
    BenchmarkEntry(name: "wal-writer", summary: "Crash-test child: append to DIR forever, print the last synced timestamp [DIR] [series] [ms]") {
        try WALWriterBenchmark.run($0)
    },
    BenchmarkEntry(name: "remote-write", summary: "remote_write forwarding to a loopback receiver: samples/s [samples] [series]") {
        try RemoteWriteBenchmark.run($0)
    },
    BenchmarkEntry(name: "reports", summary: "Grade reports rendered per second: text, JSON, JUnit, Markdown, HTML+SVG, Gradescope [exercises]") {
        ReportsBenchmark.run($0)
    },
    BenchmarkEntry(name: "api", summary: "Prometheus HTTP API handler in-process: query, query_range, series, federate, remote write [series]") {
        try APIBenchmark.run($0)
    },
]

let benchArguments = Array(CommandLine.arguments.dropFirst())
guard let name = benchArguments.first, let entry = benchmarks.first(where: { $0.name == name }) else {
    print("usage: labctl-bench <benchmark> [arguments...]\n\nbenchmarks:")
    for entry in benchmarks { print("  \(entry.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.summary)") }
    exit(benchArguments.isEmpty ? 0 : 2)
}
do {
    try entry.run(Array(benchArguments.dropFirst()))
} catch {
    print("benchmark \(name) failed: \(error)")
    exit(1)
}
