import ConfigModel
import Foundation
import PromModel
import Runtime

/// `labctl-bench pipeline`: simulated time per wall-clock second for an alerting stack (storage,
/// engine, rules, dispatcher) with N targets scraped every 15s, a 30s rule group and half the
/// targets going down halfway through.
enum PipelineBenchmark {
    static func run(_ arguments: [String]) throws {
        let targets = arguments.first.flatMap(Int.init) ?? 200
        let hours = arguments.dropFirst().first.flatMap(Int64.init) ?? 6
        let rules = RuleFile.parse("""
        groups:
          - name: bench
            interval: 30s
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
              - record: job:requests:rate1m
                expr: sum by (job) (rate(requests_total[1m]))
              - alert: TargetDown
                expr: up == 0
                for: 1m
                labels: {severity: critical}
                annotations: {summary: "{{ $labels.instance }} down ({{ $value }})"}
        """, file: "bench.yml")
        let (am, diagnostics) = AlertmanagerConfig.load(text: """
        route: {receiver: r, group_by: [alertname], group_wait: 30s, group_interval: 5m, repeat_interval: 1h}
        receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/"}]}]
        """, file: "am.yml").parts
        guard let ruleFile = rules.value, let am, diagnostics.isEmpty else {
            print("pipeline: generated configs are invalid: \(rules.diagnostics) \(diagnostics)")
            return
        }
        let memory = MemoryNotifier()
        var options = AlertPipelineOptions(ruleFiles: [ruleFile], alertmanager: am)
        options.externalLabels = ["cluster": "bench"]
        let pipeline = try AlertPipeline(options: options, notifier: memory)
        let end = hours * 3_600_000
        pipeline.addSource(SampleSource(name: "targets", interval: 15_000) { t in
            (0..<targets).flatMap { i -> [(labels: Labels, value: Double)] in
                let instance = "host\(i):9100"
                let down = i % 2 == 0 && t > end / 2
                return [(["__name__": "up", "job": "node", "instance": instance], down ? 0 : 1),
                        (["__name__": "requests_total", "job": "node", "instance": instance], Double(t / 15_000 * 10))]
            }
        })
        let start = DispatchTime.now().uptimeNanoseconds
        let steps = pipeline.advance(to: end)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let evaluations = end / 30_000
        print(String(format: "pipeline: %d targets, %lld h simulated in %.2f s (%.0f× real time), %d instants",
                     targets, hours, seconds, Double(end) / 1000 / seconds, steps))
        print(String(format: "  %lld group evaluations (%.0f/s), %d samples appended, %d alert deliveries, %d notifications",
                     evaluations, Double(evaluations) / seconds, Int(end / 15_000) * targets * 2,
                     pipeline.sender.deliveries.count, memory.notifications.count))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("max RSS: \(usage.ru_maxrss / 1024) MB")
    }
}
