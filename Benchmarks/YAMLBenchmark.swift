#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YAML

/// `labctl-bench yaml [megabytes] [iterations]`: YAML and JSON parse throughput on a generated
/// prometheus.yml, writer throughput, and peak resident memory. `--parse-only` stops after YAML parsing.
enum YAMLBenchmark {
    static func run(arguments: [String]) {
        let megabytes = arguments.first.flatMap { Int($0) } ?? 20
        let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 3
        let text = prometheusConfig(minimumBytes: megabytes << 20)
        let input = YAMLInput(name: "bench.yml", text: text)
        let mb = Double(input.bytes.count) / 1_048_576
        print("yaml: input \(format2(mb)) MiB generated prometheus.yml, \(iterations) iterations")
        print("yaml: peak RSS after generation \(peakRSSMiB()) MiB")

        var root: YAMLNode?
        var parseSeconds = Double.infinity
        for _ in 0..<max(1, iterations) {
            root = nil
            parseSeconds = min(parseSeconds, measure(1) {
                do {
                    root = try YAMLParser().parse(input).first?.root
                } catch {
                    print("yaml: parse failed: \(error)")
                }
            })
        }
        let nodes = root?.treeSize ?? 0
        let lines = Double(input.bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        let linesPerSecond = parseSeconds > 0 ? Int(lines / parseSeconds) : 0
        report("YAML parse", mb: mb, seconds: parseSeconds, extra: "\(nodes) nodes, \(linesPerSecond) lines/s")
        print("yaml: peak RSS after YAML parse \(peakRSSMiB()) MiB")
        if CommandLine.arguments.contains("--parse-only") { return }

        guard let tree = root else { return }
        var written = ""
        let writeSeconds = measure(iterations) { written = YAMLWriter().write(tree) }
        report("YAML write", mb: Double(written.utf8.count) / 1_048_576, seconds: writeSeconds, extra: "")

        let json = YAMLInput(name: "bench.json", text: JSONWriter().write(tree))
        let jsonMB = Double(json.bytes.count) / 1_048_576
        let jsonSeconds = measure(iterations) {
            do { _ = try JSONParser().parse(json) } catch { print("yaml: JSON parse failed: \(error)") }
        }
        report("JSON parse", mb: jsonMB, seconds: jsonSeconds, extra: "")
        print("yaml: peak RSS at end \(peakRSSMiB()) MiB")
    }

    // MARK: - Measurement

    /// Best wall-clock time of `iterations` runs, in seconds.
    private static func measure(_ iterations: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, iterations) {
            let start = ContinuousClock.now
            body()
            let d = ContinuousClock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            best = min(best, seconds)
        }
        return best
    }

    private static func report(_ what: String, mb: Double, seconds: Double, extra: String) {
        let rate = seconds > 0 ? mb / seconds : 0
        let suffix = extra.isEmpty ? "" : ", \(extra)"
        print("yaml: \(what): \(format2(mb)) MiB in \(format2(seconds * 1000)) ms = \(format2(rate)) MiB/s\(suffix)")
    }

    private static func peakRSSMiB() -> String {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if canImport(Darwin)
        let bytes = Double(usage.ru_maxrss)
        #else
        let bytes = Double(usage.ru_maxrss) * 1024
        #endif
        return format2(bytes / 1_048_576)
    }

    private static func format2(_ v: Double) -> String {
        let scaled = (v * 100).rounded() / 100
        return "\(scaled)"
    }

    // MARK: - Input

    /// A prometheus.yml with many scrape jobs in the shapes real configs use.
    static func prometheusConfig(minimumBytes: Int) -> String {
        var out = """
        global:
          scrape_interval: 15s
          evaluation_interval: 15s
          external_labels:
            cluster: lab
        rule_files:
          - rules/*.yml
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ['alertmanager:9093']
        scrape_configs:

        """
        var job = 0
        while out.utf8.count < minimumBytes {
            out += """
              - job_name: "node-\(job)"
                scrape_interval: 30s
                scrape_timeout: 10s
                metrics_path: /metrics
                honor_labels: false
                static_configs:
                  - targets: ['host-\(job)-a:9100', 'host-\(job)-b:9100', "host-\(job)-c:9100"]
                    labels:
                      team: "team-\(job % 7)"
                      env: prod
                relabel_configs:
                  - source_labels: [__address__]
                    regex: '(.*):9100'
                    target_label: instance
                    replacement: '${1}'
                  - action: labeldrop
                    regex: "tmp_.*"

            """
            job += 1
        }
        return out
    }
}
